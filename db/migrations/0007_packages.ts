// 0007: the 报送记录 (issue 6): every package this install wrote or accepted — direction, kind, the sender's
// township, its sequence number, the SM3 of its manifest and of the previous one, counts and the file. A sender's
// sequence numbers are unique per direction and kind, so a replayed or older package is refused by the database
// as well as by the importer. Append-only. Frozen in time once released.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('package_record')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('out', 'in')`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('submission', 'reply')`))
    .addColumn('township_code', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('manifest_sm3', 'text', (c) => c.notNull())
    .addColumn('previous_sm3', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('counts_json', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('package_record_seq').on('package_record').columns(['direction', 'kind', 'township_code', 'sequence']).unique().execute()
  await sql`create trigger package_record_no_update before update on package_record begin select raise(abort, 'package_record is append-only'); end`.execute(db)
  await sql`create trigger package_record_no_delete before delete on package_record begin select raise(abort, 'package_record is append-only'); end`.execute(db)
}

// 0005: the register of cadre and staff pledges (干部承诺书, issue 5; domain.md §9): who must sign, when the
// printed pledge came back signed, and the scanned copy (content-addressed like attachments). A person who
// leaves his post is marked, never deleted. Frozen in time once released.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('cadre_pledge')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('post', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('village', 'township', 'county')`))
    .addColumn('village_code', 'text')
    .addColumn('signed_date', 'text')
    .addColumn('scan_sm3', 'text')
    .addColumn('scan_mime', 'text')
    .addColumn('scan_name', 'text')
    .addColumn('signed_recorded_by', 'text')
    .addColumn('left_date', 'text')
    .addColumn('left_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.createIndex('cadre_pledge_name').on('cadre_pledge').column('name').execute()
}


// 0004: printed documents (issue 5). Every printed document gets a number and a register row — kind, what it
// prints, the SM3 of its content, who printed it and when — so a printed copy's QR code can be checked against
// the database. Append-only. Frozen in time once released.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('printed_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('doc_no', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content_sm3', 'text', (c) => c.notNull())
    .addColumn('paper', 'text')
    .addColumn('printed_by', 'text', (c) => c.notNull())
    .addColumn('printed_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('printed_document_ref').on('printed_document').columns(['kind', 'ref_id']).execute()
  await sql`create trigger printed_document_no_update before update on printed_document begin select raise(abort, 'printed_document is append-only'); end`.execute(db)
  await sql`create trigger printed_document_no_delete before delete on printed_document begin select raise(abort, 'printed_document is append-only'); end`.execute(db)
}


// 0006: SM2 keys of the USB exchange (issue 6). The private key never enters the database: it is an encrypted
// PKCS#8 PEM file in <data>/keys/; the rows record each public key, its role and fingerprint, when it was made
// or imported, and when it was retired (rotation keeps the old row, signed over by the new key). Append-only
// except for `retired_at`. Frozen in time once released.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('exchange_key')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('own', 'county', 'township')`))
    .addColumn('owner_code', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('key_file', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('successor_sig', 'text')
    .execute()
  await db.schema.createIndex('exchange_key_role').on('exchange_key').columns(['role', 'owner_code']).execute()
  await sql`create trigger exchange_key_no_delete before delete on exchange_key begin select raise(abort, 'exchange_key is append-only'); end`.execute(db)
  await sql`create trigger exchange_key_only_retire before update on exchange_key when new.public_key is not old.public_key or new.role is not old.role or new.owner_code is not old.owner_code or new.fingerprint is not old.fingerprint or new.created_at is not old.created_at begin select raise(abort, 'exchange_key rows only get retired'); end`.execute(db)
}

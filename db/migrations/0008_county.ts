// 0008: county mode (issue 6). A county install has one `county_office` row instead of a `township` row; it keeps
// the townships' registered public keys (exchange_key role 'township'), every submission package it accepted
// (package_record direction 'in') and, per case of a package, the county's review (`county_review`): whether the
// case awaits the county's decision, was decided by the township and is sent for 备案, or is only progress
// information; why it was sampled, the 入户 check, the decision and its reason. A review row is decided and re-decided only until the
// reply that carries it is sent; then it is frozen. package_record gains the answered package (`in_reply_to`)
// and the kept copy of an accepted package (`stored_file`). Frozen in time once released.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('county_office')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await sql`create trigger county_office_no_delete before delete on county_office begin select raise(abort, 'county_office cannot be deleted'); end`.execute(db)

  await db.schema.alterTable('package_record').addColumn('in_reply_to', 'text').execute()
  await db.schema.alterTable('package_record').addColumn('stored_file', 'text').execute()

  await db.schema.createTable('county_review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('package_id', 'text', (c) => c.notNull().references('package_record.id'))
    .addColumn('township_code', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('head_name', 'text', (c) => c.notNull())
    .addColumn('village_name', 'text', (c) => c.notNull())
    .addColumn('kind_label', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('step_label', 'text', (c) => c.notNull())
    .addColumn('awaiting', 'text', (c) => c.notNull().check(sql`awaiting in ('decision', 'filing', 'info')`))
    .addColumn('case_json', 'text', (c) => c.notNull())
    .addColumn('household_json', 'text', (c) => c.notNull())
    .addColumn('sample_reason', 'text')
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('approve', 'reject', 'return', 'filed')`))
    .addColumn('reason', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('visit_json', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reply_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('county_review_package').on('county_review').columns(['package_id', 'case_no']).unique().execute()
  await sql`create trigger county_review_no_delete before delete on county_review begin select raise(abort, 'county_review is kept'); end`.execute(db)
  await sql`create trigger county_review_frozen before update on county_review when old.reply_id is not null begin select raise(abort, 'county_review was replied and is frozen'); end`.execute(db)
  await sql`create trigger county_review_fixed before update on county_review when new.case_json is not old.case_json or new.household_json is not old.household_json or new.package_id is not old.package_id or new.case_id is not old.case_id or new.sample_reason is not old.sample_reason begin select raise(abort, 'county_review keeps what the package said'); end`.execute(db)
}

// 0002: cases and their signed steps (issue 4, procedure engine). Frozen in time once released.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('dibao_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('newApplication','recheck','change','stop','phaseOut','resume')`))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('variant_id', 'text', (c) => c.notNull())
    .addColumn('decision_level', 'text', (c) => c.notNull().check(sql`decision_level in ('county','township')`))
    .addColumn('current_step', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  // at most one open case per household (domain.md §4.1: an open case is a ground for 不予受理)
  await db.schema.createIndex('case_one_open').on('dibao_case').column('household_id').unique().where(sql.ref('closed_at'), 'is', null).execute()
  await db.schema.createIndex('case_open_step').on('dibao_case').columns(['closed_at', 'current_step']).execute()

  await db.schema.createTable('case_step')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('dibao_case.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('step_date', 'text', (c) => c.notNull())          // the calendar date the step happened
    .addColumn('signer_id', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signer_role', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('data_json', 'text')
    .addColumn('attachment_ids_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_step_seq', ['case_id', 'seq'])
    .execute()
  // a signed step is never edited or removed; corrections are new steps with a reason
  await sql`create trigger case_step_no_update before update on case_step begin select raise(abort, 'case_step is append-only'); end`.execute(db)
  await sql`create trigger case_step_no_delete before delete on case_step begin select raise(abort, 'case_step is append-only'); end`.execute(db)
}

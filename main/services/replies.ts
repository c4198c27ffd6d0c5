// The township imports the county's signed reply (issue 6; docs/package-format.md §3): verified under the county
// key it imported, next in the county's reply sequence, answering a submission this install sent. Then, in one
// write, each decision is applied as the county's signed step (同意 → 审核确认/县级公示, 不同意, 退回补充调查), the
// county's 入户核查 becomes a 县级入户核查记录 on the case, a 备案 answer is noted in the audit log — or, when any
// case cannot take its decision, nothing at all is applied and the message names that case.
import path from 'node:path'
import { z } from 'zod'
import { AppError } from '../api/errors'
import type { ReplyImportResult } from '../api/types'
import { PackageError, verifyPackage } from '../package/container'
import { readPublicKeyPem, sameFingerprint } from '../package/keys'
import { sequenceProblem } from '../package/sequence'
import { actorLabel, readCtx, withWrite, type Actor, type Core } from './context'
import { listKeys } from './exchangeKeys'
import { newId } from './ids'
import { requireTownship } from './setup'
import { signStep, stepsOf, variantOfCase } from './cases'
import { keepReceivedPackage, lastPackage, oneAtATime, packageView, readPayloadJson } from './packages'
import { DECISION_LABELS } from './county'
import type { StepKind } from '../domain/workflow'

const DateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const Decisions = z.object({
  inReplyTo: z.object({ sequence: z.number().int().positive(), manifestSm3: z.string().regex(/^[0-9a-f]{64}$/) }),
  decisions: z.array(z.object({
    caseId: z.string().min(1), caseNo: z.string().min(1), decision: z.enum(['approve', 'reject', 'return', 'filed']), reason: z.string().max(500).nullable(), date: DateStr,
    decidedBy: z.object({ name: z.string().min(1).max(40), username: z.string().max(40) }),
    visit: z.object({ date: DateStr, visitors: z.array(z.object({ name: z.string().min(1).max(20), role: z.string().max(30) })).min(1), findings: z.string().min(1).max(1000) }).nullable(),
    sampleReason: z.string().max(200).nullable(),
  })).min(1),
})

export async function importReply(core: Core, actor: Actor | null, input: { file: string }): Promise<ReplyImportResult> {
  return oneAtATime(core, () => importOne(core, actor, input))
}

async function importOne(core: Core, actor: Actor | null, input: { file: string }): Promise<ReplyImportResult> {
  const ctx = readCtx(core, actor)
  const t = await requireTownship(ctx)
  const keys = await listKeys(ctx)
  const county = keys.county
  const refuse = (msg: string) => new AppError('VALIDATION', `回复包未导入：${msg}`)
  if (!county) throw refuse('本乡镇还没有导入县民政局的公钥，无法核验回复包：请先在“数据交换密钥”页导入县级公钥并核对指纹')
  const file = path.resolve(input.file.trim())
  let verified
  try {
    verified = await verifyPackage(file, (m) => {
      if (typeof m.signer !== 'string' || !sameFingerprint(m.signer, county.fingerprint)) throw new PackageError(`签名密钥指纹 ${String(m.signer)} 与本乡镇导入的县级公钥指纹 ${county.fingerprint} 不一致：请向县民政局核实；县级更换了密钥的，须先导入新公钥`)
      return readPublicKeyPem(county.publicKeyPem)
    })
  } catch (e) {
    if (e instanceof PackageError) throw refuse(e.message)
    throw e
  }
  const m = verified.manifest
  const last = await lastPackage(ctx.db, 'in', 'reply', t.code)
  const problem = sequenceProblem(m, { kind: 'reply', township: { code: t.code, name: t.name }, county: { code: t.countyCode, name: t.countyName }, registeredFingerprint: county.fingerprint }, last ? { sequence: last.sequence, manifestSm3: last.manifest_sm3 } : null)
  if (problem) throw refuse(problem)
  let body: z.infer<typeof Decisions>
  try { body = await readPayloadJson(file, m, 'payload/decisions.json', null, Decisions) } catch (e) {
    if (e instanceof PackageError) throw refuse(e.message)
    throw e
  }
  const claimed = m.inReplyTo as { manifestSm3?: unknown } | undefined
  if (claimed?.manifestSm3 !== body.inReplyTo.manifestSm3) throw refuse('清单与 decisions.json 所答的报送包不一致')
  const sub = await ctx.db.selectFrom('package_record').selectAll().where('direction', '=', 'out').where('kind', '=', 'submission').where('manifest_sm3', '=', body.inReplyTo.manifestSm3).executeTakeFirst()
  if (!sub) throw refuse(`回复包所答的第 ${body.inReplyTo.sequence} 号报送包不是本机导出的（清单摘要不符）：可能是另一台电脑或恢复前的数据报送的`)

  const kept = await keepReceivedPackage(core, file, `县级回复-第${m.sequence}号-${verified.manifestSm3.slice(0, 12)}`)
  const applied: ReplyImportResult['applied'] = []
  try {
    const id = newId()
    await withWrite(core, actor, async (w) => {
      for (const d of body.decisions) {
        const at = `案件 ${d.caseNo}`
        const c = await w.tx.selectFrom('dibao_case').selectAll().where('id', '=', d.caseId).executeTakeFirst()
        if (!c || c.case_no !== d.caseNo) throw refuse(`${at} 在本机找不到`)
        const h = await w.tx.selectFrom('household').select(['head_name']).where('id', '=', c.household_id).executeTakeFirst()
        // the county's people sign as themselves, marked as the county's, never as one of this township's operators
        const countyActor: Actor = { operatorId: `county:${m.county.code}:${d.decidedBy.username || d.decidedBy.name}`, username: `${t.countyName}民政局${d.decidedBy.username ? ` ${d.decidedBy.username}` : ''}`, name: d.decidedBy.name, role: 'reviewer' }
        if (d.visit && !c.closed_at) {
          const steps = await stepsOf(w.tx, c.id)
          await w.tx.insertInto('case_record').values({
            id: newId(), case_id: c.id, kind: 'countyVisit', step_seq: steps[steps.length - 1]!.seq, record_date: d.visit.date, data_json: JSON.stringify({ visitors: d.visit.visitors, findings: d.visit.findings }),
            attachment_ids_json: null, supersedes_id: null, correction_reason: null, signer_id: countyActor.operatorId, signer_name: actorLabel(countyActor), created_at: w.now,
          }).execute()
          await w.audit({ action: 'case.record', entity: 'case', entityId: c.id, householdId: c.household_id, summary: `${at}：登记县级入户核查记录（${d.visit.date}，${d.visit.visitors.map((v) => v.name).join('、')}，随第 ${m.sequence} 号回复包导入）`, after: { kind: 'countyVisit', date: d.visit.date, data: d.visit } })
        }
        let step: string | null = null
        if (d.decision === 'filed') {
          await w.audit({ action: 'case.countyFiled', entity: 'case', entityId: c.id, householdId: c.household_id, summary: `${at}：${t.countyName}民政局备案无异议（${d.decidedBy.name}，${d.date}）${d.visit ? `，入户核查情况：${d.visit.findings}` : ''}` })
        } else {
          if (c.closed_at) throw refuse(`${at} 已办结，不能再应用县级意见“${DECISION_LABELS[d.decision]}”`)
          const next = variantOfCase(c).steps[c.current_step as StepKind]?.next ?? []
          const to = (d.decision === 'approve' ? (['approved', 'countyNoticing'] as const).find((k) => next.includes(k)) : d.decision === 'reject' ? 'rejected' : 'returned') as StepKind | undefined
          if (!to || !next.includes(to)) throw refuse(`${at} 当前在“${c.current_step}”环节，不是等待县级审核确认的案件，不能应用“${DECISION_LABELS[d.decision]}”`)
          try {
            await signStep(w, countyActor, 'countyApprover', { caseId: c.id, to, date: d.date, reason: d.reason }, { byCounty: true })
          } catch (e) {
            if (e instanceof AppError) throw refuse(`${at}：${e.message}`)
            throw e
          }
          step = to
        }
        applied.push({ caseId: c.id, caseNo: c.case_no, headName: h?.head_name ?? '', decision: d.decision, decisionLabel: DECISION_LABELS[d.decision]!, step, reason: d.reason, visit: !!d.visit })
      }
      await w.tx.insertInto('package_record').values({
        id, direction: 'in', kind: 'reply', township_code: t.code, sequence: m.sequence, manifest_sm3: verified.manifestSm3, previous_sm3: m.previous, file_name: path.basename(file), bytes: verified.bytes,
        counts_json: JSON.stringify(m.counts ?? {}), period_from: m.period?.from ?? null, period_to: m.period?.to ?? m.createdAt, operator: actorLabel(w.actor), created_at: w.now, in_reply_to: body.inReplyTo.manifestSm3, stored_file: path.relative(core.dataDir, kept.file),
      }).execute()
      await w.audit({ action: 'package.importReply', entity: 'package', entityId: id, summary: `导入${t.countyName}民政局第 ${m.sequence} 号回复包（答复第 ${sub.sequence} 号报送包，签名与文件核验无误）：${applied.map((a) => `${a.caseNo} ${a.decisionLabel}`).join('；')}`, after: { sequence: m.sequence, manifestSm3: verified.manifestSm3, inReplyTo: sub.sequence } })
    })
    const rec = await ctx.db.selectFrom('package_record').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    return { record: packageView(rec), inReplyTo: sub.sequence, applied }
  } catch (e) {
    kept.remove()
    throw e
  }
}

// Printing (issue 5): the services gather what a document may show and hand it to a pure builder in
// main/documents/. 公示 lines come from the batch's whitelist snapshot, so nothing masked ever reaches a builder.
// Printing is a write: the document is numbered and registered (with its content hash and an audit event) in
// one transaction, and the PDF carries that number and a signed QR payload.
import { AppError } from '../api/errors'
import { FontError } from '../documents/fonts'
import type { Paper } from '../documents/layout'
import { noticeDocument, type NoticeDocData } from '../documents/notice'
import { assertDocPrintable, renderPdf } from '../documents/render'
import { readCtx, withWrite, type Actor, type Core } from './context'
import { registerDocument } from './docRegister'
import { getNotice } from './notices'
import { requireTownship } from './setup'

export async function noticePdf(core: Core, actor: Actor | null, input: { batchId: string; paper?: Paper }): Promise<{ bytes: Buffer; fileName: string; docNo: string; payload: string }> {
  const ctx = readCtx(core, actor)
  const n = await getNotice(ctx, input.batchId)
  if (n.lines.length === 0) throw new AppError('VALIDATION', `公示 ${n.batchNo} 还没有列入任何案件，不能打印`)
  const t = await requireTownship(ctx)
  const data: NoticeDocData = {
    townshipName: t.name, countyName: t.countyName, title: n.title, batchNo: n.batchNo, villageName: n.villageName, startDate: n.startDate, endDate: n.endDate,
    durationLabel: n.durationLabel, phones: n.phones,
    lines: n.lines.map((l) => ({ seq: l.seq, villageName: l.villageName, applicantName: l.applicantName, persons: l.persons, amountFen: l.amountFen, category: l.category, remark: l.remark })),
  }
  const paper = input.paper ?? 'A4'
  const what = `公示 ${n.batchNo}`
  try {
    // a character the font lacks refuses before anything is numbered; then register, then render with the stamp
    assertDocPrintable(noticeDocument(data, paper, null), what)
    const stamp = await withWrite(core, actor, (w) => registerDocument(w, { kind: 'notice', refId: n.id, title: n.title, data, paper, townshipCode: t.code }))
    return { bytes: await renderPdf(noticeDocument(data, paper, stamp), what), fileName: `${n.batchNo}-${n.title}.pdf`, docNo: stamp.docNo, payload: stamp.payload }
  } catch (e) {
    if (e instanceof FontError) throw new AppError('VALIDATION', e.message)
    throw e
  }
}

// Printing (issue 5): the services gather what a document may show and hand it to a pure builder in
// main/documents/. 公示 lines come from the batch's whitelist snapshot, so nothing masked ever reaches a builder.
import { AppError } from '../api/errors'
import { FontError } from '../documents/fonts'
import type { Paper } from '../documents/layout'
import { noticeDocument } from '../documents/notice'
import { renderPdf } from '../documents/render'
import type { ReadCtx } from './context'
import { getNotice } from './notices'
import { requireTownship } from './setup'

export async function noticePdf(ctx: ReadCtx, input: { batchId: string; paper?: Paper }): Promise<{ bytes: Buffer; fileName: string; pages?: number }> {
  const n = await getNotice(ctx, input.batchId)
  if (n.lines.length === 0) throw new AppError('VALIDATION', `公示 ${n.batchNo} 还没有列入任何案件，不能打印`)
  const t = await requireTownship(ctx)
  const doc = noticeDocument({
    townshipName: t.name, countyName: t.countyName, title: n.title, batchNo: n.batchNo, villageName: n.villageName, startDate: n.startDate, endDate: n.endDate,
    durationLabel: n.durationLabel, phones: n.phones,
    lines: n.lines.map((l) => ({ seq: l.seq, villageName: l.villageName, applicantName: l.applicantName, persons: l.persons, amountFen: l.amountFen, category: l.category, remark: l.remark })),
  }, input.paper ?? 'A4')
  try {
    return { bytes: await renderPdf(doc, `公示 ${n.batchNo}`), fileName: `${n.batchNo}-${n.title}.pdf` }
  } catch (e) {
    if (e instanceof FontError) throw new AppError('VALIDATION', e.message)
    throw e
  }
}

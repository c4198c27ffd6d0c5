// What a 公示 may show (domain.md §8; 办法 art. 24 "不得公开无关信息"; 83号): the service maps every line through
// here before the builder sees it. The line is already a whitelist snapshot (services/notices.ts); this adds what
// a county may choose within the law — ⚙ notice.showGroup (村 or 村+组), ⚙ notice.showArea (城市/农村 after the
// category) — and a last guard: a field that looks like an ID, bank or phone number, or a remark or category with
// a word that reveals illness, disability, imprisonment, religion or fraud, refuses the printing instead of
// putting it on a village wall. Names print in full (required; no masking rule exists).

export interface PublicLine { seq: number; villageName: string; applicantName: string; persons: number; amountFen: number | null; category: string; remark: string | null }
export interface PublicOptions { showGroup: boolean; showArea: boolean; sensitiveWords: readonly string[] }

export const DEFAULT_SENSITIVE_WORDS = ['病', '残', '精神', '癌', '服刑', '戒毒', '吸毒', '宗教', '骗', '低能', '智障'] as const
export const DEFAULT_PUBLIC_OPTIONS: PublicOptions = { showGroup: true, showArea: true, sensitiveWords: DEFAULT_SENSITIVE_WORDS }

/** 6+ digits in a row (ID, bank card, phone fragments) — never on a 公示. */
const DIGIT_RUN = /\d{6,}|[\dXx]{15,18}/

export class PublicNoticeError extends Error {}

/** The line as it may be printed; throws PublicNoticeError naming the line and the field that must not be shown. */
export function publicLine(l: PublicLine, village: { name: string } | null, o: PublicOptions): PublicLine {
  const out: PublicLine = {
    ...l,
    villageName: o.showGroup || !village ? l.villageName : village.name,
    category: o.showArea ? l.category : l.category.replace(/（(城市|农村)）$/, ''),
  }
  const where = `第 ${l.seq} 行（${l.applicantName}）`
  for (const [label, v] of [['村（组）', out.villageName], ['申请人', out.applicantName], ['类别', out.category], ['备注', out.remark ?? '']] as const) {
    if (DIGIT_RUN.test(v)) throw new PublicNoticeError(`公示${where}的“${label}”含有一串数字“${v}”，像身份证号、银行账号或电话，不能公开张贴；请核对后再打印`)
  }
  for (const [label, v] of [['类别', out.category], ['备注', out.remark ?? '']] as const) {
    const w = o.sensitiveWords.find((s) => s && v.includes(s))
    if (w) throw new PublicNoticeError(`公示${where}的“${label}”含有“${w}”，可能公开病残、服刑、宗教等个人信息（办法第二十四条不得公开无关信息）；请改用规定的备注代码后再打印`)
  }
  return out
}

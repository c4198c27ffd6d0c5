// 一户一档 archive (issue 5; domain.md §10; forms.md §8 "档案封面 … 卷内目录"): one PDF that holds a household's
// whole paper file in order — cover, 卷内目录 with page numbers, the 家庭基本情况, every case with its signed
// steps and its forms and letters (the same sections the single documents print), the 承诺书, the scanned
// materials as images, the printed-document register and the 档案变更记录. A pure builder: the service
// gathers the sections and the images' bytes; PDF scans are appended after rendering (services/archive.ts).
import type { Content, DocDefinition } from './render'
import { officialDoc, ruled, td, th, type DocStamp } from './common'
import { mm, PT } from './layout'
import { formatChineseDate } from '../domain/dates'

export interface ArchiveSection { title: string; date: string | null; content: Content[]; group: string }
export interface ArchiveImage { title: string; date: string; kindLabel: string; memberName: string | null; dataUrl: string | null; note: string }
export interface ArchiveDocData {
  townshipName: string; countyName: string; villageName: string; fileNo: string; headName: string; applicantName: string
  categoryLabel: string; statusLabel: string; createdAt: string; retention: string; printedDate: string
  sections: ArchiveSection[]
  images: ArchiveImage[]
  /** PDF scans appended after the last page (listed here, numbered by the service) */
  appendedPdfs: Array<{ title: string; pages: number }>
  register: Array<{ docNo: string; title: string; printedAt: string; printedBy: string }>
  timeline: Array<{ at: string; operator: string; summary: string }>
  timelineTruncated: boolean
}

/** A section heading that starts a new page and enters the 卷内目录 (pdfmake fills in the page numbers). */
const sectionHead = (title: string): Content => ({ text: title, fontSize: PT.title - 4, alignment: 'center', margin: [0, 0, 0, 10], pageBreak: 'before', tocItem: true, tocStyle: { fontSize: 11 }, tocNumberStyle: { fontSize: 11 } })

function cover(d: ArchiveDocData, stamp: DocStamp | null): Content[] {
  const row = (k: string, v: string) => [th(k, { alignment: 'left' }), td(v)]
  return [
    { text: `${d.countyName}${d.townshipName}`, alignment: 'center', fontSize: PT.body, margin: [0, mm(12), 0, 4] },
    { text: '最低生活保障家庭档案', alignment: 'center', fontSize: 30, margin: [0, 0, 0, 6] },
    { text: '（一户一档）', alignment: 'center', fontSize: PT.body, margin: [0, 0, 0, mm(12)] },
    ruled([
      row('档案号', d.fileNo), row('村（社区）', d.villageName), row('户主', d.headName), row('申请人', d.applicantName),
      row('类别', d.categoryLabel), row('档案状态', d.statusLabel), row('建档日期', formatChineseDate(d.createdAt.slice(0, 10))),
      row('保管期限', d.retention), row('本卷打印日期', formatChineseDate(d.printedDate)),
    ], [mm(40), '*'], { fontSize: PT.body - 2, margin: [mm(12), 0, mm(12), 0] }),
    ...(stamp ? [{ margin: [0, mm(10), 0, 0], columns: [{ width: '*', text: '' }, { width: 'auto', stack: [{ qr: stamp.payload, fit: 90, eccLevel: 'M' }, { text: '扫码核验本卷', fontSize: 9, alignment: 'center', margin: [0, 2, 0, 0] }] }, { width: '*', text: '' }] }] : []),
    { text: `立卷单位：${d.townshipName}人民政府`, alignment: 'center', margin: [0, mm(8), 0, 0] },
  ]
}

export interface HouseholdSectionData {
  fileNo: string; villageName: string; address: string; hukouAddress: string | null; hukouNo: string | null; categoryLabel: string; statusLabel: string
  headName: string; applicantName: string; phone: string | null; housing: string; bank: string; povertyCause: string
  benefit: string; recheck: string
  members: Array<{ name: string; relation: string; idNumber: string; gender: string; birth: string; health: string; labour: string; work: string; counted: string }>
  formerMembers: Array<{ name: string; relation: string; left: string }>
  incomes: Array<{ member: string; kind: string; amount: string; counted: string; source: string }>
  assets: Array<{ member: string; kind: string; description: string; value: string; exempt: string }>
  obligors: Array<{ name: string; relation: string; income: string; support: string }>
  totals: string
}

/** 家庭基本情况: the file as it stands on the printing date (the cases below show what each decision rested on). */
export function householdSection(d: HouseholdSectionData): { title: string; content: Content[] } {
  const kv = (pairs: Array<[string, string]>) => ruled(pairs.reduce<Content[][]>((rows, [k, v], i) => {
    if (i % 2 === 0) rows.push([th(k, { alignment: 'left' }), td(v)])
    else rows[rows.length - 1]!.push(th(k, { alignment: 'left' }), td(v))
    return rows
  }, []).map((r) => (r.length === 2 ? [...r, th(''), td('')] : r)), [mm(24), '*', mm(24), '*'], { fontSize: 10 })
  const table = (head: string[], rows: string[][], widths: Array<number | string>) => ruled([head.map((h) => th(h)), ...rows.map((r) => r.map((c) => td(c)))], widths, { headerRows: 1, fontSize: 9 })
  return {
    title: '家庭基本情况',
    content: [
      kv([['档案号', d.fileNo], ['类别', d.categoryLabel], ['村（组）', d.villageName], ['档案状态', d.statusLabel], ['户主', d.headName], ['申请人', d.applicantName],
        ['家庭住址', d.address], ['户籍地址', d.hukouAddress ?? '同住址'], ['户口簿户号', d.hukouNo ?? '—'], ['联系电话', d.phone ?? '—'], ['住房', d.housing], ['致贫原因', d.povertyCause],
        ['保障金', d.benefit], ['复核', d.recheck], ['发放账户', d.bank]]),
      { text: '家庭成员', margin: [0, 6, 0, 0], fontSize: 11 },
      table(['姓名', '与户主关系', '公民身份号码', '性别', '出生日期', '健康', '劳动能力', '就业/就学', '计入/保障'], d.members.map((m) => [m.name, m.relation, m.idNumber, m.gender, m.birth, m.health, m.labour, m.work, m.counted]), [mm(14), mm(14), mm(32), mm(7), mm(18), mm(12), mm(14), '*', mm(22)]),
      ...(d.formerMembers.length ? [{ text: '已减少的成员', margin: [0, 6, 0, 0], fontSize: 11 }, table(['姓名', '与户主关系', '减少情况'], d.formerMembers.map((m) => [m.name, m.relation, m.left]), [mm(24), mm(24), '*'])] : []),
      { text: '收入（月）', margin: [0, 6, 0, 0], fontSize: 11 },
      d.incomes.length ? table(['成员', '收入类型', '月金额（元）', '是否计入', '来源'], d.incomes.map((i) => [i.member, i.kind, i.amount, i.counted, i.source]), [mm(20), mm(40), mm(24), mm(18), '*']) : { text: '（未登记收入）', fontSize: 10 },
      { text: '财产', margin: [0, 6, 0, 0], fontSize: 11 },
      d.assets.length ? table(['成员', '类型', '说明', '价值（元）', '豁免'], d.assets.map((a) => [a.member, a.kind, a.description, a.value, a.exempt]), [mm(20), mm(28), '*', mm(24), mm(30)]) : { text: '（未登记财产）', fontSize: 10 },
      { text: '赡养、抚养、扶养义务人', margin: [0, 6, 0, 0], fontSize: 11 },
      d.obligors.length ? table(['姓名', '关系', '月收入（元）', '实际给付（元/月）'], d.obligors.map((o) => [o.name, o.relation, o.income, o.support]), [mm(30), mm(30), '*', '*']) : { text: '（无）', fontSize: 10 },
      { text: d.totals, fontSize: 10, margin: [0, 6, 0, 0] },
    ],
  }
}

export interface CaseProcessData {
  caseNo: string; kindLabel: string; variantLabel: string; openedAt: string; closedAt: string | null; currentStep: string
  steps: Array<{ seq: number; label: string; date: string; signer: string; role: string; reason: string }>
  records: Array<{ label: string; date: string; signer: string; note: string }>
  flags: Array<{ title: string; status: string; cleared: string }>
}

/** 办理过程记录 (步步有痕迹): each signed step with who signed it, each record, and the rule findings and how they were cleared. */
export function caseProcessSection(d: CaseProcessData): { title: string; content: Content[] } {
  return {
    title: '办理过程记录',
    content: [
      { text: `程序：${d.variantLabel}    受理：${formatChineseDate(d.openedAt.slice(0, 10))}    ${d.closedAt ? `办结：${formatChineseDate(d.closedAt.slice(0, 10))}` : `当前环节：${d.currentStep}`}`, fontSize: 10, margin: [0, 0, 0, 4] },
      ruled([[th('序号'), th('环节'), th('日期'), th('签字人'), th('身份'), th('意见/理由')], ...d.steps.map((s) => [td(s.seq, { alignment: 'center' }), td(s.label), td(s.date), td(s.signer), td(s.role), td(s.reason)])], [mm(9), mm(28), mm(20), mm(30), mm(22), '*'], { headerRows: 1, fontSize: 9 }),
      ...(d.records.length ? [ruled([[th('办理记录', { colSpan: 4, alignment: 'left' }), '', '', ''], [th('记录'), th('日期'), th('登记人'), th('摘要')], ...d.records.map((r) => [td(r.label), td(r.date), td(r.signer), td(r.note)])], [mm(40), mm(20), mm(30), '*'], { headerRows: 2, fontSize: 9, margin: [0, 8, 0, 8] })] : []),
      ...(d.flags.length ? [ruled([[th('规则检查提示及处理', { colSpan: 3, alignment: 'left' }), '', ''], [th('提示'), th('状态'), th('核实情况')], ...d.flags.map((f) => [td(f.title), td(f.status), td(f.cleared)])], [mm(60), mm(18), '*'], { headerRows: 2, fontSize: 9, margin: [0, 8, 0, 8] })] : []),
    ],
  }
}

export function archiveDocument(d: ArchiveDocData, stamp: DocStamp | null): DocDefinition {
  const content: Content[] = [
    ...cover(d, stamp),
    { toc: { title: { text: '卷 内 目 录', fontSize: PT.title - 2, alignment: 'center', margin: [0, 0, 0, 10] } }, pageBreak: 'before' },
    ...(d.appendedPdfs.length ? [{ text: `另附 PDF 扫描件 ${d.appendedPdfs.length} 份，装订于卷末：${d.appendedPdfs.map((p) => `${p.title}（${p.pages} 页）`).join('；')}。`, fontSize: 10, margin: [0, 8, 0, 0] }] : []),
  ]
  for (const s of d.sections) content.push(sectionHead(`${s.group ? `${s.group} · ` : ''}${s.title}${s.date ? `（${formatChineseDate(s.date)}）` : ''}`), ...s.content)

  if (d.images.length) {
    d.images.forEach((img, i) => {
      content.push(sectionHead(`材料 ${i + 1}：${img.kindLabel}${img.memberName ? `（${img.memberName}）` : ''}`))
      content.push({ text: `${img.title}    上传于 ${formatChineseDate(img.date)}${img.note ? `    ${img.note}` : ''}`, fontSize: 10, alignment: 'center', margin: [0, 0, 0, 6] })
      content.push(img.dataUrl ? { image: img.dataUrl, fit: [mm(170), mm(225)], alignment: 'center' } : { text: '（该格式不能嵌入打印，见电子档案）', alignment: 'center', margin: [0, 40, 0, 0] })
    })
  }

  content.push(sectionHead('文书打印登记'))
  content.push(d.register.length
    ? ruled([[th('文书编号'), th('文书'), th('打印时间'), th('打印人')], ...d.register.map((r) => [td(r.docNo, { fontSize: 9 }), td(r.title), td(r.printedAt.slice(0, 16).replace('T', ' '), { fontSize: 9 }), td(r.printedBy, { fontSize: 9 })])], [mm(48), '*', mm(28), mm(30)], { headerRows: 1, fontSize: 10 })
    : { text: '（本户尚无打印登记）', fontSize: 11 })

  content.push(sectionHead('档案变更记录（审计摘要）'))
  content.push(ruled([[th('时间'), th('操作员'), th('内容')], ...d.timeline.map((e) => [td(e.at.slice(0, 16).replace('T', ' '), { fontSize: 9 }), td(e.operator, { fontSize: 9 }), td(e.summary, { fontSize: 9 })])], [mm(28), mm(26), '*'], { headerRows: 1, fontSize: 9 }))
  if (d.timelineTruncated) content.push({ text: '（记录较多，此处只列最近的部分；完整记录见系统“档案变更记录”，审计链可校验）', fontSize: 9, margin: [0, 4, 0, 0] })

  const doc = officialDoc({ title: '', stamp, form: true, bodySize: 11, footerNote: `档案号 ${d.fileNo}`, subject: `一户一档 ${d.fileNo}` }, content)
  // the cover carries its own title block
  ;(doc.content as Content[]).shift()
  doc.info = { title: `${d.headName}家最低生活保障档案（${d.fileNo}）`, subject: `一户一档 ${d.fileNo}` }
  return doc
}

// 承诺书 and 授权书 (domain.md §9; forms.md §5): the applicant's pledge and the economic-check authorisation,
// prefilled with the household so every co-resident member (and each obligor whose data is checked) signs
// beside his own printed name; and the personal pledge of a cadre or 民政 staff member. Pure builders: the
// texts arrive already filled from the templates (domain/templates.ts), the service decides who is listed.
import type { Content, DocDefinition } from './render'
import { blank, issuerBlock, officialDoc, para, ruled, signLine, td, th, type DocStamp } from './common'
import { mm, PT } from './layout'

export interface PledgeSigner { name: string; relation: string; idNumber: string | null; minor: boolean }
export interface PledgeDocData {
  townshipName: string; countyName: string; villageName: string; fileNo: string; applicantName: string; headName: string
  categoryLabel: string; date: string
  pledgeText: string[]; authorizationText: string[]
  members: PledgeSigner[]; obligors: PledgeSigner[]
  agent: { name: string; relation: string } | null
}

const signerTable = (rows: PledgeSigner[], relationHead: string): Content => ruled([
  [th('序号'), th('姓名'), th(relationHead), th('公民身份号码'), th('本人签名（手印）'), th('监护人签名')],
  ...rows.map((m, i) => [td(i + 1, { alignment: 'center' }), td(m.name), td(m.relation), td(m.idNumber ?? '', { fontSize: 10 }), td(''), td(m.minor ? '未成年，由监护人签' : '', { fontSize: 8, color: '#555555' })]),
], [mm(9), mm(18), mm(20), mm(38), '*', mm(24)], { headerRows: 1, fontSize: 11, rowHeight: 24 })

/** 承诺书 (first sheet) and 授权书 (second sheet), for the archive or a document of its own. */
export function pledgeSection(d: PledgeDocData): { title: string; content: Content[] } {
  const title = '最低生活保障申请承诺书'
  const head: Content = { text: `${d.countyName}${d.townshipName}${d.villageName}    档案号 ${d.fileNo}    ${d.categoryLabel}`, fontSize: PT.small, alignment: 'center', margin: [0, 0, 0, 8] }
  return {
    title,
    content: [
      head,
      ...d.pledgeText.map(para),
      { text: '共同生活的家庭成员签字：', margin: [0, 10, 0, 2] },
      signerTable(d.members, '与户主关系'),
      d.agent ? signLine(`委托代理人 ${d.agent.name}（与申请人关系：${d.agent.relation}）签名`) : '',
      signLine('申请人（签字/手印）', { name: null, date: null }),
      { text: '', pageBreak: 'after' },
      { text: '居民家庭经济状况核对授权书', fontSize: PT.title, alignment: 'center', margin: [0, 0, 0, 12] },
      head,
      ...d.authorizationText.map(para),
      { text: '授权人（共同生活的家庭成员）：', margin: [0, 10, 0, 2] },
      signerTable(d.members, '与户主关系'),
      ...(d.obligors.length ? [{ text: '授权人（须核对经济状况的赡养、抚养、扶养义务人）：', margin: [0, 6, 0, 2] }, signerTable(d.obligors, '与申请人关系')] : []),
      { text: '填写须知：1. 每位授权人本人签名或按指印；无民事行为能力或限制民事行为能力的成员由监护人代签并注明。2. 本授权书一式两份，申请人和乡镇人民政府各执一份，另一份随核对申请送核对机构。3. 公民身份号码由系统按档案打印，如有错误请当场更正并签名确认。', style: 'note' },
      signLine('经办人（签字）', { name: null, date: null }),
    ],
  }
}

export function pledgeDocument(d: PledgeDocData, stamp: DocStamp | null): DocDefinition {
  const s = pledgeSection(d)
  return officialDoc({ title: s.title, stamp, subject: `承诺书和授权书 ${d.fileNo}`, bodySize: 13, form: true }, [...s.content, issuerBlock(`${d.townshipName}人民政府`, d.date, stamp, { sealNote: '（经办单位盖章）' })])
}

export interface CadrePledgeDocData { townshipName: string; countyName: string; name: string; post: string; unit: string; text: string[]; date: string }

/** 干部承诺书: one person, one sheet; signed by hand and filed with the township and the county. */
export function cadrePledgeDocument(d: CadrePledgeDocData, stamp: DocStamp | null): DocDefinition {
  return officialDoc({ title: '最低生活保障工作承诺书', stamp, subject: `干部承诺书 ${d.name}`, bodySize: 15 }, [
    ...d.text.map(para),
    { text: '本承诺书一式两份，承诺人所在单位和县级民政部门各存一份。', style: 'note' },
    { unbreakable: true, margin: [0, 10, 0, 0], columns: [
      stamp ? { width: mm(36), stack: [{ qr: stamp.payload, fit: 90, eccLevel: 'M' }, { text: '扫码核验', fontSize: 9, margin: [mm(8), 2, 0, 0] }] } : { width: mm(36), text: '' },
      { width: '*', text: '' },
      { width: 'auto', stack: [
        { text: ['承诺人（签字）：', blank(6)] },
        { text: `职务：${d.post}`, margin: [0, 6, 0, 0] },
        { text: `单位：${d.unit}`, margin: [0, 6, 0, 0] },
        { text: ['日期：', blank(3), '年', blank(2), '月', blank(2), '日'], margin: [0, 6, 0, 0] },
      ] },
    ] },
  ])
}

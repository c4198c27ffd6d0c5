// 密钥登记表 (issue 6): the sheet the township prints and carries to the county with its public key, so the county
// files the fingerprint under a signature and a seal; a package is later accepted only under a registered key.
import type { Content, DocDefinition } from './render'
import { officialDoc, para, ruled, td, th, type DocStamp } from './common'
import { mm, PT } from './layout'
import { formatChineseDate } from '../domain/dates'

export interface KeySheetData {
  townshipName: string; townshipCode: string; countyName: string; fingerprint: string; algorithm: string
  createdAt: string; createdBy: string; date: string; previousFingerprint: string | null; publicKeyPem: string
  /** county: the county install's key, which signs its replies (townships check it when importing the county key) */
  issuer?: 'township' | 'county'
}

/** A cell to sign in: the label, room for the pen (more for a seal), the date line at the right. */
const signCell = (label: string, seal = false): Content => ({ stack: [{ text: label }, { text: seal ? '\n\n' : ' ', fontSize: 10 }, { text: '年    月    日', alignment: 'right', margin: [0, 0, mm(6), 0] }] })

export function keySheetDocument(d: KeySheetData, stamp: DocStamp | null): DocDefinition {
  const row = (k: string, v: string, extra: Record<string, unknown> = {}) => [th(k, { alignment: 'left' }), td(v, extra)]
  const county = d.issuer === 'county'
  const intro = county
    ? `${d.countyName}民政局回复各乡镇（街道）最低生活保障审核确认结果、接收加密报送包使用以下密钥。乡镇导入县级公钥时核对公钥指纹，与本表一致的方可导入；回复包只有经此密钥签名的才予导入。指纹按 16 组、每组 4 位十六进制数逐组核对，一位不符即为不同的密钥；更换密钥时新密钥由原密钥签名确认，并重新发送本表。`
    : `${d.townshipName}人民政府向${d.countyName}民政局报送最低生活保障审核材料使用以下签名密钥。县民政局导入报送包时核对公钥指纹，与本表登记一致的方予接收。指纹按 16 组、每组 4 位十六进制数逐组核对，一位不符即为不同的密钥；更换密钥时新密钥由原密钥签名确认，并重新填报本表。`
  return officialDoc({ title: county ? '最低生活保障数据交换县级密钥告知表' : '最低生活保障数据报送密钥登记表', stamp, form: true, bodySize: 12 }, [
    para(intro),
    ruled([
      county ? row('县（市、区）民政局', `${d.countyName}民政局（${d.townshipCode}）`) : row('乡镇（街道）', `${d.townshipName}（${d.townshipCode}）`),
      row('算法', d.algorithm),
      row('公钥指纹（SM3）', d.fingerprint, { fontSize: 13, characterSpacing: 0.5 }),
      row('密钥生成时间', `${formatChineseDate(d.createdAt.slice(0, 10))} ${d.createdAt.slice(11, 16)}`),
      row('生成人', d.createdBy),
      ...(d.previousFingerprint ? [row('替换的原密钥指纹', d.previousFingerprint, { fontSize: 11 })] : []),
    ], [mm(40), '*'], { fontSize: PT.small, margin: [0, 6, 0, 4] }),
    { columns: [
      { width: '*', text: county ? '公钥文件（SPKI PEM）以 U 盘随表发送各乡镇；乡镇导入后核对其指纹与上表一致。' : '公钥文件（SPKI PEM）以 U 盘随表报送；县民政局导入后核对其指纹与上表一致。', fontSize: 10, margin: [0, 6, 0, 0] },
      stamp ? { width: mm(24), stack: [{ qr: stamp.payload, fit: 64, eccLevel: 'M' }, { text: '扫码核验', fontSize: 8, alignment: 'center' }] } : { width: mm(24), text: '' },
    ] },
    ruled([
      ...(county ? [
        [th('县级发出'), th('乡镇核对')],
        [signCell('经办人（签字）'), signCell('核对人（签字）')],
        [signCell('分管领导（签字）'), signCell('导入人（签字）')],
        [signCell(`（${d.countyName}民政局盖章）`, true), signCell('（乡镇人民政府盖章）', true)],
      ] : [
        [th('乡镇报送'), th('县级登记')],
        [signCell('经办人（签字）'), signCell('核对人（签字）')],
        [signCell('分管领导（签字）'), signCell('登记人（签字）')],
        [signCell(`（${d.townshipName}人民政府盖章）`, true), signCell(`（${d.countyName}民政局盖章）`, true)],
      ]),
    ], ['*', '*'], { headerRows: 1, fontSize: PT.small, margin: [0, 4, 0, 0] }),
  ])
}

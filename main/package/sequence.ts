// Whether a verified package may be accepted next (issue 6; docs/package-format.md §2–3): the receiver's rules for
// sequence numbers and the manifest chain, as a pure function the county import and the township's reply import
// share. The signature and file hashes are checked before (container.ts verifyPackage); this decides order.
// A submission runs township → county, a reply county → township; both name the one township and the one county,
// and each direction numbers its packages per township from 1 with no gaps.
import { sameFingerprint } from './keys'

export interface LastAccepted { sequence: number; manifestSm3: string }
export interface IncomingCheck {
  kind: 'submission' | 'reply'
  /** the township of the exchange: the sender of a submission, the receiver of a reply */
  township: { code: string; name: string }
  /** the county of the exchange: the receiver of a submission, the sender of a reply */
  county: { code: string; name: string }
  /** the sender's key fingerprint as registered with the receiver */
  registeredFingerprint: string
}
export interface IncomingManifest { kind: string; sequence: number; previous: string | null; signer: string; township: { code: string; name: string }; county: { code: string } }


/** null when the package is next in line; otherwise the Chinese reason it must be refused. */
export function sequenceProblem(m: IncomingManifest, expect: IncomingCheck, last: LastAccepted | null): string | null {
  const what = expect.kind === 'reply' ? '回复包' : '报送包'
  if (m.kind !== expect.kind) return `这是${m.kind === 'reply' ? '县级回复包' : m.kind === 'submission' ? '乡镇报送包' : `未知种类（${String(m.kind)}）的包`}，此处应导入${expect.kind === 'reply' ? '县级回复包' : '乡镇报送包'}`
  if (expect.kind === 'submission') {
    if (m.township.code !== expect.township.code) return `报送包来自乡镇代码 ${m.township.code}（${m.township.name}），不是${expect.township.name}（${expect.township.code}）`
    if (m.county.code !== expect.county.code) return `报送包是报给县级代码 ${m.county.code} 的，不是本县（${expect.county.code}）`
  } else {
    if (m.county.code !== expect.county.code) return `回复包来自县级代码 ${m.county.code}，不是本乡镇所属的${expect.county.name}（${expect.county.code}）`
    if (m.township.code !== expect.township.code) return `回复包是回复给乡镇代码 ${m.township.code}（${m.township.name}）的，不是本乡镇（${expect.township.name}，${expect.township.code}）`
  }
  if (!sameFingerprint(String(m.signer), expect.registeredFingerprint)) return `签名密钥指纹 ${m.signer} 与登记的 ${expect.registeredFingerprint} 不一致：请核实对方是否更换了密钥并重新登记`
  if (!Number.isSafeInteger(m.sequence) || m.sequence < 1) return `${what}序号无效：${String(m.sequence)}`
  const next = (last?.sequence ?? 0) + 1
  if (last && m.sequence === last.sequence) return `第 ${m.sequence} 号${what}已经导入过（重复导入或重放），不再导入`
  if (m.sequence < next) return `第 ${m.sequence} 号${what}比已导入的第 ${last!.sequence} 号更早，不能导入`
  if (m.sequence > next) return `缺少第 ${next}${m.sequence - 1 > next ? `–${m.sequence - 1}` : ''} 号${what}：请先导入前面的${what}（序号须连续）`
  if ((m.previous ?? null) !== (last?.manifestSm3 ?? null)) return last ? `${what}与已导入的第 ${last.sequence} 号不衔接（上一包清单摘要不符）：可能是另一台电脑或恢复前的数据导出的` : `这是首次导入，但${what}声明了上一包：请先导入对方的第 1 号${what}`
  return null
}

// Whether a verified package may be accepted next (issue 6; docs/package-format.md §2): the receiver's rules for
// sequence numbers and the manifest chain, as a pure function the county import and the township's reply import
// share. The signature and file hashes are checked before (container.ts verifyPackage); this decides order.

export interface LastAccepted { sequence: number; manifestSm3: string }
export interface IncomingCheck {
  kind: 'submission' | 'reply'
  sender: { code: string; name: string }
  /** the sender's key fingerprint as registered with the receiver */
  registeredFingerprint: string
  /** the receiver's own code (a county receives from its townships; a township receives its county's replies) */
  receiverCode: string
}
export interface IncomingManifest { kind: string; sequence: number; previous: string | null; signer: string; township: { code: string; name: string }; county: { code: string } }

/** null when the package is next in line; otherwise the Chinese reason it must be refused. */
export function sequenceProblem(m: IncomingManifest, expect: IncomingCheck, last: LastAccepted | null): string | null {
  if (m.kind !== expect.kind) return `这是${m.kind === 'reply' ? '回复包' : '报送包'}，此处应导入${expect.kind === 'reply' ? '回复包' : '报送包'}`
  if (m.township.code !== expect.sender.code) return `报送包来自乡镇代码 ${m.township.code}（${m.township.name}），不是${expect.sender.name}（${expect.sender.code}）`
  if (m.county.code !== expect.receiverCode) return `报送包是报给县级代码 ${m.county.code} 的，不是本县（${expect.receiverCode}）`
  const norm = (s: string) => s.replace(/\s+/g, '').toUpperCase()
  if (norm(m.signer) !== norm(expect.registeredFingerprint)) return `签名密钥指纹 ${m.signer} 与登记的 ${expect.registeredFingerprint} 不一致：请核实对方是否更换了密钥并重新登记`
  if (!Number.isSafeInteger(m.sequence) || m.sequence < 1) return `报送序号无效：${String(m.sequence)}`
  const next = (last?.sequence ?? 0) + 1
  if (last && m.sequence === last.sequence) return `第 ${m.sequence} 号已经导入过（重复导入或重放），不再导入`
  if (m.sequence < next) return `第 ${m.sequence} 号比已导入的第 ${last!.sequence} 号更早，不能导入`
  if (m.sequence > next) return `缺少第 ${next}${m.sequence - 1 > next ? `–${m.sequence - 1}` : ''} 号：请先导入前面的报送包（报送序号须连续）`
  if ((m.previous ?? null) !== (last?.manifestSm3 ?? null)) return last ? `报送包与已导入的第 ${last.sequence} 号不衔接（上一包清单摘要不符）：可能是另一台电脑或恢复前的数据导出的` : '这是首次导入，但报送包声明了上一报送包：请先导入对方的第 1 号报送包'
  return null
}

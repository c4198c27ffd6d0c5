// The receiver's order rules for packages (main/package/sequence.ts): next in line only — no gaps, replays or
// older packages, the chain of manifest digests unbroken, the right sender, receiver and registered key.
import { describe, expect, it } from 'vitest'
import { sequenceProblem, type IncomingCheck, type IncomingManifest } from '../../main/package/sequence'

const expectFrom: IncomingCheck = { kind: 'submission', township: { code: '410721101', name: '小冀镇' }, county: { code: '410721', name: '新乡县' }, registeredFingerprint: 'AAAA BBBB' }
const expectReply: IncomingCheck = { ...expectFrom, kind: 'reply' }
const m = (over: Partial<IncomingManifest> = {}): IncomingManifest => ({ kind: 'submission', sequence: 3, previous: 'h2', signer: 'AAAA BBBB', township: { code: '410721101', name: '小冀镇' }, county: { code: '410721' }, ...over })
const last = { sequence: 2, manifestSm3: 'h2' }

describe('报送包的顺序', () => {
  it('下一个序号、衔接上一包：接受', () => {
    expect(sequenceProblem(m(), expectFrom, last)).toBeNull()
    expect(sequenceProblem(m({ sequence: 1, previous: null }), expectFrom, null)).toBeNull()
    expect(sequenceProblem(m({ signer: 'aaaabbbb' }), expectFrom, last)).toBeNull()
  })
  it('重放、更早、缺号、不衔接：拒绝并说明', () => {
    expect(sequenceProblem(m({ sequence: 2 }), expectFrom, last)).toMatch(/第 2 号报送包已经导入过/)
    expect(sequenceProblem(m({ sequence: 1 }), expectFrom, last)).toMatch(/第 1 号报送包比已导入的第 2 号更早/)
    expect(sequenceProblem(m({ sequence: 5 }), expectFrom, last)).toMatch(/缺少第 3–4 号/)
    expect(sequenceProblem(m({ sequence: 4 }), expectFrom, last)).toMatch(/缺少第 3 号/)
    expect(sequenceProblem(m({ previous: 'other' }), expectFrom, last)).toMatch(/不衔接/)
    expect(sequenceProblem(m({ sequence: 1, previous: 'x' }), expectFrom, null)).toMatch(/首次导入/)
    expect(sequenceProblem(m({ sequence: 0 }), expectFrom, null)).toMatch(/序号无效/)
  })
  it('种类、发送方、接收方、密钥不符：拒绝', () => {
    expect(sequenceProblem(m({ kind: 'reply' }), expectFrom, last)).toMatch(/此处应导入乡镇报送包/)
    expect(sequenceProblem(m({ township: { code: '410721102', name: '大召营镇' } }), expectFrom, last)).toMatch(/不是小冀镇/)
    expect(sequenceProblem(m({ county: { code: '410702' }, township: { code: '410721101', name: '小冀镇' } }), { ...expectFrom, county: { code: '410702', name: '红旗区' } }, last)).toBeNull()
    expect(sequenceProblem(m({ county: { code: '410799' } }), expectFrom, last)).toMatch(/不是本县（410721）/)
    expect(sequenceProblem(m({ county: { code: '410702' } }), { ...expectFrom, county: { code: '410703', name: '卫滨区' } }, last)).toMatch(/不是本县/)
    expect(sequenceProblem(m({ signer: 'CCCC DDDD' }), expectFrom, last)).toMatch(/与登记的 AAAA BBBB 不一致/)
  })
  it('回复包：来自本县、回复给本乡镇，序号同样连续', () => {
    const r = (over: Partial<IncomingManifest> = {}) => m({ kind: 'reply', ...over })
    expect(sequenceProblem(r(), expectReply, last)).toBeNull()
    expect(sequenceProblem(r({ county: { code: '410799' } }), expectReply, last)).toMatch(/不是本乡镇所属的新乡县/)
    expect(sequenceProblem(r({ township: { code: '410721102', name: '大召营镇' } }), expectReply, last)).toMatch(/不是本乡镇（小冀镇/)
    expect(sequenceProblem(r({ sequence: 2 }), expectReply, last)).toMatch(/第 2 号回复包已经导入过/)
    expect(sequenceProblem(m(), expectReply, last)).toMatch(/这是乡镇报送包，此处应导入县级回复包/)
  })
})

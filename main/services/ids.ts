import { randomFillSync } from 'node:crypto'
import { v7 } from 'uuid'

// uuid 14 asks WebCrypto for 16 random bytes per id (≈ 6 µs each), which dominated batch writes such as 提标
// (three ids per household). The random bytes come from a pooled buffer instead; the monotonic sequence
// within a millisecond is kept exactly as uuid's own v7 state does it (RFC 9562 method 1).
const POOL = new Uint8Array(16 * 512)
let offset = POOL.length
let lastMs = -Infinity
let seq = 0

function random16(): Uint8Array {
  if (offset >= POOL.length) { randomFillSync(POOL); offset = 0 }
  const r = POOL.subarray(offset, offset + 16)
  offset += 16
  return r
}

/** UUIDv7: time-ordered text ids, stable when township data is merged at the county. */
export function newId(): string {
  const random = random16()
  const now = Date.now()
  if (now > lastMs) {
    lastMs = now
    seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!
  } else {
    seq = (seq + 1) | 0
    if (seq === 0) lastMs++
  }
  return v7({ random, msecs: lastMs, seq })
}

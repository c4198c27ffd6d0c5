// Memory in long batch work (an export renders dozens of PDFs, each leaving tens of MB of garbage that V8 would
// keep as committed heap). Asking V8 for a full collection every few documents keeps the process near its live
// size on a 4 GB office PC; it costs ~80 ms a time. V8 exposes gc() only behind a flag, which can be set at run
// time (v8.setFlagsFromString) and read from a fresh context; where that fails this does nothing.
import v8 from 'node:v8'
import vm from 'node:vm'

let gc: (() => void) | null | undefined
function collector(): (() => void) | null {
  if (gc !== undefined) return gc
  try {
    v8.setFlagsFromString('--expose-gc')
    const fn = vm.runInNewContext('gc') as unknown
    gc = typeof fn === 'function' ? (fn as () => void) : null
  } catch { gc = null }
  return gc
}

/** A full collection every `every` calls (batch loops call this once per item). */
export function batchCollector(every: number): () => void {
  let n = 0
  return () => { if (++n % every === 0) collector()?.() }
}

// Time at the edge: services receive `now` through the context; nothing deeper reads the clock.
export function isoWithOffset(d: Date): string {
  const off = -d.getTimezoneOffset()
  const sign = off >= 0 ? '+' : '-'
  const pad = (n: number, w = 2) => String(Math.trunc(Math.abs(n))).padStart(w, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}${sign}${pad(off / 60)}:${pad(off % 60)}`
}
export function localDate(d: Date): string { return isoWithOffset(d).slice(0, 10) }

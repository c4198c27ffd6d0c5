// GB/T 9704-2012 page geometry and Chinese document conventions shared by the builders (domain.md §9).
// 1 mm = 72 / 25.4 pt. A4 official layout: margins top 37, left 28, bottom 35, right 26 mm; body 3号 (16 pt),
// title 2号 (22 pt); page number “— 1 —” 4号 (14 pt), 7 mm below the text block.
export const MM = 72 / 25.4
export const mm = (v: number) => Math.round(v * MM * 100) / 100

export const PT = { title: 22, body: 16, small: 12, table: 12, pageNo: 14 } as const

export type Paper = 'A4' | 'A4-landscape' | 'A3'
export const PAPERS: Record<Paper, { label: string; pageSize: 'A4' | 'A3'; orientation: 'portrait' | 'landscape' }> = {
  A4: { label: 'A4 纵向', pageSize: 'A4', orientation: 'portrait' },
  'A4-landscape': { label: 'A4 横向', pageSize: 'A4', orientation: 'landscape' },
  A3: { label: 'A3 纵向', pageSize: 'A3', orientation: 'portrait' },
}

/** GB/T 9704 margins [left, top, right, bottom] in pt (pdfmake order). */
export const OFFICIAL_MARGINS: [number, number, number, number] = [mm(28), mm(37), mm(26), mm(35)]

/** “2026年7月1日” (Arabic numerals, no leading zeros, GB/T 9704 §7.3.5.3). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number]
  return `${y}年${m}月${d}日`
}

/** “— 1 —” centred under the block (the 公示 are posted single-sided, so no odd/even alternation). */
export function pageNumberFooter(bottomMarginPt: number) {
  return (page: number) => ({ text: `— ${page} —`, alignment: 'center', fontSize: PT.pageNo, margin: [0, Math.max(4, bottomMarginPt - mm(35) + mm(7)), 0, 0] })
}

// GB/T 9704-2012 page geometry and Chinese document conventions shared by the builders (domain.md §9).
// 1 mm = 72 / 25.4 pt. A4 official layout: margins top 37, left 28, bottom 35, right 26 mm; body 3号 (16 pt),
// title 2号 (22 pt). Dates are domain/dates.ts formatChineseDate (2026年7月1日).
export const MM = 72 / 25.4
export const mm = (v: number) => Math.round(v * MM * 100) / 100

export const PT = { title: 22, body: 16, small: 12, table: 12 } as const

/** The papers a document prints on (the CLI's --paper, the contract, the print dialogs' choices). */
export const PAPER_IDS = ['A4', 'A4-landscape', 'A3', 'A2-tiled', 'A1-tiled'] as const
export type Paper = (typeof PAPER_IDS)[number]
/** `tile`: the board is laid out on A4, enlarged to A2/A1 and cut into A4 sheets to glue up (documents/tile.ts). */
export const PAPERS: Record<Paper, { label: string; pageSize: 'A4' | 'A3'; orientation: 'portrait' | 'landscape'; tile?: 'A2' | 'A1' }> = {
  A4: { label: 'A4 纵向', pageSize: 'A4', orientation: 'portrait' },
  'A4-landscape': { label: 'A4 横向', pageSize: 'A4', orientation: 'landscape' },
  A3: { label: 'A3 纵向', pageSize: 'A3', orientation: 'portrait' },
  'A2-tiled': { label: 'A2 大幅（A4 纸拼贴，每幅 8 张）', pageSize: 'A4', orientation: 'portrait', tile: 'A2' },
  'A1-tiled': { label: 'A1 大幅（A4 纸拼贴，每幅 15 张）', pageSize: 'A4', orientation: 'portrait', tile: 'A1' },
}

/** GB/T 9704 margins [left, top, right, bottom] in pt (pdfmake order). */
export const OFFICIAL_MARGINS: [number, number, number, number] = [mm(28), mm(37), mm(26), mm(35)]


/** Select options for the print dialogs. */
export const PAPER_OPTIONS = PAPER_IDS.map((p) => ({ value: p, label: PAPERS[p].label }))

// Tiling a large 公示 board (pdfmake output at A2/A1) over A4 sheets, so a township without a plotter prints it
// on the office printer and glues it up on the village notice wall. Each source page is embedded once as a Form
// XObject and drawn clipped at 1:1 on every sheet: text stays vector text in the one subset font, nothing is
// rasterised or shrunk. The margins carry crop marks, glue-zone ticks and an ASCII label (Helvetica has no CJK).
import { PDFDocument, StandardFonts, degrees, rgb, concatTransformationMatrix, pushGraphicsState, popGraphicsState, rectangle, clip, endPath, type PDFFont, type PDFPage, type PDFEmbeddedPage } from 'pdf-lib'
import { MM } from './layout'

export type TileTarget = 'A2' | 'A1'
export interface TileOptions {
  target: TileTarget
  /** Width of the strip two neighbouring sheets share, for gluing (default 10 mm). */
  overlapMm?: number
  /** Printed in the margin of every sheet, e.g. the document number (only its printable ASCII is used). */
  label?: string
}
export interface TileResult { bytes: Uint8Array; sheets: number; rows: number; cols: number; sourcePages: number }

type Orientation = 'portrait' | 'landscape'
interface Grid { rows: number; cols: number; orientation: Orientation }

/** Paper sizes in mm, portrait. */
const PAPER_MM: Record<TileTarget | 'A4', { w: number; h: number }> = { A4: { w: 210, h: 297 }, A2: { w: 420, h: 594 }, A1: { w: 594, h: 841 } }
/** What an ordinary office printer can print: everything but ~8 mm at each edge. The tile sits inside that. */
const SHEET_MARGIN_MM = 8
const DEFAULT_OVERLAP_MM = 10
const MAX_OVERLAP_MM = 50
/** A source page may be this far off the nominal size (pdfmake rounds A2 to 1190.55 × 1683.78 pt). */
const SIZE_TOLERANCE_PT = 2

const A4_PT = { w: PAPER_MM.A4.w * MM, h: PAPER_MM.A4.h * MM }
const MARGIN_PT = SHEET_MARGIN_MM * MM

/** Sheets needed along one side: n tiles of `tile` overlapping by `overlap` cover n·tile − (n−1)·overlap. */
function tilesAlong(length: number, tile: number, overlap: number): number {
  if (length <= tile) return 1
  return Math.ceil((length - overlap) / (tile - overlap) - 1e-9)
}

/** The grid for a page of w × h pt: portrait or landscape sheets, whichever needs fewer (portrait on a tie). */
function gridFor(w: number, h: number, overlapPt: number): Grid {
  const candidates: Grid[] = (['portrait', 'landscape'] as const).map((orientation) => {
    const s = sheetSize(orientation)
    return { orientation, cols: tilesAlong(w, s.w - 2 * MARGIN_PT, overlapPt), rows: tilesAlong(h, s.h - 2 * MARGIN_PT, overlapPt) }
  })
  const [p, l] = candidates
  return l.rows * l.cols < p.rows * p.cols ? l : p
}

/** The sheet as the poster sees it (landscape sheets are A4 portrait pages turned by /Rotate 90). */
function sheetSize(o: Orientation): { w: number; h: number } { return o === 'portrait' ? A4_PT : { w: A4_PT.h, h: A4_PT.w } }

/** Nominal size of a target page in pt, plus the tolerance, so that every accepted page is covered. */
function targetPt(target: TileTarget, landscape: boolean): { w: number; h: number } {
  const p = PAPER_MM[target]
  const w = p.w * MM + SIZE_TOLERANCE_PT, h = p.h * MM + SIZE_TOLERANCE_PT
  return landscape ? { w: h, h: w } : { w, h }
}

/** Sheets per portrait source page at the default overlap (the UI's "共 N 张" is rows × cols × pages). */
export const TILE_GRID: Record<TileTarget, { rows: number; cols: number; orientation: 'portrait' | 'landscape' }> = {
  A2: gridFor(targetPt('A2', false).w, targetPt('A2', false).h, DEFAULT_OVERLAP_MM * MM), // 4 rows × 2 cols, landscape
  A1: gridFor(targetPt('A1', false).w, targetPt('A1', false).h, DEFAULT_OVERLAP_MM * MM), // 5 rows × 3 cols, landscape
}

/** Printable ASCII only (Helvetica/WinAnsi), collapsed, without the punctuation left over from dropped Chinese. */
function asciiLabel(label: string | undefined): string {
  if (!label) return ''
  return label.replace(/[^\x20-\x7e]+/g, ' ').replace(/\s+/g, ' ').replace(/^[^0-9A-Za-z]+|[^0-9A-Za-z]+$/g, '').slice(0, 40)
}

const fmt = (n: number) => String(Math.round(n))

/** source: a PDF whose pages are all A2 (or A1) portrait (pdfmake output). Returns an A4 PDF: for every source page, rows×cols A4 sheets. */
export async function tilePdf(source: Uint8Array, opts: TileOptions): Promise<TileResult> {
  const target = opts.target
  if (target !== 'A2' && target !== 'A1') throw new Error(`不支持的拼贴尺寸：${String(target)}（只支持 A2、A1）`)
  const overlapMm = opts.overlapMm ?? DEFAULT_OVERLAP_MM
  if (!Number.isFinite(overlapMm) || overlapMm < 0 || overlapMm > MAX_OVERLAP_MM) throw new Error(`拼贴重叠宽度应在 0–${MAX_OVERLAP_MM} 毫米之间（实际 ${overlapMm}）`)
  const overlap = overlapMm * MM

  let src: PDFDocument
  try {
    src = await PDFDocument.load(source, { updateMetadata: false })
  } catch (e) {
    throw new Error('待拼贴的文件不是有效的 PDF', { cause: e })
  }
  const srcPages = src.getPages()
  if (srcPages.length === 0) throw new Error('待拼贴的文件没有页面')

  // every page must be the target size; all in one orientation, so one grid serves the whole document
  const nominal = PAPER_MM[target]
  const near = (a: number, b: number) => Math.abs(a - b) <= SIZE_TOLERANCE_PT
  let landscape: boolean | null = null
  for (const [i, page] of srcPages.entries()) {
    const { width: w, height: h } = page.getSize()
    const where = srcPages.length > 1 ? `第 ${i + 1} 页` : '页面'
    const isPortrait = near(w, nominal.w * MM) && near(h, nominal.h * MM)
    const isLandscape = near(w, nominal.h * MM) && near(h, nominal.w * MM)
    if (!isPortrait && !isLandscape) throw new Error(`待拼贴的${where}不是 ${target} 尺寸（实际 ${fmt(w)}×${fmt(h)} pt）`)
    const box = page.getMediaBox()
    if (page.getRotation().angle % 360 !== 0 || box.x !== 0 || box.y !== 0) throw new Error(`待拼贴的${where}带有旋转或偏移的页面框，无法按原尺寸拼贴`)
    if (landscape !== null && landscape !== isLandscape) throw new Error(`待拼贴的${where}方向与第 1 页不同，无法用同一种拼法`)
    landscape = isLandscape
  }
  const tp = targetPt(target, landscape === true)
  const grid = gridFor(tp.w, tp.h, overlap)

  const out = await PDFDocument.create({ updateMetadata: false })
  out.setTitle(`${src.getTitle() ?? '公示'}（A4 拼贴）`)
  out.setCreator('阳光低保')
  out.setProducer('阳光低保')
  const font = await out.embedFont(StandardFonts.Helvetica)
  // one Form XObject per source page, all in one call so the source's font is copied once and shared
  const embedded = await out.embedPages(srcPages)
  const label = asciiLabel(opts.label)

  embedded.forEach((form, p) => {
    for (let r = 0; r < grid.rows; r++) {
      for (let c = 0; c < grid.cols; c++) {
        drawSheet(out, form, font, { grid, r, c, p, pages: embedded.length, overlap, overlapMm, label })
      }
    }
  })

  const bytes = await out.save()
  return { bytes, sheets: out.getPageCount(), rows: grid.rows, cols: grid.cols, sourcePages: embedded.length }
}

interface SheetSpec { grid: Grid; r: number; c: number; p: number; pages: number; overlap: number; overlapMm: number; label: string }

const BLACK = rgb(0, 0, 0)
const GREY = rgb(0.45, 0.45, 0.45)
const HAIR = 0.4
const GAP = 1 * MM // marks stop this far from the content
const MARK = 5 * MM // length of a crop mark / glue tick

function drawSheet(out: PDFDocument, form: PDFEmbeddedPage, font: PDFFont, s: SheetSpec): void {
  const { grid, r, c, overlap } = s
  const page: PDFPage = out.addPage([A4_PT.w, A4_PT.h])
  const sheet = sheetSize(grid.orientation)
  page.pushOperators(pushGraphicsState())
  if (grid.orientation === 'landscape') {
    // landscape sheet = A4 portrait page shown turned clockwise; draw in the turned coordinates (u, v):
    // x = W − v, y = u
    page.setRotation(degrees(90))
    page.pushOperators(concatTransformationMatrix(0, 1, -1, 0, A4_PT.w, 0))
  }

  // the window of the source page this sheet shows (source coordinates, origin bottom left)
  const tileW = sheet.w - 2 * MARGIN_PT, tileH = sheet.h - 2 * MARGIN_PT
  const x0 = c * (tileW - overlap)
  const x1 = Math.min(x0 + tileW, form.width)
  const top = form.height - r * (tileH - overlap)
  const bottom = Math.max(top - tileH, 0)
  // where that window lands on the sheet: top left of the printable area
  const L = MARGIN_PT, T = sheet.h - MARGIN_PT
  const R = L + (x1 - x0), B = T - (top - bottom)

  page.pushOperators(pushGraphicsState(), rectangle(L, B, R - L, T - B), clip(), endPath())
  page.drawPage(form, { x: L - x0, y: T - top })
  page.pushOperators(popGraphicsState())

  // crop marks: at each corner of the content, outside it, along both edges
  const line = (sx: number, sy: number, ex: number, ey: number, dashed = false) =>
    page.drawLine({ start: { x: sx, y: sy }, end: { x: ex, y: ey }, thickness: HAIR, color: dashed ? GREY : BLACK, dashArray: dashed ? [2, 1.5] : undefined })
  for (const [cx, dx] of [[L, -1], [R, 1]] as const) {
    for (const [cy, dy] of [[T, 1], [B, -1]] as const) {
      line(cx + dx * GAP, cy, cx + dx * (GAP + MARK), cy)
      line(cx, cy + dy * GAP, cx, cy + dy * (GAP + MARK))
    }
  }

  // glue zone: where the neighbour's content edge lies, as dashed ticks in both margins of that side
  const hasLeft = c > 0, hasRight = c < grid.cols - 1, hasUp = r > 0, hasDown = r < grid.rows - 1
  const vTicks = (x: number) => { line(x, T + GAP, x, T + GAP + MARK, true); line(x, B - GAP, x, B - GAP - MARK, true) }
  const hTicks = (y: number) => { line(L - GAP, y, L - GAP - MARK, y, true); line(R + GAP, y, R + GAP + MARK, y, true) }
  if (overlap > 0) {
    if (hasLeft) vTicks(L + overlap)
    if (hasRight) vTicks(R - overlap)
    if (hasUp) hTicks(T - overlap)
    if (hasDown) hTicks(B + overlap)
  }

  // the label, in the bottom margin: position, sheet number, overlap, the document's number; then an assembly
  // map (the grid in poster orientation, this sheet filled). A narrow last-column tile has the label beside it.
  const n = r * grid.cols + c + 1
  const text = [`row ${r + 1}/${grid.rows}`, `col ${c + 1}/${grid.cols}`, `sheet ${n}/${grid.rows * grid.cols}`, `page ${s.p + 1}/${s.pages}`, `overlap ${fmtMm(s.overlapMm)}`, s.label]
    .filter(Boolean).join('   ')
  const cellH = Math.min(1.6 * MM, (4.2 * MM) / grid.rows)
  const cellW = cellH * 1.6
  const mapW = grid.cols * cellW
  let size = 7
  const span = () => font.widthOfTextAtSize(text, size) + 3 * MM + mapW
  let textX = L + (hasLeft ? overlap : 0) + 3 * MM
  if (textX + span() > R - (hasRight ? overlap : 0) - 3 * MM) {
    textX = R + 3 * MM
    while (textX + span() > sheet.w - 3 * MM && size > 4) size -= 0.5
  }
  const baseline = B - GAP - 3.2 * MM
  page.drawText(text, { x: textX, y: baseline, size, font, color: BLACK })
  const mapX = textX + font.widthOfTextAtSize(text, size) + 3 * MM
  const mapTop = B - GAP - 0.4 * MM
  for (let rr = 0; rr < grid.rows; rr++) {
    for (let cc = 0; cc < grid.cols; cc++) {
      const mine = rr === r && cc === c
      page.drawRectangle({ x: mapX + cc * cellW, y: mapTop - (rr + 1) * cellH, width: cellW, height: cellH, borderWidth: 0.3, borderColor: BLACK, color: mine ? BLACK : undefined })
    }
  }
  // "top" in the top margin, so a landscape sheet is not glued upside down
  page.drawText('TOP', { x: L + (hasLeft ? overlap : 0) + 3 * MM, y: T + GAP + 1.2 * MM, size: 6, font, color: GREY })

  page.pushOperators(popGraphicsState())
}

const fmtMm = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1)} mm`

/**
 * The board itself: each A4 page of `source` enlarged onto an A2 (×2) or A1 (×2√2) page, vector for vector — the
 * notice laid out for A4 becomes a wall board with 32 pt body text. The result is what tilePdf cuts into sheets.
 */
export async function enlargePdf(source: Uint8Array, target: TileTarget): Promise<Uint8Array> {
  const src = await PDFDocument.load(source)
  const out = await PDFDocument.create()
  const pages = src.getPages()
  const forms = await out.embedPages(pages)
  const t = PAPER_MM[target]
  pages.forEach((p, i) => {
    const { width, height } = p.getSize()
    const landscape = width > height
    const w = (landscape ? t.h : t.w) * MM, h = (landscape ? t.w : t.h) * MM
    const scale = Math.min(w / width, h / height)
    const page = out.addPage([w, h])
    page.drawPage(forms[i]!, { x: (w - width * scale) / 2, y: (h - height * scale) / 2, xScale: scale, yScale: scale })
  })
  const info = src.getTitle()
  if (info) out.setTitle(info)
  out.setCreator('阳光低保'); out.setProducer('阳光低保')
  return out.save()
}

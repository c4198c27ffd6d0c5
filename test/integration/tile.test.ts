// Tiling an A2/A1 公示 board over A4 sheets (documents/tile.ts), read back with poppler: pdfinfo for the sheets
// and their size, pdftotext for the vector text that must survive, pdffonts for the one embedded CJK subset (plus
// the unembedded Helvetica of the margin labels), and pdftoppm to check pixel by pixel that each tile is the
// source at 1:1 with the marks outside it. The source is rendered by the real pdfmake renderer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from '../fixtures/core'
import { renderPdf, type DocDefinition } from '../../main/documents/render'
import { TILE_GRID, tilePdf } from '../../main/documents/tile'

let dir = ''
const text = (file: string, args: string[] = []) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' })
const flat = (file: string, page: number) => text(file, ['-f', String(page), '-l', String(page)]).replace(/\s+/g, '')
const fonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)
const info = (file: string, args: string[] = []) => execFileSync('pdfinfo', [...args, file], { encoding: 'utf8' })
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(info(file))![1])
const write = (name: string, bytes: Uint8Array) => { const f = path.join(dir, name); fs.writeFileSync(f, bytes); return f }

/** A rectangle of a page rendered in grey at 127 dpi (exactly 5 px per mm), rectangle given in mm from the top left. */
function gray(file: string, page: number, mm: { x: number; y: number; w: number; h: number }): Uint8Array {
  const out = path.join(dir, `crop-${path.basename(file)}-${page}-${mm.x}-${mm.y}`)
  execFileSync('pdftoppm', ['-gray', '-r', '127', '-f', String(page), '-l', String(page), '-x', String(mm.x * 5), '-y', String(mm.y * 5), '-W', String(mm.w * 5), '-H', String(mm.h * 5), '-singlefile', file, out])
  const pgm = fs.readFileSync(`${out}.pgm`)
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
  expect([Number(m[1]), Number(m[2])]).toEqual([mm.w * 5, mm.h * 5])
  return pgm.subarray(m[0].length)
}
const meanDiff = (a: Uint8Array, b: Uint8Array) => { let s = 0; for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]); return s / a.length }
const darkPixels = (a: Uint8Array, below = 128) => a.filter((v) => v < below).length

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴']
const givenNames = ['建国', '秀英', '桂兰', '志强', '玉梅', '德华']
const names = surnames.flatMap((s) => givenNames.map((g) => s + g)) // 60, 王建国 first, 吴德华 last
const TITLE = '东风村最低生活保障审核公示'

function board(pageSize: 'A2' | 'A1' | 'A4', boards = 1): DocDefinition {
  return {
    pageSize, pageMargins: [40, 40, 40, 40],
    content: Array.from({ length: boards }, (_, b) => [
      { text: TITLE, fontSize: 48, margin: [0, 0, 0, 20], ...(b > 0 ? { pageBreak: 'before' } : {}) },
      {
        fontSize: 12,
        table: {
          headerRows: 1, widths: [50, 140, '*', 60, 150],
          body: [['序号', '姓名', '村（组）', '人数', '月保障金额（元）'], ...names.map((n, i) => [String(i + 1), n, `东风村${(i % 5) + 1}组`, String((i % 4) + 1), '1,440.00'])],
        },
      },
    ]),
  }
}

let a2 = '' // the tiled A2 board
let a2src = ''
beforeAll(async () => {
  dir = tempDir('dibao-tile-')
  const src = await renderPdf(board('A2'), '公示')
  a2src = write('a2.pdf', src)
  const r = await tilePdf(src, { target: 'A2', label: '410721100-GS-2026-00012' })
  expect(r).toMatchObject({ rows: 4, cols: 2, sourcePages: 1, sheets: 8 })
  a2 = write('a2-tiled.pdf', r.bytes)
})
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }) })

describe('A2 公示拼贴到 A4', () => {
  it('网格由尺寸算出：A2 横放 A4 4 行 2 列，A1 横放 5 行 3 列（TILE_GRID 与实际一致）', () => {
    expect(TILE_GRID).toEqual({ A2: { rows: 4, cols: 2, orientation: 'landscape' }, A1: { rows: 5, cols: 3, orientation: 'landscape' } })
    expect(pages(a2src)).toBe(1)
    expect(pages(a2)).toBe(TILE_GRID.A2.rows * TILE_GRID.A2.cols)
  })

  it('每张都是 A4（横放的张用 /Rotate 90，纸仍是 A4 纵向）', () => {
    const n = pages(a2)
    const out = info(a2, ['-f', '1', '-l', String(n)])
    for (let p = 1; p <= n; p++) {
      expect(out, `第 ${p} 张`).toMatch(new RegExp(`Page\\s+${p} size:\\s+595\\.2\\d* x 841\\.89 pts \\(A4\\)`))
      expect(out, `第 ${p} 张`).toMatch(new RegExp(`Page\\s+${p} rot:\\s+90\\n`))
    }
  })

  it('文字仍是矢量文字：pdftotext 读得出标题和姓名；只有源文件那一种嵌入字体，外加未嵌入的 Helvetica（页边标注）', () => {
    const first = flat(a2, 1)
    expect(first).toContain(TITLE) // the title lies wholly inside the top-left tile
    expect(first).toContain('1王建国东风村1组')
    expect(first).not.toContain('吴德华') // the last row is further down
    const all = text(a2)
    for (const n of names) expect(all).toContain(n)

    const src = fonts(a2src)
    expect(src).toHaveLength(1)
    const fl = fonts(a2)
    expect(fl).toHaveLength(2)
    const cjk = fl.filter((l) => /^[A-Z]{6}\+\S+\s+CID Type 0C\s+Identity-H\s+yes yes yes/.test(l))
    expect(cjk).toHaveLength(1)
    expect(cjk[0].split(/\s+/)[0]).toBe(src[0].split(/\s+/)[0])
    expect(fl.filter((l) => /^Helvetica\s+Type 1\s+WinAnsi\s+no\s+no\s+no/.test(l))).toHaveLength(1)
  })

  it('页边标注：行列、张数、源页和文号（只取 ASCII）；阅读顺序为逐行从左到右', async () => {
    expect(flat(a2, 1)).toContain('row1/4col1/2sheet1/8page1/1overlap10mm410721100-GS-2026-00012')
    expect(flat(a2, 2)).toContain('row1/4col2/2sheet2/8')
    expect(flat(a2, 3)).toContain('row2/4col1/2sheet3/8')
    expect(flat(a2, 8)).toContain('row4/4col2/2sheet8/8')
    const r = await tilePdf(fs.readFileSync(a2src), { target: 'A2', label: '公示-2026-009', overlapMm: 12 })
    const f = write('a2-label.pdf', r.bytes)
    expect(flat(f, 1)).toContain('overlap12mm2026-009')
    expect(flat(f, 1)).not.toContain('-2026-009')
  })

  it('按 1:1 拼贴：每张的内容区与源页对应区域逐像素相同，裁切标记在内容区外', () => {
    // landscape sheets: content 281 × 194 mm at 8 mm from the top left; tiles step 271 × 184 mm (10 mm overlap)
    for (const [sheet, r, c] of [[1, 0, 0], [4, 1, 1], [5, 2, 0]] as const) {
      const x = c * 271, y = r * 184
      const w = Math.min(281, 420 - x), h = Math.min(194, 594 - y)
      const want = gray(a2src, 1, { x, y, w, h })
      const got = gray(a2, sheet, { x: 8, y: 8, w, h })
      expect(darkPixels(want), `第 ${sheet} 张有内容`).toBeGreaterThan(1000)
      expect(meanDiff(want, got), `第 ${sheet} 张`).toBeLessThan(1)
    }
    // crop marks at the top-left corner of sheet 1 (hairlines, so anti-aliased grey): in the 8 mm margin, on the
    // lines of the content's edges (the 1 mm of content this takes in is the source's own blank margin)
    expect(darkPixels(gray(a2, 1, { x: 0, y: 0, w: 9, h: 9 }), 230)).toBeGreaterThan(20)
  })

  it('不是 A2 的页面拒绝拼贴，并说出实际尺寸', async () => {
    const a4 = await renderPdf({ pageSize: 'A4', pageMargins: [40, 40, 40, 40], content: [{ text: TITLE, fontSize: 22 }] }, '公示')
    await expect(tilePdf(a4, { target: 'A2' })).rejects.toThrow('待拼贴的页面不是 A2 尺寸（实际 595×842 pt）')
    const a4long = await renderPdf(board('A4'), '公示') // several pages: the message says which
    expect(pages(write('a4long.pdf', a4long))).toBeGreaterThan(1)
    await expect(tilePdf(a4long, { target: 'A2' })).rejects.toThrow('待拼贴的第 1 页不是 A2 尺寸（实际 595×842 pt）')
    const landscape = await renderPdf({ ...board('A2'), pageOrientation: 'landscape' }, '公示')
    const mixed = await renderPdf({ pageSize: 'A2', pageMargins: [40, 40, 40, 40], content: [{ text: TITLE }, { text: TITLE, pageBreak: 'before', pageOrientation: 'landscape' }] }, '公示')
    await expect(tilePdf(mixed, { target: 'A2' })).rejects.toThrow('待拼贴的第 2 页方向与第 1 页不同')
    // a landscape board is accepted, with the grid turned: portrait sheets, 2 rows × 4 cols
    expect(await tilePdf(landscape, { target: 'A2' })).toMatchObject({ rows: 2, cols: 4, sheets: 8 * pages(write('land.pdf', landscape)) })
    await expect(tilePdf(fs.readFileSync(a2src), { target: 'A1' })).rejects.toThrow('待拼贴的页面不是 A1 尺寸（实际 1191×1684 pt）')
    await expect(tilePdf(new TextEncoder().encode('not a pdf'), { target: 'A2' })).rejects.toThrow('待拼贴的文件不是有效的 PDF')
    await expect(tilePdf(fs.readFileSync(a2src), { target: 'A2', overlapMm: -1 })).rejects.toThrow(/拼贴重叠宽度应在/)
  })

  it('10 页的 A2 源文件：80 张，远不到一秒', async () => {
    const src = await renderPdf(board('A2', 10), '公示')
    const t0 = performance.now()
    const r = await tilePdf(src, { target: 'A2', label: '410721100-GS-2026-00012' })
    const ms = performance.now() - t0
    expect(r).toMatchObject({ sourcePages: 10, rows: 4, cols: 2, sheets: 80 })
    expect(ms).toBeLessThan(1000)
    const f = write('a2x10.pdf', r.bytes)
    expect(pages(f)).toBe(80)
    expect(flat(f, 73)).toContain(TITLE) // sheet 1 of source page 10
    expect(flat(f, 73)).toContain('page10/10')
    expect(fonts(f)).toHaveLength(2) // the subset is shared by every page, not copied per page
  })
})

describe('A1 公示拼贴到 A4', () => {
  it('A1：5 行 3 列共 15 张，文字和字体照旧', async () => {
    const src = write('a1.pdf', await renderPdf(board('A1'), '公示'))
    const r = await tilePdf(fs.readFileSync(src), { target: 'A1', label: '410721100-GS-2026-00012' })
    expect(r).toMatchObject({ rows: 5, cols: 3, sourcePages: 1, sheets: 15 })
    const f = write('a1-tiled.pdf', r.bytes)
    expect(pages(f)).toBe(15)
    expect(info(f, ['-f', '1', '-l', '15']).match(/size:\s+595\.2\d* x 841\.89 pts \(A4\)/g)).toHaveLength(15)
    expect(flat(f, 1)).toContain(TITLE)
    expect(flat(f, 3)).toContain('row1/5col3/3sheet3/15')
    expect(fonts(f)).toHaveLength(2)
    // the middle sheet (row 3, col 2) is the source at 1:1: A1 is 594 × 841 mm
    const want = gray(src, 1, { x: 271, y: 2 * 184, w: 281, h: 194 })
    expect(meanDiff(want, gray(f, 8, { x: 8, y: 8, w: 281, h: 194 }))).toBeLessThan(1)
  })
})

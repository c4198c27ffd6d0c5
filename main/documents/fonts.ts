// The one CJK font every document is set in (design.md §3, §8): a bundled font in resources/fonts (copied there
// at build time), else the system's Noto CJK (Debian/UOS/Kylin: fonts-noto-cjk). pdfmake embeds a subset, so a
// PDF carries only the glyphs it uses. A character the font has no glyph for is refused with its name before
// anything is printed: a blank box in a name on a 公示 or a 告知书 is worse than no document.
import fs from 'node:fs'
import path from 'node:path'
import type * as Fontkit from 'fontkit'
import { resourcesDir } from '../services/resources'

/**
 * fontkit as pdfkit loads it: pdfkit is CommonJS and `require`s fontkit, so the same CommonJS instance is used here
 * (an ES import may load fontkit's separate ESM build, whose registered formats pdfkit would never see).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const fontkitLib = (): typeof Fontkit => require('fontkit') as typeof Fontkit

export type FontSpec = { file: string; postscriptName: string | null }

/** Candidates in order: DIBAO_FONT (file[#postscriptName]), resources/fonts, the system's Noto Serif/Sans CJK SC. */
function candidates(): FontSpec[] {
  const out: FontSpec[] = []
  const env = process.env.DIBAO_FONT
  if (env) { const [file, ps] = env.split('#'); out.push({ file: file!, postscriptName: ps || null }) }
  try {
    const dir = path.join(resourcesDir(), 'fonts')
    if (fs.existsSync(dir)) {
      for (const f of fs.readdirSync(dir).sort()) {
        if (/-Regular\.(otf|ttf)$/i.test(f)) out.push({ file: path.join(dir, f), postscriptName: null })
        if (/-Regular\.(ttc|otc)$/i.test(f)) out.push({ file: path.join(dir, f), postscriptName: f.startsWith('NotoSans') ? 'NotoSansCJKsc-Regular' : 'NotoSerifCJKsc-Regular' })
      }
    }
  } catch { /* no resources directory: system fonts only */ }
  for (const dir of ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/google-noto-cjk']) {
    out.push({ file: path.join(dir, 'NotoSerifCJK-Regular.ttc'), postscriptName: 'NotoSerifCJKsc-Regular' })
    out.push({ file: path.join(dir, 'NotoSansCJK-Regular.ttc'), postscriptName: 'NotoSansCJKsc-Regular' })
  }
  return out
}

type Loaded = FontSpec & { font: Fontkit.Font }
let loaded: Loaded | null = null

export class FontError extends Error {}

/** The document font, opened once. */
export function documentFont(): Loaded {
  if (loaded) return loaded
  const tried: string[] = []
  for (const c of candidates()) {
    if (!fs.existsSync(c.file)) { tried.push(c.file); continue }
    const opened = fontkitLib().openSync(c.file, c.postscriptName ?? undefined)
    loaded = { ...c, font: opened }
    return loaded
  }
  throw new FontError(`找不到打印用的中文字体：请安装 fonts-noto-cjk，或把 NotoSerifCJK-Regular.ttc 放到程序的 resources/fonts 目录（已查找：${tried.slice(0, 3).join('；')}…）`)
}

/** Characters of `text` the font cannot draw (each once, in order of appearance). */
export function missingGlyphs(text: string): string[] {
  const { font } = documentFont()
  const seen = new Set<string>()
  const out: string[] = []
  for (const ch of text) {
    if (seen.has(ch)) continue
    seen.add(ch)
    const cp = ch.codePointAt(0)!
    if (cp < 0x20 || ch === '\u00a0' || /\s/.test(ch)) continue
    if (!font.hasGlyphForCodePoint(cp)) out.push(ch)
  }
  return out
}

/** Refuses text with characters the font lacks, naming them and the code points (U+20BB7). */
export function assertPrintable(text: string, where: string): void {
  const miss = missingGlyphs(text)
  if (miss.length) {
    throw new FontError(`${where}中有字体无法显示的字：${miss.map((c) => `“${c}”（U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}）`).join('、')}。请核对录入的文字（生僻字可改用规范写法并在备注说明），或安装含该字的字体后再打印`)
  }
}

// Rendering a pdfmake document definition to PDF bytes under plain Node (design.md §8). The builders are pure
// (data → docDefinition); this is the only place that touches pdfmake. Every text the document carries is
// checked against the font first (fonts.ts), so a missing glyph is a clear refusal, never a blank box.
import { assertPrintable, documentFont, fontkitLib } from './fonts'

/** The subset of pdfmake's document definition the builders produce (pdfmake 0.3). */
export type Content = string | { [k: string]: unknown } | Content[]
export interface DocDefinition {
  pageSize: string | { width: number; height: number }
  pageOrientation?: 'portrait' | 'landscape'
  pageMargins: [number, number, number, number]
  content: Content
  footer?: (currentPage: number, pageCount: number) => Content
  header?: (currentPage: number, pageCount: number) => Content
  defaultStyle?: Record<string, unknown>
  styles?: Record<string, Record<string, unknown>>
  info?: { title?: string; author?: string; subject?: string; creator?: string; producer?: string }
  watermark?: { text: string; color?: string; opacity?: number; bold?: boolean; fontSize?: number; angle?: number }
}

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string | [string, string]>>): void
  setUrlAccessPolicy(cb: (url: string) => boolean): void
  setLocalAccessPolicy(cb: (path: string) => boolean): void
  virtualfs: { writeFileSync(name: string, data: Buffer): void }
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> }
}

/**
 * pdfkit opens its font from bytes for every document: it would read the 26 MB collection and parse it again
 * for each PDF (≈ 200 ms and some 50 MB of garbage each — an export renders dozens). The font documentFont()
 * parsed once is handed over instead: pdfmake's virtual file system holds a short marker under the font's name,
 * and a format registered with fontkit (its public registerFormat; pdfkit calls the same fontkit) recognises the
 * marker and returns the parsed face. pdfkit still subsets it per document, so each PDF embeds only its glyphs.
 */
const MARKER = Buffer.from('DIBAO-PARSED-FONT-1', 'latin1')
const FONT_NAME = 'dibao-document-font'
class ParsedDocumentFont {
  static probe(b: Uint8Array): boolean { return b.length === MARKER.length && MARKER.equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength)) }
  constructor() { return { getFont: () => documentFont().font } }
}

let pdfmake: PdfMake | null = null
function engine(): PdfMake {
  if (pdfmake) return pdfmake
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pm = require('pdfmake') as PdfMake
  documentFont() // fails here, with the clear FontError, when no CJK font is installed
  fontkitLib().registerFormat(ParsedDocumentFont)
  pm.virtualfs.writeFileSync(FONT_NAME, MARKER)
  pm.setUrlAccessPolicy(() => false)
  pm.setLocalAccessPolicy(() => false) // documents embed no files from disk
  pdfmake = pm
  return pm
}

/** One face for every style: a document embeds exactly one subset font. Fresh arrays each time, because pdfmake
 * replaces a virtual file's name in the descriptor with its bytes (which its URL check then trips over). */
function setFonts(pm: PdfMake): void {
  const face = (): [string, string] => [FONT_NAME, 'document']
  pm.setFonts({ Cjk: { normal: face(), bold: face(), italics: face(), bolditalics: face() } })
}

/** Every string in the definition (text nodes, table cells), for the glyph check. */
function textsOf(node: unknown, out: string[]): void {
  if (typeof node === 'string') { out.push(node); return }
  if (Array.isArray(node)) { for (const n of node) textsOf(n, out); return }
  if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (k !== 'image' && k !== 'svg' && k !== 'qr') textsOf(v, out)
}

/** Refuses a definition with a character the font cannot draw (before anything is numbered or rendered). */
export function assertDocPrintable(doc: DocDefinition, what: string): void {
  const texts: string[] = []
  textsOf(doc.content, texts)
  if (doc.footer) textsOf(doc.footer(1, 1), texts)
  if (doc.header) textsOf(doc.header(1, 1), texts)
  assertPrintable(texts.join('\n'), what)
}

export async function renderPdf(doc: DocDefinition, what: string): Promise<Buffer> {
  assertDocPrintable(doc, what)
  const pm = engine()
  setFonts(pm)
  return pm.createPdf({ ...doc, ...(doc.watermark ? { watermark: { font: 'Cjk', ...doc.watermark } } : {}), defaultStyle: { font: 'Cjk', ...(doc.defaultStyle ?? {}) }, info: { creator: '阳光低保', producer: '阳光低保', ...(doc.info ?? {}) } }).getBuffer()
}

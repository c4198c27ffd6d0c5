// The part of fontkit 2 (pdfkit's font engine, used here to check glyph coverage before printing) this app calls.
declare module 'fontkit' {
  export interface Font { postscriptName: string; hasGlyphForCodePoint(codePoint: number): boolean }
  export function openSync(file: string, postscriptName?: string): Font
  /** A font format: `probe` recognises its bytes, the constructor (given a decode stream) makes the font or collection. */
  export function registerFormat(format: { probe(buffer: Uint8Array): boolean; new (stream: unknown): unknown }): void
}

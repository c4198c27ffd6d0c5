// Name search keys (hanzi + pinyin) for prefix search.
// A query matches a name when the normalized query is a PREFIX of one of the name's keys.
//
// Keys for a name c0..c(n-1):
//   (a) hanzi: every suffix (张小山 → 张小山, 小山, 山), so a substring typed from its start is a prefix;
//   (b) pinyin: for every subsequence of characters that ends with the last character
//       (2^(n-1) of them; only the n contiguous suffixes when n > 6), these forms:
//         first letters            张小山 → zxs
//         initials, zh/ch/sh whole 张小山 → zhxsh
//         full toneless pinyin     张小山 → zhangxiaoshan
//         full first + letters     张小山 → zhangxs   (addition: "surname in full, rest initials")
// Readings come from pinyin-pro in surname mode for the head (单 shan, 曾 zeng, 长孙 zhangsun).
// ü is written v (吕 → lv). Characters without a reading (Ext-B such as 𠮷) only contribute hanzi.

import type { pinyin as PinyinFn } from 'pinyin-pro'

// pinyin-pro's dictionaries cost ~11 MB of memory: loaded with the first name that needs a reading, not by every
// process that starts (an export or a verify never does)
let engine: typeof PinyinFn | null = null
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pinyinPro = (): typeof PinyinFn => (engine ??= (require('pinyin-pro') as typeof import('pinyin-pro')).pinyin)

/** Longest name (in characters) that gets all 2^(n-1) subsequences. */
export const FULL_SUBSEQUENCE_MAX_CHARS = 6

/** Separators dropped from names and queries: whitespace, 间隔号 (阿依古丽·买买提), dots, apostrophes. */
const SEPARATORS = /[\s·•・‧∙⋅.．'’‘`´-]/gu
const HAN = /\p{Script=Han}/u

type Syllable = { first: string; initial: string; full: string } | null

function cleanName(name: string): string {
  return (name ?? '').normalize('NFKC').replace(SEPARATORS, '').toLowerCase()
}

function syllables(chars: string[]): Syllable[] {
  const text = chars.join('')
  let data: { origin: string; pinyin: string; initial: string; isZh: boolean }[] = []
  const pinyin = pinyinPro()
  try {
    data = pinyin(text, { type: 'all', mode: 'surname', surname: 'head', toneType: 'none', v: true })
  } catch {
    data = []
  }
  // pinyin-pro returns one item per code point; fall back to per-character lookups if not.
  if (data.length !== chars.length || data.some((d, i) => d.origin.toLowerCase() !== chars[i])) {
    data = chars.map((c) => {
      try {
        const one = pinyin(c, { type: 'all', toneType: 'none', v: true })
        return one.length === 1 ? one[0] : { origin: c, pinyin: '', initial: '', isZh: false }
      } catch {
        return { origin: c, pinyin: '', initial: '', isZh: false }
      }
    })
  }
  return chars.map((c, i) => {
    const d = data[i]
    if (/^[a-z]$/.test(c)) return { first: c, initial: c, full: c } // Latin letter inside a name
    const full = (d?.isZh ? d.pinyin : '').toLowerCase()
    if (!/^[a-z]+$/.test(full)) return null
    const initial = d.initial && /^[a-z]+$/.test(d.initial) ? d.initial.toLowerCase() : full[0]
    return { first: full[0], initial, full }
  })
}

function addPinyinForms(keys: Set<string>, parts: Syllable[]): void {
  const syl = parts.filter((p): p is NonNullable<Syllable> => p !== null)
  if (syl.length === 0) return
  keys.add(syl.map((s) => s.first).join(''))
  keys.add(syl.map((s) => s.initial).join(''))
  keys.add(syl.map((s) => s.full).join(''))
  keys.add(syl[0].full + syl.slice(1).map((s) => s.first).join(''))
}

/** All keys to index for a person's name (deduplicated, lowercase). */
export function nameSearchKeys(name: string): string[] {
  const cleaned = cleanName(name)
  const chars = Array.from(cleaned) // code points, so Ext-B characters stay whole
  const n = chars.length
  if (n === 0) return []
  const keys = new Set<string>()

  for (let i = 0; i < n; i++) keys.add(chars.slice(i).join(''))

  const syl = syllables(chars)
  if (n <= FULL_SUBSEQUENCE_MAX_CHARS) {
    const last = syl[n - 1]
    for (let mask = 0; mask < 1 << (n - 1); mask++) {
      const parts: Syllable[] = []
      for (let i = 0; i < n - 1; i++) if (mask & (1 << i)) parts.push(syl[i])
      parts.push(last)
      addPinyinForms(keys, parts)
    }
  } else {
    for (let i = 0; i < n; i++) addPinyinForms(keys, syl.slice(i))
  }
  keys.delete('')
  return [...keys]
}

/**
 * Normalize a search box query: trim, lowercase, drop spaces/apostrophes/间隔号.
 * Latin letters only → pinyin (ü → v); contains a CJK character → hanzi; anything else → null
 * (digits — ID numbers, phones — are handled elsewhere).
 */
export function normalizeQuery(q: string): { kind: 'pinyin' | 'hanzi'; key: string } | null {
  const key = cleanName(q)
  if (key === '') return null
  if (/^[a-zü]+$/u.test(key)) return { kind: 'pinyin', key: key.replace(/ü/g, 'v') }
  if (HAN.test(key)) return { kind: 'hanzi', key }
  return null
}

/** Convenience for tests and in-memory lists: does `query` match `name` under the prefix rule? */
export function nameMatches(name: string, query: string): boolean {
  const q = normalizeQuery(query)
  if (!q) return false
  return nameSearchKeys(name).some((k) => k.startsWith(q.key))
}

/**
 * Sort key for ordering people by name the way a clerk expects (pinyin order, 单 as shan):
 * full toneless pinyin syllables separated by spaces, characters without a reading kept as is.
 */
export function sortKey(name: string): string {
  const chars = Array.from(cleanName(name))
  const syl = syllables(chars)
  return chars.map((c, i) => syl[i]?.full ?? c).join(' ')
}

// Before packaging (npm run dist:*): the installer must carry the one CJK document font (Windows and some 信创
// desktops have no Noto CJK). Uses resources/fonts if it already holds a *-Regular font; otherwise copies
// DIBAO_FONT or the build machine's Noto Serif CJK there; otherwise stops with what to do.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const dir = path.join(root, 'resources', 'fonts')
const have = fs.existsSync(dir) && fs.readdirSync(dir).some((f) => /-Regular\.(otf|ttf|ttc|otc)$/i.test(f))
if (have) { console.log(`字体：使用 ${dir} 中已有的字体`); process.exit(0) }
const candidates = [process.env.DIBAO_FONT?.split('#')[0], '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', '/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc', '/usr/share/fonts/google-noto-cjk/NotoSerifCJK-Regular.ttc'].filter(Boolean)
const src = candidates.find((f) => fs.existsSync(f))
if (!src) {
  console.error(`打包前须在 ${dir} 放入打印用的中文字体（如 NotoSerifCJK-Regular.ttc 或 SourceHanSerifSC-Regular.otf，文件名以 -Regular 结尾），或设置 DIBAO_FONT=字体文件路径。已查找：${candidates.join('；')}`)
  process.exit(1)
}
fs.mkdirSync(dir, { recursive: true })
const name = /-Regular\./i.test(path.basename(src)) ? path.basename(src) : `DocumentFont-Regular${path.extname(src)}`
fs.copyFileSync(src, path.join(dir, name))
console.log(`字体：已把 ${src} 复制到 ${path.join(dir, name)}（${(fs.statSync(src).size / 1048576).toFixed(0)} MB）`)

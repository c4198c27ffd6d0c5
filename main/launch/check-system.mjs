// `npm test` first checks the system tools the suite uses (Debian/UOS/Kylin package names).
// As root with apt-get available it installs what is missing; otherwise it prints the command.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const need = [
  { what: 'Chromium（界面端到端测试）', ok: () => fs.existsSync('/usr/bin/chromium'), pkg: 'chromium' },
  { what: 'pdftotext/pdffonts（读回 PDF）', ok: () => has('pdftotext'), pkg: 'poppler-utils' },
  { what: 'sqlite3 命令行（篡改检测测试）', ok: () => has('sqlite3'), pkg: 'sqlite3' },
  { what: 'openssl（国密签名校验）', ok: () => has('openssl'), pkg: 'openssl' },
  { what: 'unzip（按文档命令核验报送包）', ok: () => has('unzip'), pkg: 'unzip' },
  { what: '思源/Noto 中文字体（截图）', ok: () => fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'), pkg: 'fonts-noto-cjk' }
]
function has(cmd) { return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0 }

if (process.platform !== 'linux') process.exit(0)
const missing = need.filter((n) => !n.ok())
if (!missing.length) process.exit(0)
const pkgs = missing.map((m) => m.pkg)
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (isRoot && has('apt-get')) {
  console.log(`测试需要的系统软件缺失，正在安装：${pkgs.join(' ')}`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const up = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  const inst = up.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env }) : up
  if (inst.status === 0 && need.every((n) => n.ok())) process.exit(0)
}
console.error(`测试需要以下系统软件：${missing.map((m) => m.what).join('、')}\n请先安装：sudo apt-get install -y ${pkgs.join(' ')}`)
process.exit(1)

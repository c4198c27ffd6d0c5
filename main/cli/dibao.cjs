#!/usr/bin/env node
// `dibao` launcher: runs the built CLI (out/main/cli.js) on Node ≥ 22. better-sqlite3 13 needs
// Node-API 10 and crashes on older Node, so an older `node` re-executes with the project's pinned Node.
'use strict'
const path = require('node:path')
const fs = require('node:fs')
const { spawnSync } = require('node:child_process')
const root = path.resolve(__dirname, '../..')
const cli = path.join(root, 'out/main/cli.js')
const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  const pinned = path.join(root, 'node_modules/node/bin/node')
  if (!fs.existsSync(pinned)) {
    process.stderr.write(`dibao 需要 Node 22 或更高版本（当前 ${process.version}），请先在项目目录运行 npm ci\n`)
    process.exit(70)
  }
  const r = spawnSync(pinned, [__filename, ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(r.status ?? 1)
}
if (!fs.existsSync(cli)) {
  process.stderr.write('dibao 尚未构建：请先在项目目录运行 npm run build\n')
  process.exit(70)
}
require(cli)

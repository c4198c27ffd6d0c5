import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

if (Number(process.versions.node.split('.')[0]) < 22) {
  throw new Error(`Node ${process.version}: 请通过 npm 脚本运行测试（项目固定使用 Node 22）`)
}
const root = resolve(import.meta.dirname, '..')
export default defineConfig({
  root,
  resolve: { alias: [{ find: /^electron$/, replacement: resolve(root, 'test/setup/electron-forbidden.ts') }] },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    setupFiles: [resolve(root, 'test/setup/no-electron.ts')],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // UI polls wait for real rendering on a loaded 2-core CI machine (the default of 1 s is too short there)
    expect: { poll: { timeout: 20_000, interval: 100 } },
    fileParallelism: true
  }
})

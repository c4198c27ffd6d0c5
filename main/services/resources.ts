// Where the shipped resources (policy defaults, fonts, icons) live: next to the repo in development,
// under process.resourcesPath when packaged by electron-builder (extraResources).
import fs from 'node:fs'
import path from 'node:path'

let cached: string | null = null
export function resourcesDir(): string {
  if (cached) return cached
  // bundled chunks live in out/main/chunks/, sources in main/services/: walk up from here
  const up: string[] = []
  for (let d = __dirname, i = 0; i < 5; i++, d = path.dirname(d)) up.push(path.join(d, 'resources'))
  const candidates = [
    process.env.DIBAO_RESOURCES,
    (process as { resourcesPath?: string }).resourcesPath ? path.join((process as { resourcesPath?: string }).resourcesPath!, 'resources') : undefined,
    ...up
  ].filter((p): p is string => !!p)
  const hit = candidates.find((p) => fs.existsSync(path.join(p, 'policy')))
  if (!hit) throw new Error(`找不到程序资源目录（resources/policy），已查找：${candidates.join('；')}`)
  cached = hit
  return hit
}

export function readResourceJson<T>(...parts: string[]): T {
  return JSON.parse(fs.readFileSync(path.join(resourcesDir(), ...parts), 'utf8')) as T
}

// Where the shipped resources (policy defaults, fonts, icons) live: next to the repo in development,
// under process.resourcesPath when packaged by electron-builder (extraResources).
import fs from 'node:fs'
import path from 'node:path'

let cached: string | null = null
export function resourcesDir(): string {
  if (cached) return cached
  const candidates = [
    process.env.DIBAO_RESOURCES,
    (process as { resourcesPath?: string }).resourcesPath ? path.join((process as { resourcesPath?: string }).resourcesPath!, 'resources') : undefined,
    path.resolve(__dirname, '../../resources'),
    path.resolve(__dirname, '../resources'),
    path.resolve(process.cwd(), 'resources')
  ].filter((p): p is string => !!p)
  const hit = candidates.find((p) => fs.existsSync(path.join(p, 'policy')))
  if (!hit) throw new Error(`找不到程序资源目录（resources/policy），已查找：${candidates.join('；')}`)
  cached = hit
  return hit
}

export function readResourceJson<T>(...parts: string[]): T {
  return JSON.parse(fs.readFileSync(path.join(resourcesDir(), ...parts), 'utf8')) as T
}

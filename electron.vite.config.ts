import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import pkg from './package.json'

// One build for every door: the Electron main process (index), the `dibao` CLI, the loopback
// browser shell and the benchmark all come out of main/ as CommonJS under out/main/.
export default defineConfig({
  main: {
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          cli: resolve(__dirname, 'main/cli/main.ts'),
          web: resolve(__dirname, 'main/web/main.ts'),
          bench: resolve(__dirname, 'test/bench/main.ts')
        }
      }
    }
  },
  preload: {
    build: { lib: { entry: resolve(__dirname, 'preload/index.ts') }, externalizeDeps: false }
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: { rollupOptions: { input: resolve(__dirname, 'renderer/index.html') }, chunkSizeWarningLimit: 4000 },
    plugins: [react()]
  }
})

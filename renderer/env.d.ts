// window.api is exposed by the Electron preload (one async function per contract method, each
// returning the wire envelope). In the loopback browser shell it is absent and api.ts uses HTTP.
export {}

declare global {
  interface Window {
    api?: Record<string, (input: unknown) => Promise<unknown>>
  }
}

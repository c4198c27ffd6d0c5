// Files in the browser: read a chosen file as base64 for the API, turn stored bytes back into a Blob.
// Uploads never leave this machine (the API is local: IPC or the loopback shell).

/** The upload limit the API accepts (its base64 limit is 40 MB). */
export const MAX_UPLOAD_BYTES = 28 * 1024 * 1024

/** File → base64 without the "data:…;base64," prefix. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => {
      const s = String(r.result ?? '')
      const i = s.indexOf(',')
      resolve(i >= 0 ? s.slice(i + 1) : s)
    }
    r.onerror = () => reject(r.error ?? new Error('读取文件失败'))
    r.readAsDataURL(file)
  })
}

export function base64ToBlob(b64: string, mime: string): Blob {
  const bin = atob(b64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new Blob([bytes], { type: mime })
}

// The shape of window.api as the page sees it: one function per contract method, each returning the
// wire envelope. Import-free on purpose, so the renderer's tsconfig can use it without Node types;
// renderer/api.ts narrows it with the contract's types.
export type Api = Record<string, (input?: unknown) => Promise<unknown>>

import { v7 } from 'uuid'
/** UUIDv7: time-ordered text ids, stable when township data is merged at the county. */
export const newId = (): string => v7()

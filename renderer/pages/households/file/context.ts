// What every tab of the 一户一档 page needs: the loaded file, whether this operator may write to it,
// and the version to send with each write (the page reloads after every write).
import { createContext, useContext } from 'react'
import type { HouseholdFile, MemberView } from '../../../../main/api/types'
import type { MemberOption } from '../../../components/RecordFields'

export interface FileCtx {
  file: HouseholdFile
  id: string
  version: number
  writable: boolean
  memberName: (memberId: string | null | undefined) => string
  memberOptions: MemberOption[]
  allMembers: MemberView[]
}

export const FileContext = createContext<FileCtx | null>(null)

export function useFile(): FileCtx {
  const c = useContext(FileContext)
  if (!c) throw new Error('useFile outside FileContext')
  return c
}

// One door for every document other than the wall notices (contract `print.document`): the kind names the
// service that gathers it. Used by the UI; the CLI calls the same services by name.
import type { Actor, Core } from './context'
import { archivePdf } from './archive'
import { keySheetPdf } from './exchangeKeys'
import { cadrePledgePdf, householdPledgePdf } from './pledges'
import { reviewFormPdf, visitFormPdf } from './printCase'
import { decisionLetterPdf, materialsLetterPdf } from './printLetters'
import { minutesPdf } from './printMeeting'
import type { Printed } from './printing'

export type PrintDocumentRequest =
  | { kind: 'pledge'; householdId: string; preview?: boolean }
  | { kind: 'cadrePledge'; id: string; preview?: boolean }
  | { kind: 'minutes'; meetingId: string; preview?: boolean }
  | { kind: 'visit'; caseId: string; recordId?: string | null; preview?: boolean }
  | { kind: 'review'; caseId: string; preview?: boolean }
  | { kind: 'decisionNotice'; caseId: string; preview?: boolean }
  | { kind: 'materialsNotice'; caseId: string; recordId?: string | null; preview?: boolean }
  | { kind: 'archive'; householdId: string; preview?: boolean }
  | { kind: 'keySheet'; preview?: boolean }

export function printDocument(core: Core, actor: Actor | null, r: PrintDocumentRequest): Promise<Printed> {
  switch (r.kind) {
    case 'pledge': return householdPledgePdf(core, actor, r)
    case 'cadrePledge': return cadrePledgePdf(core, actor, r)
    case 'minutes': return minutesPdf(core, actor, r)
    case 'visit': return visitFormPdf(core, actor, r)
    case 'review': return reviewFormPdf(core, actor, r)
    case 'decisionNotice': return decisionLetterPdf(core, actor, r)
    case 'materialsNotice': return materialsLetterPdf(core, actor, r)
    case 'archive': return archivePdf(core, actor, r)
    case 'keySheet': return keySheetPdf(core, actor, r)
  }
}

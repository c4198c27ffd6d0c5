// Printing the 民主评议会议记录 (domain.md §7): the meeting as getMeeting shows it, handed to the pure builder in
// main/documents/minutes.ts, numbered and registered like every printed document (printing.ts stampAndRender).
// A draft prints too (the sheet the participants sign at the meeting), marked 草稿 on every page.
import { AppError } from '../api/errors'
import { minutesDocument, type MinutesDocData } from '../documents/minutes'
import { readCtx, type Actor, type Core } from './context'
import { getMeeting } from './meetings'
import { stampAndRender, type Printed } from './printing'
import { requireTownship } from './setup'
import type { MeetingView, TownshipView } from '../api/types'

export async function minutesPdf(core: Core, actor: Actor | null, input: { meetingId: string; preview?: boolean }): Promise<Printed> {
  const ctx = readCtx(core, actor)
  const m = await getMeeting(ctx, input.meetingId)
  if (m.cases.length === 0) throw new AppError('VALIDATION', `评议会议 ${m.meetingNo} 还没有列入任何案件，请先在“民主评议”页把要评议的案件加入本次会议，再打印会议记录`)
  const t = await requireTownship(ctx)
  const data = minutesData(m, t)
  const title = `${m.villageName}最低生活保障民主评议会议记录`
  return stampAndRender(core, actor, {
    kind: 'minutes', refId: m.id, householdId: null, title, data, paper: 'A4', what: `会议记录 ${m.meetingNo}`,
    fileName: `${m.meetingNo}-民主评议会议记录.pdf`, townshipCode: t.code, preview: input.preview, build: (stamp) => minutesDocument(data, stamp),
  })
}

/** What the minutes print, from the meeting as getMeeting shows it (also a section of the 一户一档 archive). */
export function minutesData(m: MeetingView, t: TownshipView): MinutesDocData {
  return {
    townshipName: t.name, villageName: m.villageName, meetingNo: m.meetingNo, date: m.date, place: m.place, chair: m.chair, recorder: m.recorder, dueCount: m.dueCount,
    attendees: m.attendees.map((a) => ({ name: a.name, kindLabel: a.kindLabel ?? a.kind, signed: a.signed })),
    briefing: m.briefing, minutes: m.minutes, status: m.status, closedBy: m.closedBy, closedAt: m.closedAt,
    composition: { ...m.composition },
    cases: m.cases.map((c, i) => ({
      seq: i + 1, caseNo: c.caseNo, applicantName: c.applicantName, persons: c.persons, presentation: c.presentation,
      agree: c.agree, disagree: c.disagree, abstain: c.abstain, opinion: c.opinion, resultLabel: c.resultLabel, recusals: c.recusals,
    })),
  }
}

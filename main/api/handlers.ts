// Method → service call (thin). Typed against the contract: a missing or mistyped handler fails to compile.
import type { Core } from '../services/context'
import { readCtx } from '../services/context'
import * as setup from '../services/setup'
import * as operators from '../services/operators'
import * as villages from '../services/villages'
import * as households from '../services/households'
import * as search from '../services/search'
import * as attachments from '../services/attachments'
import * as cases from '../services/cases'
import * as caseRecords from '../services/caseRecords'
import * as rules from '../services/rules'
import * as benefits from '../services/benefits'
import * as meetings from '../services/meetings'
import * as notices from '../services/notices'
import * as printing from '../services/printing'
import { printHistory, verifyPayload } from '../services/docRegister'
import * as pledges from '../services/pledges'
import * as exchangeKeys from '../services/exchangeKeys'
import * as packages from '../services/packages'
import * as county from '../services/county'
import { importReply } from '../services/replies'
import { printDocument } from '../services/printDocument'
import * as recheck from '../services/recheck'
import * as relatives from '../services/relatives'
import * as policy from '../services/policy'
import type { StepKind } from '../domain/workflow'
import { householdTimeline, verifyChain } from '../services/audit'
import { AppError } from './errors'
import type { Method, Output, ParsedInput } from './contract'
import type { Session } from './session'

/** A printed document on the wire. */
const wire = (r: { fileName: string; bytes: Buffer; docNo: string }) => ({ fileName: r.fileName, mime: 'application/pdf', dataBase64: r.bytes.toString('base64'), docNo: r.docNo })

export interface HandlerCtx { core: Core; session: Session }
type Handlers = { [K in Method]: (h: HandlerCtx, input: ParsedInput<K>) => Promise<Output<K>> }

const actor = (h: HandlerCtx) => {
  if (!h.session.actor) throw new AppError('UNAUTHENTICATED', '请先登录')
  return h.session.actor
}
const rc = (h: HandlerCtx) => readCtx(h.core, h.session.actor)

export const handlers: Handlers = {
  'setup.status': (h) => setup.status(rc(h)),
  'setup.init': (h, i) => setup.init(h.core, i),
  'setup.initCounty': (h, i) => setup.initCounty(h.core, i),

  'auth.login': async (h, i) => {
    const { actor: a, operator } = await operators.login(h.core, i.username, i.password)
    h.session.actor = a
    h.session.mustChangePassword = operator.mustChangePassword
    return operator
  },
  'auth.logout': async (h) => { await operators.logout(h.core, actor(h)); h.session.actor = null; h.session.mustChangePassword = false; return null },
  'auth.me': (h) => operators.me(rc(h)),
  'auth.changePassword': async (h, i) => { await operators.changePassword(h.core, actor(h), i.oldPassword, i.newPassword); h.session.mustChangePassword = false; return null },

  'operators.list': (h) => operators.listOperators(rc(h)),
  'operators.signers': async (h) => (await operators.listOperators(rc(h))).filter((o) => o.active).map((o) => ({ id: o.id, name: o.name, username: o.username, roleLabel: o.roleLabel })),
  'operators.create': (h, i) => operators.createOperator(h.core, actor(h), i),
  'operators.update': (h, i) => operators.updateOperator(h.core, actor(h), i),
  'operators.resetPassword': async (h, i) => { await operators.resetPassword(h.core, actor(h), i.id, i.password); return null },

  'villages.list': (h, i) => villages.listVillages(rc(h), i),
  'villages.create': (h, i) => villages.addVillage(h.core, actor(h), i),
  'villages.update': (h, i) => villages.updateVillage(h.core, actor(h), i),

  'households.search': (h, i) => search.searchHouseholds(rc(h), i),
  'households.get': (h, i) => households.getHousehold(rc(h), i.id),
  'households.create': (h, i) => households.createHousehold(h.core, actor(h), i),
  'households.update': (h, i) => households.updateHousehold(h.core, actor(h), i),
  'benefits.suspend': async (h, i) => { await benefits.suspendBenefit(h.core, actor(h), i); return null },
  'households.deactivate': (h, i) => households.deactivateHousehold(h.core, actor(h), i),
  'households.timeline': (h, i) => householdTimeline(rc(h), i.id),

  'members.add': (h, i) => households.addMember(h.core, actor(h), i),
  'members.update': (h, i) => households.updateMember(h.core, actor(h), i),
  'members.remove': async (h, i) => { await households.removeMember(h.core, actor(h), i); return null },
  'members.move': (h, i) => households.moveMember(h.core, actor(h), i),

  'incomes.save': (h, i) => households.saveIncome(h.core, actor(h), i),
  'assets.save': (h, i) => households.saveAsset(h.core, actor(h), i),
  'obligors.save': (h, i) => households.saveObligor(h.core, actor(h), i),
  'records.remove': async (h, i) => { await households.removeChild(h.core, actor(h), i); return null },

  'attachments.upload': (h, i) => attachments.uploadAttachment(h.core, actor(h), i),
  'attachments.read': (h, i) => attachments.readAttachment(rc(h), i.id),
  'attachments.remove': async (h, i) => { await attachments.removeAttachment(h.core, actor(h), i); return null },

  'cases.open': (h, i) => cases.openCase(h.core, actor(h), i),
  'cases.advance': (h, i) => cases.advanceCase(h.core, actor(h), { ...i, to: i.to as StepKind }),
  'cases.addRecord': (h, i) => caseRecords.addRecord(h.core, actor(h), i),
  'cases.extend': (h, i) => cases.extendCase(h.core, actor(h), i),
  'cases.checkRules': (h, i) => cases.evaluateCaseRules(h.core, actor(h), i.caseId),
  'cases.clearFlag': (h, i) => rules.clearFlag(h.core, actor(h), i),
  'cases.get': (h, i) => cases.getCase(rc(h), i.id),
  'cases.forHousehold': (h, i) => cases.casesOfHousehold(rc(h), i.householdId),
  'cases.todo': (h, i) => cases.todo(rc(h), i),

  'benefits.trial': (h, i) => benefits.trialCalc(rc(h), i),
  'standards.list': (h) => benefits.listStandards(rc(h)),
  'standards.add': (h, i) => benefits.addStandard(h.core, actor(h), i),
  'standards.previewRaise': (h, i) => benefits.previewRaise(rc(h), i),
  'standards.applyRaise': (h, i) => benefits.applyRaise(h.core, actor(h), i),

  'meetings.list': (h, i) => meetings.listMeetings(rc(h), i),
  'meetings.get': (h, i) => meetings.getMeeting(rc(h), i.id),
  'meetings.create': (h, i) => meetings.createMeeting(h.core, actor(h), i),
  'meetings.update': (h, i) => meetings.updateMeeting(h.core, actor(h), i),
  'meetings.setCase': (h, i) => meetings.setMeetingCase(h.core, actor(h), i),
  'meetings.attachSignin': (h, i) => meetings.attachSignin(h.core, actor(h), i),
  'meetings.close': (h, i) => meetings.closeMeeting(h.core, actor(h), i),

  'notices.list': (h) => notices.listNotices(rc(h)),
  'notices.get': (h, i) => notices.getNotice(rc(h), i.id),
  'notices.create': (h, i) => notices.createNotice(h.core, actor(h), i),
  'notices.post': (h, i) => notices.postNotice(h.core, actor(h), i),
  'notices.period': (h, i) => notices.noticePeriod(rc(h), i),
  'notices.addPhoto': (h, i) => notices.addNoticePhoto(h.core, actor(h), i),
  'print.notice': async (h, i) => wire(await printing.noticePdf(h.core, actor(h), i)),
  'print.longterm': async (h, i) => wire(await printing.longTermNoticePdf(h.core, actor(h), i)),
  'print.document': async (h, i) => wire(await printDocument(h.core, actor(h), i)),
  'print.history': (h, i) => printHistory(rc(h), i.refIds),
  'pledges.list': (h) => pledges.listCadrePledges(rc(h)),
  'pledges.add': (h, i) => pledges.addCadre(h.core, actor(h), i),
  'pledges.signed': (h, i) => pledges.recordCadreSigned(h.core, actor(h), i),
  'pledges.left': (h, i) => pledges.markCadreLeft(h.core, actor(h), i),
  'documents.verify': (h, i) => verifyPayload(rc(h), i.payload),
  'notices.readFile': (h, i) => notices.readNoticeFile(rc(h), i),
  'objections.add': (h, i) => notices.addObjection(h.core, actor(h), i),
  'objections.close': (h, i) => notices.closeObjection(h.core, actor(h), i),

  'recheck.dashboard': (h, i) => recheck.recheckDashboard(rc(h), i),
  'recheck.open': (h, i) => recheck.openRechecks(h.core, actor(h), i),

  'recheck.endPhaseOut': (h, i) => recheck.endPhaseOuts(h.core, actor(h), i),

  'relatives.list': (h) => relatives.listRelatives(rc(h)),
  'relatives.add': (h, i) => relatives.addRelative(h.core, actor(h), i),
  'relatives.remove': (h, i) => relatives.removeRelative(h.core, actor(h), i),

  'policy.list': (h) => policy.listParams(rc(h)),
  'keys.list': (h) => exchangeKeys.listKeys(rc(h)),
  'keys.init': (h, i) => exchangeKeys.initKeys(h.core, actor(h), i),
  'keys.importCounty': (h, i) => exchangeKeys.importCountyKey(h.core, actor(h), i),
  'keys.backup': (h, i) => exchangeKeys.backupKeys(h.core, actor(h), i),
  'keys.restore': (h, i) => exchangeKeys.restoreKeys(h.core, actor(h), i),
  'packages.list': (h) => packages.listPackages(h.core, actor(h)),
  'packages.export': (h, i) => packages.exportToFolder(h.core, actor(h), i),
  'packages.copy': (h, i) => packages.copySentPackage(h.core, actor(h), i),
  'packages.progress': async (h) => packages.exportProgress(h.core),
  'packages.importReply': (h, i) => importReply(h.core, actor(h), i),
  'keys.registerTownship': (h, i) => exchangeKeys.registerTownshipKey(h.core, actor(h), i),
  'county.packages': (h) => county.listCountyPackages(rc(h)),
  'county.import': (h, i) => county.importSubmission(h.core, actor(h), i),
  'county.reviews': (h, i) => county.packageReviews(rc(h), i.packageId),
  'county.review': (h, i) => county.reviewDetail(rc(h), i.id),
  'county.document': async (h, i) => wire({ ...(await county.packageDocument(rc(h), i)), docNo: '' }),
  'county.attachment': async (h, i) => county.packageAttachment(rc(h), i),
  'county.sampleRate': async (h) => county.sampleRate(rc(h)),
  'county.decide': (h, i) => county.decideReview(h.core, actor(h), i),
  'county.approveUnsampled': (h, i) => county.approveUnsampled(h.core, actor(h), i),
  'county.reply': (h, i) => county.exportReplyToFolder(h.core, actor(h), i),
  'templates.list': (h) => policy.listTemplates(rc(h)),
  'policy.add': async (h, i) => { await policy.addParam(h.core, actor(h), i); return null },

  'audit.verify': (h) => verifyChain(h.core.db)
}

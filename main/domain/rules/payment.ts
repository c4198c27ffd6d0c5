// Payment account (domain.md §11; seed 000 实名制, “一人持多卡”, “严禁…经手代发”; 办法 art. 25–26):
// - payee not a beneficiary (own-name account) → warn (a documented guardian is acknowledged by the reviewer);
//   account entered without a payee name → warn;
// - the account also pays other open households (sharedAccounts) → warn “一人持多卡”;
// - payee is a related 经办人员/村干部 (staffRelations.staffName) who is not a member of this household → block.

import { ASSESS_PARAM_KEYS } from '../assess'
import type { Rule, RuleFlag } from './types'
import { compositionOf, makeFlag } from './util'

const SPACES = /\s+/g
const norm = (s: string): string => s.normalize('NFKC').replace(SPACES, '')

export const paymentAccount: Rule = {
  id: 'payment.account',
  label: '低保金实名账户发放',
  source: '地方做法：阳光低保清理整顿讲话：低保金实名制发放；《最低生活保障审核确认办法》第二十五条',
  params: [...ASSESS_PARAM_KEYS],
  evaluate(facts, params) {
    const out: RuleFlag[] = []
    const h = facts.household
    const account = h.bankAccount && h.bankAccount.trim() ? `${h.bankName ?? '开户行未录入'} ${h.bankAccount}` : null
    const payee = h.payeeName && h.payeeName.trim() ? h.payeeName.trim() : null
    if (payee !== null) {
      const beneficiaries = compositionOf(facts, params).beneficiaries
      const isBeneficiary = beneficiaries.some((m) => norm(m.name) === norm(payee))
      const member = facts.members.find((m) => norm(m.name) === norm(payee))
      const staff = facts.staffRelations.find((r) => norm(r.staffName) === norm(payee))
      if (staff && !member) {
        out.push(makeFlag(paymentAccount, 'block', '收款人是经办人员或村干部',
          `收款人 ${payee} 是${staff.staffPost}，不是本户成员：经办人员和村干部不得代领、经手低保金，请改为保障对象本人的账户。`,
          [`收款人：${payee}${account ? `，账户 ${account}` : ''}`, `${staff.staffName}：${staff.staffPost}`],
          '地方做法：日喀则低保专项整治、阳光低保清理整顿讲话：严禁经手代发'))
      } else if (!isBeneficiary) {
        out.push(makeFlag(paymentAccount, 'warn', '收款人不是保障对象本人',
          `收款人 ${payee} ${member ? '是本户成员但不是保障对象' : '不是本户成员'}：低保金应发放到保障对象本人名下的账户；由监护人代收的，须有监护证明，审核人书面确认。`,
          [`收款人：${payee}${account ? `，账户 ${account}` : ''}`, `保障对象：${beneficiaries.map((m) => m.name).join('、') || '无'}`]))
      }
    } else if (account !== null) {
      out.push(makeFlag(paymentAccount, 'warn', '收款账户未录入户名',
        '已录入收款账户，但未录入收款人（户名）：请录入并核对为保障对象本人。', [`账户：${account}`]))
    }
    if (facts.sharedAccounts.length > 0) {
      out.push(makeFlag(paymentAccount, 'warn', '一人持多卡：账户重复',
        `本户的收款账户同时用于其他 ${facts.sharedAccounts.length} 个在保家庭：请核实是否代领或一人持多卡，改为各户保障对象本人的账户。`,
        [...(account ? [`账户：${account}`] : []), ...facts.sharedAccounts.map((s) => `同一账户：档案 ${s.fileNo}，户主 ${s.headName}`)]))
    }
    return out
  },
}

import { AccountBudget, BillingAlarm } from '../../constructs/baseline';
import { BILLING_REGION } from '../../config/regions';
import { accountBudgetName } from '../../lib/naming';
import type { BaselineContext } from './context';
import { adoptionIn, requireAccountId } from './adoption';

/**
 * The account's cost guards: the seed 003 billing alarm and a monthly AWS Budget, both through the
 * account's provider in us-east-1 (billing metrics exist only there; us-east-1 need not be governed,
 * the region-deny guardrail exempts the access role).
 * A budget of the same name that the account already has (`adopt.budgets`) is imported, not refused as a duplicate.
 */
export function addBillingGuards({ stack, scope, account, baseline, providerIn }: BaselineContext): void {
  const provider = providerIn(BILLING_REGION);
  const { billingAlarm, budget } = baseline;
  if (billingAlarm.enabled) {
    new BillingAlarm(scope, 'BillingAlarm', {
      provider,
      thresholdUsd: billingAlarm.thresholdUsd,
      email: billingAlarm.email,
      topicName: billingAlarm.topicName,
      alarmName: billingAlarm.alarmName,
    });
  }
  if (budget.enabled) {
    const budgetName = accountBudgetName(account.name);
    const adoption = adoptionIn({ stack, account });
    new AccountBudget(scope, 'Budget', {
      provider,
      budgetName,
      existingAccountId: adoption.adopt.budgets.includes(budgetName) ? requireAccountId(adoption, account.name, `budget ${budgetName}`) : undefined,
      monthlyUsd: budget.monthlyUsd,
      actualPercent: budget.actualPercent,
      forecastPercent: budget.forecastPercent,
      emails: budget.emails,
    });
  }
}

import { AccountBudget, BillingAlarm } from '../../constructs/baseline';
import { BILLING_REGION } from '../../config/regions';
import type { BaselineContext } from './context';

/**
 * The account's cost guards: the seed 003 billing alarm and a monthly AWS Budget, both through the
 * account's provider in us-east-1 (billing metrics exist only there; us-east-1 need not be governed,
 * the region-deny guardrail exempts the access role).
 */
export function addBillingGuards({ scope, account, baseline, providerIn }: BaselineContext): void {
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
    new AccountBudget(scope, 'Budget', {
      provider,
      budgetName: `${account.name}-monthly-cost`,
      monthlyUsd: budget.monthlyUsd,
      actualPercent: budget.actualPercent,
      forecastPercent: budget.forecastPercent,
      emails: budget.emails,
    });
  }
}

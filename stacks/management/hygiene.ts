import type { ManagementScope } from './scope';
import { AccountBudget, AlternateContacts, BillingAlarm } from '../../constructs/baseline';
import { BILLING_REGION } from '../../config/regions';
import { organizationBudgetName } from '../../lib/naming';
import { NOTHING_ADOPTED } from '../../config/brownfield';

/**
 * The management account's own hygiene (issue 4): its alternate contacts (organization.alternateContacts)
 * through the stack's default provider, and a budget and the seed 003 billing alarm in us-east-1
 * (baseline.management). In the payer account both figures are the whole organization's bill.
 * With no e-mail (baseline.management.email, else organization.alternateContacts.billing.email) the
 * topic and budget are still created, without subscribers.
 * What the management account already has (organization.adopt: alternate contact types, the budget by its
 * name) is imported into the same resources.
 */
export function addManagementAccountHygiene(stack: ManagementScope): void {
  const { config } = stack;
  const contacts = config.organization.alternateContacts;
  const adopt = config.organization.adopt ?? NOTHING_ADOPTED;
  if (contacts && Object.values(contacts).some(Boolean)) {
    new AlternateContacts(stack, 'ManagementAlternateContacts', { provider: stack.defaultProvider, contacts, adopted: adopt.alternateContacts });
  }

  const billing = config.baseline.management;
  if (!billing.enabled) return;
  const provider = stack.providerForRegion(BILLING_REGION);
  const email = billing.email ?? contacts?.billing?.email;
  new BillingAlarm(stack, 'ManagementBillingAlarm', {
    provider,
    thresholdUsd: billing.thresholdUsd ?? billing.monthlyUsd,
    email,
  });
  const budgetName = organizationBudgetName({ orgName: config.organization.name });
  new AccountBudget(stack, 'ManagementBudget', {
    provider,
    budgetName,
    existingAccountId: adopt.budgets.includes(budgetName) ? config.organization.managementAccountId : undefined,
    monthlyUsd: billing.monthlyUsd,
    actualPercent: billing.actualPercent,
    forecastPercent: billing.forecastPercent,
    emails: email ? [email] : undefined,
  });
}

import { BudgetsClient, DescribeBudgetCommand } from '@aws-sdk/client-budgets';
import type { AccountSession } from './aws/session';
import { GLOBAL_REGION } from './iam-roles';
import { read } from './read';

/**
 * The budget names the landing zone gives an account: `<account>-monthly-cost` for a member account
 * (stacks/baseline/billing.ts), `<organization>-organization-monthly-cost` for the management account
 * (stacks/management/hygiene.ts).
 */
export function landingZoneBudgetNames(account: { readonly name: string; readonly management: boolean }, organizationName: string): string[] {
  return account.management ? [`${organizationName}-organization-monthly-cost`] : [`${account.name}-monthly-cost`];
}

/**
 * Which of `names` exist in the account (DescribeBudget; NotFoundException: no).
 * @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_DescribeBudget.html
 */
export async function readBudgets(session: AccountSession, names: readonly string[]): Promise<string[]> {
  const client = session.client(BudgetsClient, GLOBAL_REGION);
  const found: string[] = [];
  for (const name of names) {
    const exists = await read(GLOBAL_REGION, async () => Boolean((await client.send(new DescribeBudgetCommand({ AccountId: session.accountId, BudgetName: name })))?.Budget), ['NotFoundException'], false);
    if (exists) found.push(name);
  }
  return found;
}

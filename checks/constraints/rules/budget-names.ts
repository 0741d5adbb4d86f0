import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find, type FoundResource } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { accountLabel, accountOf } from '../resources';
import { hasExpression } from '../sizes';

/** AWS Budgets: a budget name is 1 to 100 characters without ':' or '\', unique within the account (DuplicateRecordException). */
export const budgetNames: ConstraintRule = {
  id: 'budget-names',
  title: 'Budget names: 1-100 characters, no : or \\, unique per account',
  sources: ['https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Budget.html', 'https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_CreateBudget.html'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const seen = new Map<string, FoundResource>();
    for (const b of find(ctx, 'aws_budgets_budget')) {
      const name = b.body.name;
      if (typeof name !== 'string' || hasExpression(name)) continue;
      const at = `${b.stack}: aws_budgets_budget.${b.name}: ${JSON.stringify(name)}`;
      const before = problems.length;
      if (name.length < 1 || name.length > 100 || /[:\\]/.test(name)) problems.push(`${at} must be 1 to 100 characters without : or \\`);
      const account = b.body.account_id !== undefined ? String(b.body.account_id) : accountOf(ctx, b);
      const twin = seen.get(`${account}|${name}`);
      if (twin) problems.push(`${at} is also the name of ${twin.stack}: aws_budgets_budget.${twin.name} in ${accountLabel(ctx, account)}`);
      seen.set(`${account}|${name}`, b);
      if (problems.length === before) evidence.push(evidenceOf(b, name));
    }
    return verdict(evidence, problems);
  },
};

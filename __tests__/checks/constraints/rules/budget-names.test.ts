import { budgetNames } from '../../../../checks/constraints/rules/budget-names';
import { context } from '../fixtures';

describe('constraint budget-names', () => {
  it('passes distinct valid names per account', () => {
    expect(budgetNames.check(context()).status).toBe('pass');
  });

  it('fails a name with a colon, and two budgets of one name in one account', () => {
    const result = budgetNames.check(
      context((s) => {
        s.management.resource.aws_budgets_budget.Budget.name = 'acme:monthly';
        s['workload-shop'].resource.aws_budgets_budget.Again = { name: 'shop-monthly-cost', provider: 'aws.shop-ap-northeast-1' };
      }),
    );
    expect(result.problems).toEqual([
      'management: aws_budgets_budget.Budget: "acme:monthly" must be 1 to 100 characters without : or \\',
      'workload-shop: aws_budgets_budget.Again: "shop-monthly-cost" is also the name of workload-shop: aws_budgets_budget.Budget in the shop account',
    ]);
  });
});

import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { BudgetsBudget, type BudgetsBudgetNotification } from '@cdktf/provider-aws/lib/budgets-budget';

export interface AccountBudgetProps {
  /** Provider of the account (AWS Budgets is global; any region works). */
  readonly provider: AwsProvider;
  /** Budget name, unique in the account. */
  readonly budgetName: string;
  /** Monthly cost limit in USD. */
  readonly monthlyUsd: number;
  /**
   * Percent of the limit at which ACTUAL spend notifies.
   * @default 80
   */
  readonly actualPercent?: number;
  /**
   * Percent of the limit at which FORECASTED spend notifies.
   * @default 100
   */
  readonly forecastPercent?: number;
  /**
   * Who is notified (AWS Budgets e-mails them directly; no confirmation needed).
   * @default - no notifications: the budget is only tracked in the console
   */
  readonly emails?: readonly string[];
  /**
   * Id of the account whose budget of this name already exists (`adopt.budgets`): imported
   * (`<account id>:<budget name>`) instead of refused as a duplicate, then set to these values.
   * @default - the budget is created
   * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/budgets_budget#import
   */
  readonly existingAccountId?: string;
}

/**
 * A monthly COST budget with an ACTUAL and a FORECASTED notification. In the management
 * (payer) account it covers the whole organization's consolidated bill; in a member account,
 * that account only.
 * @see https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-managing-costs.html
 */
export class AccountBudget extends Construct {
  readonly resource: BudgetsBudget;

  constructor(scope: Construct, id: string, props: AccountBudgetProps) {
    super(scope, id);
    const problems: string[] = [];
    if (!(props.monthlyUsd > 0)) problems.push(`monthlyUsd ${props.monthlyUsd} must be more than 0 USD`);
    if ((props.emails?.length ?? 0) > 10) problems.push(`${props.emails!.length} e-mails; AWS Budgets allows 10 per notification`);
    if (problems.length) throw new Error(`AccountBudget ${this.node.path}: ${problems.join('; ')}`);

    const emails = props.emails && props.emails.length > 0 ? [...props.emails] : undefined;
    const notify = (notificationType: 'ACTUAL' | 'FORECASTED', threshold: number): BudgetsBudgetNotification => ({
      notificationType,
      comparisonOperator: 'GREATER_THAN',
      threshold,
      thresholdType: 'PERCENTAGE',
      subscriberEmailAddresses: emails,
    });
    this.resource = new BudgetsBudget(this, 'Resource', {
      provider: props.provider,
      name: props.budgetName,
      budgetType: 'COST',
      timeUnit: 'MONTHLY',
      limitAmount: formatUsd(props.monthlyUsd),
      limitUnit: 'USD',
      notification: emails ? [notify('ACTUAL', props.actualPercent ?? 80), notify('FORECASTED', props.forecastPercent ?? 100)] : undefined,
    });
    if (props.existingAccountId) this.resource.importFrom(`${props.existingAccountId}:${props.budgetName}`, props.provider);
  }
}

/** `500` → `"500.0"`, the form AWS returns, so a plan shows no drift. */
export function formatUsd(amount: number): string {
  return Number.isInteger(amount) ? `${amount}.0` : String(amount);
}

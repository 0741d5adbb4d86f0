import { parse } from 'yaml';
import { configFrom, exampleConfig, MINIMAL_YAML, problemsOf } from '../harness/config';
import { awsProvider, onlyResource, resourcesOf, synthLandingZone, type StackJson } from '../harness/synth';

describe('management account hygiene (examples/enterprise.yaml)', () => {
  let stack: StackJson;
  beforeAll(() => {
    stack = synthLandingZone(exampleConfig('enterprise')).stack('management');
  });

  it('sets the management account\'s alternate contacts through its own default provider', () => {
    const contacts = Object.values(resourcesOf(stack, 'aws_account_alternate_contact'));
    expect(contacts.map((c) => c.alternate_contact_type).sort()).toEqual(['BILLING', 'OPERATIONS', 'SECURITY']);
    expect(contacts.every((c) => c.provider === 'aws' && c.account_id === undefined)).toBe(true);
    expect(contacts.find((c) => c.alternate_contact_type === 'BILLING')).toEqual(
      expect.objectContaining({ name: 'Globex FinOps', title: 'Cloud cost owner', email_address: 'finops@globex.example', phone_number: '+81-3-1234-5601' }),
    );
  });

  it('puts the seed 003 billing alarm in us-east-1 with the management credentials (home region is ap-northeast-1)', () => {
    const alarm = onlyResource(stack, 'aws_cloudwatch_metric_alarm');
    expect(alarm).toEqual(
      expect.objectContaining({
        provider: 'aws.us-east-1',
        namespace: 'AWS/Billing',
        metric_name: 'EstimatedCharges',
        dimensions: { Currency: 'USD' },
        statistic: 'Maximum',
        period: 21600,
        evaluation_periods: 1,
        comparison_operator: 'GreaterThanOrEqualToThreshold',
        threshold: 50000,
      }),
    );
    const provider = awsProvider(stack, 'us-east-1');
    expect(provider.region).toBe('us-east-1');
    expect(provider.assume_role).toBeUndefined();
    expect(onlyResource(stack, 'aws_sns_topic').name).toBe('DefaultBillingAlertTopic');
    // baseline.management.email is unset: the billing alternate contact is notified
    expect(onlyResource(stack, 'aws_sns_topic_subscription').endpoint).toBe('finops@globex.example');
  });

  it('adds the organization-wide monthly budget', () => {
    const budget = onlyResource(stack, 'aws_budgets_budget');
    expect(budget).toEqual(expect.objectContaining({ name: 'globex-organization-monthly-cost', limit_amount: '50000.0', budget_type: 'COST', time_unit: 'MONTHLY', provider: 'aws.us-east-1' }));
    expect(budget.notification.map((n: any) => [n.notification_type, n.threshold, n.subscriber_email_addresses])).toEqual([
      ['ACTUAL', 80, ['finops@globex.example']],
      ['FORECASTED', 100, ['finops@globex.example']],
    ]);
  });
});

describe('management account hygiene without contacts (examples/minimal.yaml)', () => {
  it('creates the alarm (default provider: home region is us-east-1) and budget without subscribers, and no contacts', () => {
    const stack = synthLandingZone(exampleConfig('minimal')).stack('management');
    expect(resourcesOf(stack, 'aws_account_alternate_contact')).toEqual({});
    const alarm = onlyResource(stack, 'aws_cloudwatch_metric_alarm');
    expect(alarm.provider).toBe('aws');
    expect(alarm.threshold).toBe(1000);
    expect(resourcesOf(stack, 'aws_sns_topic_subscription')).toEqual({});
    expect(onlyResource(stack, 'aws_budgets_budget').notification).toBeUndefined();
  });

  it('takes the threshold and e-mail from baseline.management, or turns it off', () => {
    const input = parse(MINIMAL_YAML);
    input.baseline = { management: { monthlyUsd: 3000, thresholdUsd: 2500, email: 'finops@acme.example' } };
    const stack = synthLandingZone(configFrom(input)).stack('management');
    expect(onlyResource(stack, 'aws_cloudwatch_metric_alarm').threshold).toBe(2500);
    expect(onlyResource(stack, 'aws_budgets_budget').limit_amount).toBe('3000.0');
    expect(onlyResource(stack, 'aws_sns_topic_subscription').endpoint).toBe('finops@acme.example');

    input.baseline = { management: { enabled: false } };
    const off = synthLandingZone(configFrom(input)).stack('management');
    expect(resourcesOf(off, 'aws_cloudwatch_metric_alarm')).toEqual({});
    expect(resourcesOf(off, 'aws_budgets_budget')).toEqual({});
  });

  it('fails a management budget that is not positive or an e-mail that is not one', () => {
    const text = `${MINIMAL_YAML}baseline:\n  management: { monthlyUsd: -5, email: finops-at-acme }\n`;
    const message = problemsOf(text);
    expect(message).toContain('baseline.management.monthlyUsd (line');
    expect(message).toContain('-5 must be more than 0 USD');
    expect(message).toContain('baseline.management.email (line');
    expect(message).toContain('"finops-at-acme" is not an e-mail address');
  });
});

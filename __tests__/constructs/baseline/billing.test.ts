import { AccountBudget, BillingAlarm, formatUsd } from '../../../constructs/baseline';
import { onlyResource, resourcesOf } from '../../harness/synth';
import { synthWith } from './helpers';

describe('BillingAlarm', () => {
  it('uses the seed 003 names and no subscription when no e-mail is given', () => {
    const json = synthWith((scope, provider) => new BillingAlarm(scope, 'Billing', { provider, thresholdUsd: 100 }));
    expect(onlyResource(json, 'aws_sns_topic').name).toBe('DefaultBillingAlertTopic');
    expect(onlyResource(json, 'aws_cloudwatch_metric_alarm')).toEqual(expect.objectContaining({ alarm_name: 'DefaultBillingAlart', threshold: 100, period: 21600 }));
    expect(resourcesOf(json, 'aws_sns_topic_subscription')).toEqual({});
  });

  it('takes custom topic and alarm names', () => {
    const json = synthWith((scope, provider) => new BillingAlarm(scope, 'Billing', { provider, thresholdUsd: 12.5, topicName: 'billing', alarmName: 'Spend', email: 'a@b.example' }));
    expect(onlyResource(json, 'aws_sns_topic').name).toBe('billing');
    expect(onlyResource(json, 'aws_cloudwatch_metric_alarm')).toEqual(expect.objectContaining({ alarm_name: 'Spend', alarm_description: 'Spend', threshold: 12.5 }));
    expect(onlyResource(json, 'aws_sns_topic_subscription').endpoint).toBe('a@b.example');
  });

  it('lets CloudWatch publish to the topic only for the billing alarm', () => {
    const json = synthWith((scope, provider) => new BillingAlarm(scope, 'Billing', { provider, thresholdUsd: 100 }));
    const topicPolicy = onlyResource(json, 'aws_sns_topic_policy');
    expect(topicPolicy.arn).toMatch(/^\$\{aws_sns_topic\.Billing_Topic_.*\.arn\}$/);
    expect(JSON.parse(topicPolicy.policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'CloudWatchBillingAlarmPublishes',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Resource: topicPolicy.arn,
          Condition: { ArnEquals: { 'aws:SourceArn': expect.stringMatching(/^\$\{aws_cloudwatch_metric_alarm\.Billing_.*\.arn\}$/) } },
        },
      ],
    });
  });

  it('fails a threshold that is not above 0', () => {
    expect(() => synthWith((scope, provider) => new BillingAlarm(scope, 'Billing', { provider, thresholdUsd: 0 }))).toThrow(
      'BillingAlarm stack/Billing: thresholdUsd 0 must be more than 0 USD',
    );
  });
});

describe('AccountBudget', () => {
  it('writes the limit as AWS returns it and skips notifications without subscribers', () => {
    const json = synthWith((scope, provider) => new AccountBudget(scope, 'Budget', { provider, budgetName: 'b', monthlyUsd: 42 }));
    const budget = onlyResource(json, 'aws_budgets_budget');
    expect(budget).toEqual(expect.objectContaining({ limit_amount: '42.0', limit_unit: 'USD', budget_type: 'COST', time_unit: 'MONTHLY' }));
    expect(budget.notification).toBeUndefined();
    expect(formatUsd(12.5)).toBe('12.5');
  });

  it('fails a non-positive limit and more than 10 subscribers, together', () => {
    const emails = Array.from({ length: 11 }, (_, i) => `p${i}@a.example`);
    expect(() => synthWith((scope, provider) => new AccountBudget(scope, 'Budget', { provider, budgetName: 'b', monthlyUsd: -1, emails }))).toThrow(
      'AccountBudget stack/Budget: monthlyUsd -1 must be more than 0 USD; 11 e-mails; AWS Budgets allows 10 per notification',
    );
  });
});

import { billingAlarmRegion } from '../../../../checks/constraints/rules/billing-alarm-region';
import { context } from '../fixtures';

describe('constraint billing-alarm-region', () => {
  it('passes billing alarms in us-east-1 with a topic there', () => {
    const result = billingAlarmRegion.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence).toHaveLength(2);
  });

  it('fails a billing alarm outside us-east-1, and one that notifies a topic of another Region', () => {
    const result = billingAlarmRegion.check(
      context((s) => {
        s['workload-shop'].resource.aws_cloudwatch_metric_alarm.BillingAlarm.provider = 'aws.shop-ap-northeast-1';
        s.management.resource.aws_cloudwatch_metric_alarm.BillingAlarm.alarm_actions = ['arn:aws:sns:eu-west-1:111111111111:billing'];
      }),
    );
    expect(result.problems).toEqual([
      "management: aws_cloudwatch_metric_alarm.BillingAlarm: notifies arn:aws:sns:eu-west-1:111111111111:billing in eu-west-1, not the alarm's Region us-east-1",
      'workload-shop: aws_cloudwatch_metric_alarm.BillingAlarm: a billing alarm in ap-northeast-1; billing metrics exist only in us-east-1',
      "workload-shop: aws_cloudwatch_metric_alarm.BillingAlarm: notifies aws_sns_topic.BillingTopic in us-east-1, not the alarm's Region ap-northeast-1",
    ]);
  });
});

import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { refersTo, regionLabel } from '../resources';

/**
 * CloudWatch keeps the AWS/Billing metrics (EstimatedCharges) in US East (N. Virginia) only, so a
 * billing alarm anywhere else never has data; its SNS action must be a topic of the alarm's Region.
 */
export const billingAlarmRegion: ConstraintRule = {
  id: 'billing-alarm-region',
  title: 'Billing alarms (AWS/Billing EstimatedCharges) live in us-east-1, with an SNS topic of the same Region',
  sources: [
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/monitor_estimated_charges_with_cloudwatch.html',
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html',
  ],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const topics = find(ctx, 'aws_sns_topic');
    for (const alarm of find(ctx, 'aws_cloudwatch_metric_alarm')) {
      if (alarm.body.namespace !== 'AWS/Billing' && alarm.body.metric_name !== 'EstimatedCharges') continue;
      const at = `${alarm.stack}: aws_cloudwatch_metric_alarm.${alarm.name}`;
      const before = problems.length;
      if (alarm.region !== 'us-east-1') problems.push(`${at}: a billing alarm in ${regionLabel(alarm)}; billing metrics exist only in us-east-1`);
      for (const action of [...(alarm.body.alarm_actions ?? []), ...(alarm.body.ok_actions ?? [])]) {
        const topic = topics.find((t) => t.stack === alarm.stack && refersTo(action, t));
        const region = topic ? topic.region : /^arn:[^:]+:sns:([^:]+):/.exec(String(action))?.[1];
        if (region && region !== alarm.region) problems.push(`${at}: notifies ${topic ? `aws_sns_topic.${topic.name}` : action} in ${region}, not the alarm's Region ${regionLabel(alarm)}`);
      }
      if (problems.length === before) evidence.push(evidenceOf(alarm, 'us-east-1, topic in us-east-1'));
    }
    return verdict(evidence, problems);
  },
};

import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { policyDocument, renderPolicy, type PolicyDocument } from '../../lib/policy-document';

/** Seed 003's names; the alarm name keeps the seed's spelling so an alarm made by its script is taken over. */
export const DEFAULT_BILLING_TOPIC_NAME = 'DefaultBillingAlertTopic';
export const DEFAULT_BILLING_ALARM_NAME = 'DefaultBillingAlart';
/** Six hours: billing metrics are published a few times a day (seed 003 `Period=21600`). */
export const BILLING_ALARM_PERIOD_SECONDS = 21600;

/**
 * Topic policy of the billing topic: CloudWatch publishes only for the billing alarm (`aws:SourceArn`, which names
 * the alarm's account and region), the statement AWS gives for an alarm whose action fails with "is not authorized
 * to perform: SNS:Publish". It replaces SNS's default topic policy (any principal of the owner account, by
 * `AWS:SourceOwner`): the account's own principals keep the access their IAM policies give them.
 * @see https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger
 */
export function billingTopicPolicy(topicArn: string, alarmArn: string): PolicyDocument {
  return policyDocument({
    Sid: 'CloudWatchBillingAlarmPublishes',
    Effect: 'Allow',
    Principal: { Service: 'cloudwatch.amazonaws.com' },
    Action: 'sns:Publish',
    Resource: topicArn,
    Condition: { ArnEquals: { 'aws:SourceArn': alarmArn } },
  });
}

export interface BillingAlarmProps {
  /** Provider in us-east-1 of the account: `AWS/Billing` metrics exist only there. */
  readonly provider: AwsProvider;
  /** Estimated charges (USD, month to date) at or above which the alarm fires. */
  readonly thresholdUsd: number;
  /**
   * Address subscribed to the topic (the recipient confirms the subscription once).
   * @default - no subscription; the topic and alarm exist and anyone may subscribe later
   */
  readonly email?: string;
  /**
   * SNS topic name.
   * @default 'DefaultBillingAlertTopic' (seed 003)
   */
  readonly topicName?: string;
  /**
   * CloudWatch alarm name and description.
   * @default 'DefaultBillingAlart' (seed 003, spelling kept)
   */
  readonly alarmName?: string;
}

/**
 * The billing alarm of seed 003: an SNS topic with an e-mail subscription and a CloudWatch alarm on
 * `AWS/Billing` `EstimatedCharges` (`Currency=USD`, Maximum over 21600 s, one period,
 * `GreaterThanOrEqualToThreshold`) whose action is the topic, and a topic policy that lets CloudWatch publish for
 * that alarm only (billingTopicPolicy).
 *
 * The topic uses no KMS key on purpose: CloudWatch cannot publish to a topic encrypted with the AWS
 * managed `alias/aws/sns` key, and the message carries no data worth a customer managed key.
 * `EstimatedCharges` exists only after billing alerts are turned on in the management account's
 * Billing preferences (docs/baseline.md).
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/monitor_estimated_charges_with_cloudwatch.html
 */
export class BillingAlarm extends Construct {
  readonly topic: SnsTopic;
  readonly subscription?: SnsTopicSubscription;
  /** The topic policy: CloudWatch publishes for this alarm only. */
  readonly topicPolicy: SnsTopicPolicy;
  /** The alarm (construct id `Resource`). */
  readonly resource: CloudwatchMetricAlarm;
  readonly topicArn: string;

  constructor(scope: Construct, id: string, props: BillingAlarmProps) {
    super(scope, id);
    const { provider } = props;
    if (!(props.thresholdUsd > 0)) throw new Error(`BillingAlarm ${this.node.path}: thresholdUsd ${props.thresholdUsd} must be more than 0 USD`);
    const alarmName = props.alarmName ?? DEFAULT_BILLING_ALARM_NAME;

    this.topic = new SnsTopic(this, 'Topic', { provider, name: props.topicName ?? DEFAULT_BILLING_TOPIC_NAME });
    this.topicArn = this.topic.arn;
    if (props.email) {
      this.subscription = new SnsTopicSubscription(this, 'Subscription', {
        provider,
        topicArn: this.topic.arn,
        protocol: 'email',
        endpoint: props.email,
      });
    }
    this.resource = new CloudwatchMetricAlarm(this, 'Resource', {
      provider,
      alarmName,
      alarmDescription: alarmName,
      actionsEnabled: true,
      alarmActions: [this.topic.arn],
      namespace: 'AWS/Billing',
      metricName: 'EstimatedCharges',
      statistic: 'Maximum',
      dimensions: { Currency: 'USD' },
      period: BILLING_ALARM_PERIOD_SECONDS,
      evaluationPeriods: 1,
      threshold: props.thresholdUsd,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    this.topicPolicy = new SnsTopicPolicy(this, 'TopicPolicy', {
      provider,
      arn: this.topic.arn,
      policy: renderPolicy(billingTopicPolicy(this.topic.arn, this.resource.arn)),
    });
  }
}

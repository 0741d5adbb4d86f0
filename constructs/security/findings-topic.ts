import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { policyDocument, renderPolicy, type PolicyDocument, type Statement } from '../../lib/policy-document';

/** What the findings topic's key and topic policies are built from. */
export interface FindingsPolicyInput {
  /** The security account, owner of the topic and key. */
  readonly accountId: string;
  /** ARN of the topic (known before the topic exists, so the key policy can name it without a cycle). */
  readonly topicArn: string;
  /** ARNs of the EventBridge rules that publish to the topic: the `aws:SourceArn` EventBridge sends. */
  readonly ruleArns: readonly string[];
}

/**
 * Key policy of the findings topic's key: the account administers it; EventBridge may `GenerateDataKey*` and
 * `Decrypt` (what SNS asks KMS for on behalf of a service publishing to an encrypted topic) only for the rules that
 * publish (`aws:SourceArn`) and only for this topic (encryption context `aws:sns:topicArn`).
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
 */
export function findingsKeyPolicy(input: FindingsPolicyInput): PolicyDocument {
  const statements: Statement[] = [
    { Sid: 'AccountAdministersKey', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${input.accountId}:root` }, Action: 'kms:*', Resource: '*' },
  ];
  if (input.ruleArns.length > 0) {
    statements.push({
      Sid: 'EventBridgePublishesEncrypted',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      Resource: '*',
      Condition: {
        ArnEquals: { 'aws:SourceArn': [...input.ruleArns] },
        StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': input.topicArn },
      },
    });
  }
  return policyDocument(...statements);
}

/**
 * Topic policy: the account manages the topic; EventBridge publishes only for the rules that target it
 * (`aws:SourceArn`, the condition EventBridge documents for its targets' resource policies).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions
 */
export function findingsTopicPolicy(input: FindingsPolicyInput): PolicyDocument {
  const statements: Statement[] = [
    {
      Sid: 'AccountManagesTopic',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${input.accountId}:root` },
      Action: ['sns:GetTopicAttributes', 'sns:SetTopicAttributes', 'sns:AddPermission', 'sns:RemovePermission', 'sns:DeleteTopic', 'sns:Subscribe', 'sns:ListSubscriptionsByTopic', 'sns:Publish'],
      Resource: input.topicArn,
    },
  ];
  if (input.ruleArns.length > 0) {
    statements.push({
      Sid: 'EventBridgePublishes',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: input.topicArn,
      Condition: { ArnEquals: { 'aws:SourceArn': [...input.ruleArns] } },
    });
  }
  return policyDocument(...statements);
}

/** ARN of a rule on the default event bus. */
export function eventRuleArn(region: string, accountId: string, ruleName: string): string {
  return `arn:aws:events:${region}:${accountId}:rule/${ruleName}`;
}

export interface FindingsTopicProps {
  /** Provider of the security account in the home region. */
  readonly provider: AwsProvider;
  /** Topic name (naming helper). */
  readonly topicName: string;
  /** Alias of the topic's KMS key (naming helper). */
  readonly keyAliasName: string;
  /** The security account's id. */
  readonly accountId: string;
  /** Region of the topic (the home region): with the account and name it makes the topic's ARN. */
  readonly region: string;
  /**
   * Names of the EventBridge rules (default bus, same account and region) that publish to the topic.
   * @default - no rule may publish
   */
  readonly publisherRuleNames?: readonly string[];
  /**
   * E-mail addresses subscribed to the topic (each confirms by e-mail).
   * @default - no subscriptions
   */
  readonly emails?: readonly string[];
}

/**
 * The encrypted SNS topic that receives high-severity findings and non-compliance (seed 004, 1C:
 * "notify on non-compliance"), with its own KMS key that EventBridge may use for this topic, a topic policy that lets
 * only the named EventBridge rules publish, and e-mail subscriptions.
 */
export class FindingsTopic extends Construct {
  readonly topicArn: string;
  readonly keyArn: string;

  constructor(scope: Construct, id: string, props: FindingsTopicProps) {
    super(scope, id);
    const { provider } = props;
    const input: FindingsPolicyInput = {
      accountId: props.accountId,
      topicArn: `arn:aws:sns:${props.region}:${props.accountId}:${props.topicName}`,
      ruleArns: (props.publisherRuleNames ?? []).map((name) => eventRuleArn(props.region, props.accountId, name)),
    };
    const key = new KmsKey(this, 'Key', {
      provider,
      description: 'Security findings topic (landing zone)',
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: renderPolicy(findingsKeyPolicy(input)),
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, 'KeyAlias', { provider, name: props.keyAliasName, targetKeyId: key.keyId });
    this.keyArn = key.arn;
    const topic = new SnsTopic(this, 'Resource', { provider, name: props.topicName, kmsMasterKeyId: key.arn });
    this.topicArn = topic.arn;
    new SnsTopicPolicy(this, 'Policy', { provider, arn: topic.arn, policy: renderPolicy(findingsTopicPolicy({ ...input, topicArn: topic.arn })) });
    for (const email of props.emails ?? []) {
      new SnsTopicSubscription(this, `Email-${email}`, { provider, topicArn: topic.arn, protocol: 'email', endpoint: email });
    }
  }
}

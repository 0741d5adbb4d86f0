import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { policyDocument, renderPolicy, type PolicyDocument } from '../../lib/policy-document';

/** Key policy of the findings topic's key: the account administers it; EventBridge of this account may encrypt. */
export function findingsKeyPolicy(accountId: string): PolicyDocument {
  return policyDocument(
    { Sid: 'AccountAdministersKey', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' },
    {
      Sid: 'EventBridgePublishesEncrypted',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
    },
  );
}

/** Topic policy: the account manages the topic; EventBridge rules of this account publish. */
export function findingsTopicPolicy(topicArn: string, accountId: string): PolicyDocument {
  return policyDocument(
    {
      Sid: 'AccountManagesTopic',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
      Action: ['sns:GetTopicAttributes', 'sns:SetTopicAttributes', 'sns:AddPermission', 'sns:RemovePermission', 'sns:DeleteTopic', 'sns:Subscribe', 'sns:ListSubscriptionsByTopic', 'sns:Publish'],
      Resource: topicArn,
    },
    {
      Sid: 'EventBridgePublishes',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: topicArn,
      Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
    },
  );
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
  /**
   * E-mail addresses subscribed to the topic (each confirms by e-mail).
   * @default - no subscriptions
   */
  readonly emails?: readonly string[];
}

/**
 * The encrypted SNS topic that receives high-severity findings and non-compliance (seed 004, 1C:
 * "notify on non-compliance"), with its own KMS key that EventBridge may use, and e-mail subscriptions.
 */
export class FindingsTopic extends Construct {
  readonly topicArn: string;
  readonly keyArn: string;

  constructor(scope: Construct, id: string, props: FindingsTopicProps) {
    super(scope, id);
    const { provider } = props;
    const key = new KmsKey(this, 'Key', {
      provider,
      description: 'Security findings topic (landing zone)',
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: renderPolicy(findingsKeyPolicy(props.accountId)),
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, 'KeyAlias', { provider, name: props.keyAliasName, targetKeyId: key.keyId });
    this.keyArn = key.arn;
    const topic = new SnsTopic(this, 'Resource', { provider, name: props.topicName, kmsMasterKeyId: key.arn });
    this.topicArn = topic.arn;
    new SnsTopicPolicy(this, 'Policy', { provider, arn: topic.arn, policy: renderPolicy(findingsTopicPolicy(topic.arn, props.accountId)) });
    for (const email of props.emails ?? []) {
      new SnsTopicSubscription(this, `Email-${email}`, { provider, topicArn: topic.arn, protocol: 'email', endpoint: email });
    }
  }
}

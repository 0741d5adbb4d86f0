import { FindingsTopic } from '../../../constructs/security';
import { onlyResource } from '../../harness/synth';
import { synthWith } from '../baseline/helpers';

// The findings topic's policies as JSON: EventBridge may publish and use the key only for the rules that target the
// topic (aws:SourceArn), the key only for this topic (encryption context aws:sns:topicArn). What EventBridge's real
// requests get is proven in __tests__/policies/service-requests.test.ts.

const ACCOUNT = '333333333333';
const TOPIC_ARN = `arn:aws:sns:us-east-1:${ACCOUNT}:acme-security-findings`;
const RULES = [`arn:aws:events:us-east-1:${ACCOUNT}:rule/acme-guardduty-findings`, `arn:aws:events:us-east-1:${ACCOUNT}:rule/acme-securityhub-findings`];

function synthTopic(publisherRuleNames?: string[]) {
  const json = synthWith(
    (scope, provider) =>
      new FindingsTopic(scope, 'FindingsTopic', {
        provider,
        topicName: 'acme-security-findings',
        keyAliasName: 'alias/acme-security-findings',
        accountId: ACCOUNT,
        region: 'us-east-1',
        publisherRuleNames,
      }),
  );
  return { key: JSON.parse(onlyResource(json, 'aws_kms_key').policy), topic: JSON.parse(onlyResource(json, 'aws_sns_topic_policy').policy) };
}

describe('FindingsTopic', () => {
  it('lets EventBridge publish only for the rules that target the topic', () => {
    const { topic } = synthTopic(['acme-guardduty-findings', 'acme-securityhub-findings']);
    expect(topic.Statement.find((s: any) => s.Sid === 'EventBridgePublishes')).toEqual({
      Sid: 'EventBridgePublishes',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: expect.stringMatching(/^\$\{aws_sns_topic\.FindingsTopic_.*\.arn\}$/),
      Condition: { ArnEquals: { 'aws:SourceArn': RULES } },
    });
  });

  it('lets EventBridge use the key only for those rules and this topic', () => {
    const { key } = synthTopic(['acme-guardduty-findings', 'acme-securityhub-findings']);
    expect(key.Statement.find((s: any) => s.Sid === 'EventBridgePublishesEncrypted')).toEqual({
      Sid: 'EventBridgePublishesEncrypted',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      Resource: '*',
      Condition: { ArnEquals: { 'aws:SourceArn': RULES }, StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': TOPIC_ARN } },
    });
  });

  it('gives EventBridge nothing when no rule publishes', () => {
    const { key, topic } = synthTopic();
    expect(key.Statement.map((s: any) => s.Sid)).toEqual(['AccountAdministersKey']);
    expect(topic.Statement.map((s: any) => s.Sid)).toEqual(['AccountManagesTopic']);
  });
});

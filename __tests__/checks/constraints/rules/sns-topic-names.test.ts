import { snsTopicNames } from '../../../../checks/constraints/rules/sns-topic-names';
import { context } from '../fixtures';

describe('constraint sns-topic-names', () => {
  it('passes letters, digits, hyphens and underscores', () => {
    expect(snsTopicNames.check(context()).status).toBe('pass');
  });

  it('fails a name with a dot or over 256 characters, and a FIFO topic without .fifo', () => {
    const long = 't'.repeat(257);
    const result = snsTopicNames.check(
      context((s) => {
        s.security.resource.aws_sns_topic.Findings.name = 'acme.findings';
        s.management.resource.aws_sns_topic.BillingTopic.name = long;
        s['workload-shop'].resource.aws_sns_topic.BillingTopic.fifo_topic = true;
      }),
    );
    expect(result.problems).toEqual([
      `management: aws_sns_topic.BillingTopic: ${JSON.stringify(long)} may hold only letters, digits, hyphens and underscores (1 to 256)`,
      'security: aws_sns_topic.Findings: "acme.findings" may hold only letters, digits, hyphens and underscores (1 to 256)',
      'workload-shop: aws_sns_topic.BillingTopic: "DefaultBillingAlertTopic" is a FIFO topic and must end in .fifo',
    ]);
  });
});

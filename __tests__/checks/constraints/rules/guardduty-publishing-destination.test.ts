import { guardDutyPublishingDestination } from '../../../../checks/constraints/rules/guardduty-publishing-destination';
import { context } from '../fixtures';

describe('constraint guardduty-publishing-destination', () => {
  it('passes an export from another Region into a bucket whose key shares its Region', () => {
    const result = guardDutyPublishingDestination.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence[0].note).toBe('bucket us-east-1, key us-east-1');
  });

  it('fails a key in another Region than the bucket', () => {
    const result = guardDutyPublishingDestination.check(
      context((s) => (s.security.resource.aws_guardduty_publishing_destination['GuardDuty-ap-northeast-1_Export'].kms_key_arn = 'arn:aws:kms:eu-west-1:333333333333:key/abc')),
    );
    expect(result.problems).toEqual([
      'security: aws_guardduty_publishing_destination.GuardDuty-ap-northeast-1_Export (ap-northeast-1): bucket acme-trail-logs is in us-east-1, its KMS key in eu-west-1; both must be in one Region',
    ]);
  });

  it('fails a bucket in an opt-in Region for findings of another Region', () => {
    const result = guardDutyPublishingDestination.check(
      context((s) => {
        s['log-archive'].provider.aws.push({ alias: 'log-archive-me-south-1', region: 'me-south-1' });
        s['log-archive'].resource.aws_s3_bucket.TrailLogs.provider = 'aws.log-archive-me-south-1';
        s['log-archive'].resource.aws_kms_key.LogKey.provider = 'aws.log-archive-me-south-1';
      }),
    );
    expect(result.problems).toEqual([
      'security: aws_guardduty_publishing_destination.GuardDuty-ap-northeast-1_Export (ap-northeast-1): exports to acme-trail-logs in the opt-in Region me-south-1; findings of another Region cannot go there',
    ]);
  });
});

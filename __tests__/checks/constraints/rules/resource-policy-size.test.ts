import { resourcePolicySize } from '../../../../checks/constraints/rules/resource-policy-size';
import { context, policy } from '../fixtures';

describe('constraint resource-policy-size', () => {
  it('passes small bucket and key policies', () => {
    const result = resourcePolicySize.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.address)).toEqual(['aws_s3_bucket_policy.ConfigLogsPolicy', 'aws_kms_key.LogKey']);
  });

  it('fails a bucket policy over 20 KB and a key policy over 32 KB', () => {
    const bucket = policy([{ Sid: 'b'.repeat(21000), Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }]);
    const key = policy([{ Sid: 'k'.repeat(33000), Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }]);
    const result = resourcePolicySize.check(
      context((s) => {
        s['log-archive'].resource.aws_s3_bucket_policy.ConfigLogsPolicy.policy = bucket;
        s['log-archive'].resource.aws_kms_key.LogKey.policy = key;
      }),
    );
    expect(result.problems).toEqual([
      `log-archive: aws_s3_bucket_policy.ConfigLogsPolicy: bucket policy is ${bucket.length} bytes; the maximum is 20480`,
      `log-archive: aws_kms_key.LogKey: key policy is ${key.length} bytes; the maximum is 32768`,
    ]);
  });
});

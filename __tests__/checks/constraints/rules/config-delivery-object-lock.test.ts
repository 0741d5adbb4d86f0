import { configDeliveryObjectLock } from '../../../../checks/constraints/rules/config-delivery-object-lock';
import { context } from '../fixtures';

describe('constraint config-delivery-object-lock', () => {
  it('passes delivery channels into a bucket without Object Lock', () => {
    const result = configDeliveryObjectLock.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence).toHaveLength(4);
    expect(result.evidence[0].note).toBe('delivers to log-archive: aws_s3_bucket.ConfigLogs, no Object Lock');
  });

  it('fails channels into the Object Lock bucket, named literally or by reference', () => {
    const result = configDeliveryObjectLock.check(
      context((s) => {
        s.security.resource.aws_config_delivery_channel['Channel-us-east-1'].s3_bucket_name = 'acme-trail-logs';
        s['workload-shop'].resource.aws_config_delivery_channel['Channel-us-east-1'].s3_bucket_name =
          '${data.terraform_remote_state.log-archive.outputs.cross-stack-output-aws_s3_bucketTrailLogsbucket}';
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual([
      '2 aws_config_delivery_channel deliver to log-archive: aws_s3_bucket.TrailLogs (Object Lock with default retention (COMPLIANCE 365 days)), which AWS Config does not support (security us-east-1, workload-shop us-east-1); deliver Config to a bucket without Object Lock (keep its deny-delete and organization-only bucket policy)',
    ]);
  });

  it('takes the stricter reading: Object Lock enabled without default retention fails too', () => {
    const result = configDeliveryObjectLock.check(
      context((s) => {
        s['log-archive'].resource.aws_s3_bucket.ConfigLogs.object_lock_enabled = true;
      }),
    );
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^4 aws_config_delivery_channel deliver to log-archive: aws_s3_bucket.ConfigLogs \(Object Lock enabled\)/);
  });
});

import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find, type FoundResource } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { refersTo, regionLabel } from '../resources';

/** The aws_s3_bucket a bucket name (literal, reference or cross-stack output) points at. */
function bucketNamed(buckets: FoundResource[], value: unknown): FoundResource | undefined {
  return buckets.find((b) => refersTo(value, b, typeof b.body.bucket === 'string' ? b.body.bucket : undefined));
}

/** Why a bucket counts as Object Lock enabled, or undefined. */
function objectLockOf(bucket: FoundResource, locks: FoundResource[]): string | undefined {
  const lock = locks.find((l) => l.stack === bucket.stack && refersTo(l.body.bucket, bucket, bucket.body.bucket));
  const retention = lock?.body.rule?.default_retention ?? bucket.body.object_lock_configuration?.rule?.default_retention;
  if (retention) return `Object Lock with default retention (${retention.mode ?? '?'} ${retention.days ?? retention.years ?? '?'} ${retention.days ? 'days' : 'years'})`;
  if (bucket.body.object_lock_enabled === true || lock || bucket.body.object_lock_configuration) return 'Object Lock enabled';
  return undefined;
}

/**
 * AWS Config does not deliver to a bucket with Object Lock: the CloudFormation reference of
 * AWS::Config::DeliveryChannel says "where object lock is enabled", the Config developer guide
 * "with default retention"; this rule takes the stricter reading (any Object Lock).
 */
export const configDeliveryObjectLock: ConstraintRule = {
  id: 'config-delivery-object-lock',
  title: 'AWS Config delivery channels point at buckets without Object Lock',
  sources: [
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-config-deliverychannel.html',
    'https://docs.aws.amazon.com/config/latest/developerguide/manage-delivery-channel.html',
  ],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const buckets = find(ctx, 'aws_s3_bucket');
    const locks = find(ctx, 'aws_s3_bucket_object_lock_configuration');
    const byBucket = new Map<string, FoundResource[]>();
    for (const channel of find(ctx, 'aws_config_delivery_channel')) {
      const bucket = bucketNamed(buckets, channel.body.s3_bucket_name);
      const lock = bucket && objectLockOf(bucket, locks);
      if (!bucket || !lock) {
        evidence.push(evidenceOf(channel, `delivers to ${bucket ? `${bucket.stack}: aws_s3_bucket.${bucket.name}` : JSON.stringify(channel.body.s3_bucket_name)}, no Object Lock`));
        continue;
      }
      const key = `${bucket.stack}: aws_s3_bucket.${bucket.name} (${lock})`;
      byBucket.set(key, [...(byBucket.get(key) ?? []), channel]);
    }
    for (const [bucket, channels] of byBucket) {
      const where = channels.map((c) => `${c.stack} ${regionLabel(c)}`);
      problems.push(
        `${channels.length} aws_config_delivery_channel deliver to ${bucket}, which AWS Config does not support (${where.slice(0, 4).join(', ')}${where.length > 4 ? `, ... ${where.length - 4} more` : ''}); ` +
          'deliver Config to a bucket without Object Lock (keep its deny-delete and organization-only bucket policy)',
      );
    }
    return verdict(evidence, problems);
  },
};

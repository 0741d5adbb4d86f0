import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { refersTo, regionLabel } from '../resources';

/** Regions that are disabled by default (opt-in). */
const OPT_IN_REGIONS = new Set([
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
]);

/**
 * GuardDuty findings export (CreatePublishingDestination): the S3 bucket and the KMS key must be in
 * the same Region, and findings of a commercial Region cannot go to a bucket in an opt-in Region.
 * Bucket and key are resolved to their resources in any stack to learn their Region.
 */
export const guardDutyPublishingDestination: ConstraintRule = {
  id: 'guardduty-publishing-destination',
  title: 'GuardDuty findings export: bucket and KMS key in one Region, never a bucket in an opt-in Region',
  sources: ['https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const buckets = find(ctx, 'aws_s3_bucket');
    const keys = find(ctx, 'aws_kms_key');
    for (const d of find(ctx, 'aws_guardduty_publishing_destination').filter((x) => (x.body.destination_type ?? 'S3') === 'S3')) {
      const arn = String(d.body.destination_arn ?? '');
      const name = /^arn:[^:]+:s3:::([^/]+)/.exec(arn)?.[1];
      const bucket = buckets.find((b) => (name !== undefined && b.body.bucket === name) || refersTo(arn, b));
      const key = keys.find((k) => refersTo(d.body.kms_key_arn, k));
      const keyRegion = key?.region ?? /^arn:[^:]+:kms:([^:]+):/.exec(String(d.body.kms_key_arn ?? ''))?.[1];
      const at = `${d.stack}: aws_guardduty_publishing_destination.${d.name} (${regionLabel(d)})`;
      const before = problems.length;
      if (bucket?.region && keyRegion && bucket.region !== keyRegion) problems.push(`${at}: bucket ${bucket.body.bucket} is in ${bucket.region}, its KMS key in ${keyRegion}; both must be in one Region`);
      if (bucket?.region && OPT_IN_REGIONS.has(bucket.region) && bucket.region !== d.region) {
        problems.push(`${at}: exports to ${bucket.body.bucket} in the opt-in Region ${bucket.region}; findings of another Region cannot go there`);
      }
      if (problems.length === before) evidence.push(evidenceOf(d, `bucket ${bucket?.region ?? '?'}, key ${keyRegion ?? '?'}`));
    }
    return verdict(evidence, problems);
  },
};

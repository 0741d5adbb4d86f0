import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { byteSize } from '../sizes';

const LIMITS = [
  { type: 'aws_s3_bucket_policy', attribute: 'policy', max: 20 * 1024, what: 'bucket policy' },
  { type: 'aws_kms_key', attribute: 'policy', max: 32 * 1024, what: 'key policy' },
  { type: 'aws_kms_key_policy', attribute: 'policy', max: 32 * 1024, what: 'key policy' },
] as const;

/** S3 bucket policies are limited to 20 KB, KMS key policies to 32 KB (Terraform references counted as written). */
export const resourcePolicySize: ConstraintRule = {
  id: 'resource-policy-size',
  title: 'S3 bucket policies ≤ 20 KB, KMS key policies ≤ 32 KB',
  sources: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html', 'https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    for (const limit of LIMITS) {
      let largest = 0;
      let largestAt: Evidence | undefined;
      for (const r of find(ctx, limit.type)) {
        if (r.body[limit.attribute] === undefined) continue;
        const size = byteSize(r.body[limit.attribute]);
        if (size > limit.max) problems.push(`${r.stack}: ${r.type}.${r.name}: ${limit.what} is ${size} bytes; the maximum is ${limit.max}`);
        else if (size >= largest) {
          largest = size;
          largestAt = evidenceOf(r, `largest ${limit.what}: ${size} of ${limit.max} bytes`);
        }
      }
      if (largestAt) evidence.push(largestAt);
    }
    return verdict(evidence, problems);
  },
};

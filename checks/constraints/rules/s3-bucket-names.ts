import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { hasExpression, literalParts } from '../sizes';

const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** What is wrong with a general purpose bucket name, or undefined. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return `is ${name.length} characters (3 to 63)`;
  if (!/^[a-z0-9.-]+$/.test(name)) return 'may hold only lowercase letters, digits, dots and hyphens';
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return 'must begin and end with a letter or digit';
  if (name.includes('..')) return 'must not hold two adjacent dots';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'must not be formatted as an IP address';
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return `must not begin with the reserved prefix ${prefix}`;
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) return `must not end with the reserved suffix ${suffix}`;
  return undefined;
}

/** S3 general purpose bucket naming rules (names with Terraform expressions: their literal characters only). */
export const s3BucketNames: ConstraintRule = {
  id: 's3-bucket-names',
  title: 'S3 bucket names follow the general purpose bucket naming rules',
  sources: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    for (const b of find(ctx, 'aws_s3_bucket')) {
      const name = b.body.bucket ?? b.body.bucket_prefix;
      if (typeof name !== 'string') continue;
      const problem = hasExpression(name)
        ? /^[a-z0-9.-]*$/.test(literalParts(name))
          ? undefined
          : 'may hold only lowercase letters, digits, dots and hyphens'
        : b.body.bucket_prefix !== undefined && b.body.bucket === undefined
          ? name.length > 37
            ? `is ${name.length} characters (a bucket_prefix takes at most 37)`
            : undefined
          : bucketNameProblem(name);
      if (problem) problems.push(`${b.stack}: aws_s3_bucket.${b.name}: ${JSON.stringify(name)} ${problem}`);
      else evidence.push(evidenceOf(b, name));
    }
    return verdict(evidence, problems);
  },
};

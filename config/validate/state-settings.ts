import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';
import { accessLogBucketName, configLogBucketName, logBucketName, namingOf } from '../../lib/naming';

/**
 * The S3 state backend's settings fit what AWS allows beside the landing zone:
 * - the state bucket is none of the buckets the landing zone creates (the CloudTrail and Config log buckets and the
 *   access-log bucket of lib/naming.ts): bucket names are global, so the second CreateBucket of one name fails
 *   (BucketAlreadyOwnedByYou or BucketAlreadyExists), and the state would sit in the log archive under its policies;
 * - a state KMS key given as an ARN is in the bucket's Region (state.region, else organization.homeRegion): S3
 *   encrypts with a KMS key of the bucket's own Region only, so every state write would fail.
 * The key prefix's form is checked with the schema (keyPrefixProblem in config/schema/state.ts).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 */
export const checkStateSettings: Rule = (config) => {
  const problems: Problem[] = [];
  const { state, organization } = config;
  if (state.backend !== 's3') return problems;
  const naming = namingOf(config);
  const ours: Record<string, string> = {
    [logBucketName(naming)]: 'CloudTrail log bucket',
    [configLogBucketName(naming)]: 'Config log bucket',
    [accessLogBucketName(naming)]: 'access-log bucket',
  };
  if (state.bucket && ours[state.bucket]) {
    problems.push({
      path: ['state', 'bucket'],
      message:
        `${show(state.bucket)} is the name of the landing zone's ${ours[state.bucket]}, which the log-archive stack creates; bucket names are global, so one of the two CreateBucket calls fails ` +
        `(https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html) and the state would sit in the log archive; name the state bucket differently, e.g. ${show(`${organization.name}-tfstate-${organization.managementAccountId}`)}`,
    });
  }
  const bucketRegion = state.region ?? organization.homeRegion;
  const arn = state.kmsKeyId ? /^arn:aws:kms:([a-z0-9-]+):(\d{12}):(.+)$/.exec(state.kmsKeyId) : null;
  if (arn && arn[1] !== bucketRegion) {
    const multiRegion = /^key\/mrk-/.test(arn[3]);
    problems.push({
      path: ['state', 'kmsKeyId'],
      message:
        `is a KMS key in ${arn[1]}, but the state bucket is in ${bucketRegion} (${state.region ? 'state.region' : 'organization.homeRegion'}), and S3 encrypts only with a key of the bucket's Region, so every state write would fail ` +
        `(https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html); ` +
        (multiRegion
          ? `give the ARN of the key's replica in ${bucketRegion} (arn:aws:kms:${bucketRegion}:${arn[2]}:${arn[3]}), creating the replica first if there is none`
          : `use a key in ${bucketRegion} (arn:aws:kms:${bucketRegion}:${arn[2]}:...), or, for a state bucket not created yet, state.region: ${arn[1]}`),
    });
  }
  return problems;
};

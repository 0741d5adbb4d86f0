import { verdict, type CheckRule } from '../types';
import { evidenceOf, find } from '../resources';

/**
 * Seed 004 state 1-B: an organization trail in every region with log file validation, delivering
 * to the log-archive account's bucket.
 */
export const organizationTrail: CheckRule = {
  id: 'organization-trail',
  title: 'Organization CloudTrail trail: all regions, log file validation, delivered to the log archive',
  seedItem: '1-B',
  check(ctx) {
    const trails = find(ctx, 'aws_cloudtrail').filter((t) => t.body.is_organization_trail === true);
    if (trails.length === 0) {
      return verdict([], ['no aws_cloudtrail with is_organization_trail = true; the security stack creates it (logging.trail)']);
    }
    const logBuckets = new Set(find(ctx, 'aws_s3_bucket', ['log-archive']).map((b) => b.body.bucket));
    const problems: string[] = [];
    const good = trails.find((t) => {
      const b = t.body;
      return b.is_multi_region_trail === true && b.enable_log_file_validation === true && b.enable_logging !== false && logBuckets.has(b.s3_bucket_name);
    });
    if (good) return verdict([evidenceOf(good, `multi-region, log file validation, logging to ${good.body.s3_bucket_name}`)], []);
    const t = trails[0];
    if (t.body.is_multi_region_trail !== true) problems.push(`${t.name}: is_multi_region_trail is not true; the trail must cover every region`);
    if (t.body.enable_log_file_validation !== true) problems.push(`${t.name}: enable_log_file_validation is not true`);
    if (t.body.enable_logging === false) problems.push(`${t.name}: enable_logging is false`);
    if (!logBuckets.has(t.body.s3_bucket_name)) {
      problems.push(`${t.name}: delivers to ${JSON.stringify(t.body.s3_bucket_name)}, which is not a bucket of the log-archive stack`);
    }
    return verdict([evidenceOf(t)], problems);
  },
};

import { verdict, type CheckRule, type Evidence } from '../types';
import { evidenceOf, find, type FoundResource } from '../resources';
import { CONTROL_TOWER } from '../../../config/schema/control-tower';

/** Whether a trail records management events: no selectors (the default), or a selector that includes them. */
function recordsManagementEvents(t: FoundResource): boolean {
  const advanced: any[] = t.body.advanced_event_selector ?? [];
  const basic: any[] = t.body.event_selector ?? [];
  if (advanced.length === 0 && basic.length === 0) return true;
  return (
    advanced.some((s) => (s.field_selector ?? []).some((f: any) => f.field === 'eventCategory' && (f.equals ?? []).includes('Management'))) ||
    basic.some((s) => s.include_management_events !== false)
  );
}

/**
 * Seed 004 state 1-B: an organization trail in every region with log file validation, delivering
 * to the log-archive account's bucket. In Control Tower mode with controlTower.organizationTrail, Control Tower's
 * own trail meets it (multi-region, log file validation and its log archive are Control Tower's mandatory
 * controls); the row says so, and lists the landing zone's data-events trail beside it when there is one.
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/cloudtrail.html
 */
export const organizationTrail: CheckRule = {
  id: 'organization-trail',
  title: 'Organization CloudTrail trail: all regions, log file validation, delivered to the log archive',
  seedItem: '1-B',
  check(ctx) {
    const trails = find(ctx, 'aws_cloudtrail').filter((t) => t.body.is_organization_trail === true);
    if (ctx.controlTower?.ownsTrail) {
      const evidence: Evidence[] = [
        {
          stack: 'control-tower',
          address: CONTROL_TOWER.trail,
          note: "Control Tower's organization trail (controlTower.organizationTrail): every region, log file validation, into Control Tower's log archive; not in the landing zone's stacks",
        },
      ];
      for (const t of trails) evidence.push(evidenceOf(t, `the landing zone's trail beside it${recordsManagementEvents(t) ? '' : ': data events only'}`));
      return verdict(evidence, []);
    }
    if (trails.length === 0) {
      return verdict([], ['no aws_cloudtrail with is_organization_trail = true; the security stack creates it (logging.trail)']);
    }
    const logBuckets = new Set(find(ctx, 'aws_s3_bucket', ['log-archive']).map((b) => b.body.bucket));
    const problems: string[] = [];
    const good = trails.find((t) => {
      const b = t.body;
      return b.is_multi_region_trail === true && b.enable_log_file_validation === true && b.enable_logging !== false && logBuckets.has(b.s3_bucket_name) && recordsManagementEvents(t);
    });
    if (good) return verdict([evidenceOf(good, `multi-region, log file validation, logging to ${good.body.s3_bucket_name}`)], []);
    const t = trails[0];
    if (t.body.is_multi_region_trail !== true) problems.push(`${t.name}: is_multi_region_trail is not true; the trail must cover every region`);
    if (t.body.enable_log_file_validation !== true) problems.push(`${t.name}: enable_log_file_validation is not true`);
    if (t.body.enable_logging === false) problems.push(`${t.name}: enable_logging is false`);
    if (!logBuckets.has(t.body.s3_bucket_name)) {
      problems.push(`${t.name}: delivers to ${JSON.stringify(t.body.s3_bucket_name)}, which is not a bucket of the log-archive stack`);
    }
    if (!recordsManagementEvents(t)) problems.push(`${t.name}: records no management events (its event selectors leave them out)`);
    return verdict([evidenceOf(t)], problems);
  },
};

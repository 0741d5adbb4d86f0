import type { PathSegment } from '../../config/problems';
import { show } from '../../config/problems';
import { AWS_REGIONS, regionError } from '../../config/regions';
import { assigned, checkRoot, entries, integer, list, matches, object, oneOf, opaque, setting, valueOrList, walkManagement, type ManagementType } from './management-grammar';
import { isObject, PAGES, see, type DocumentFinding } from './types';

/**
 * Backup policies (`BACKUP_POLICY`): plans with their rules, Regions, selections, advanced settings and tags, as the
 * backup policy syntax page describes them; rule values as AWS Backup takes them (BackupRule, Lifecycle); and the rules
 * that tie settings together: a recovery point moved to cold storage stays there at least 90 days, so delete_after_days
 * is at least move_to_cold_storage_after_days + 90; continuous backups are kept 1 to 35 days and never go to cold storage.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_backup_syntax.html
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/API_Lifecycle.html
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery.html
 */
const TYPE: ManagementType = { label: 'backup policy', root: 'plans', operators: ['@@assign', '@@append', '@@remove'], page: PAGES.backup };
const page = PAGES.backup;

const NAME = /^[a-zA-Z0-9\-_.]{1,50}$/;
const nameOf = (what: string) => (key: string) => (NAME.test(key) ? undefined : `is not a ${what} name; use 1-50 letters, digits, "-", "_" and "."${see(PAGES.backupRule)}`);
/** An ARN, `$account` allowed where the account id goes. */
const arn = (what: string) => matches(/^arn:aws:[a-z0-9-]+:[a-z0-9-]*:(\d{12}|\$account)?:.+$/, `${what}; write e.g. "arn:aws:${what.includes('role') ? 'iam::$account:role/BackupRole' : 'backup:us-east-1:$account:backup-vault:Default'}"`, page);
const region = (value: string) => ((AWS_REGIONS as readonly string[]).includes(value) ? undefined : `${regionError(value)}${see(page)}`);
const bool = oneOf(['true', 'false'], page);
const days = integer(1, 36500, PAGES.backupLifecycle, 'a number of days');

const LIFECYCLE = object({
  move_to_cold_storage_after_days: setting(days),
  delete_after_days: setting(days),
  opt_in_to_archive_for_supported_resources: setting(bool),
});

const TAGS = entries('tag', object({ tag_key: setting(), tag_value: valueOrList() }));

const RULE = object({
    schedule_expression: setting(matches(/^cron\(\S+( \S+){5}\)$/, 'a schedule; write a cron expression of six fields, e.g. "cron(0 5 ? * * *)"', page)),
    schedule_expression_timezone: setting(),
    target_backup_vault_name: setting(matches(/^[a-zA-Z0-9\-_]{2,50}$/, 'a backup vault name (2-50 letters, digits, "-" and "_")', PAGES.backupRule)),
    target_logically_air_gapped_backup_vault_arn: setting(arn('a logically air-gapped vault ARN')),
    start_backup_window_minutes: setting(integer(60, 2147483647, PAGES.backupRule, 'a number of minutes (at least 60)')),
    complete_backup_window_minutes: setting(integer(1, 2147483647, PAGES.backupRule, 'a number of minutes')),
    enable_continuous_backup: setting(bool),
    lifecycle: LIFECYCLE,
    copy_actions: entries('copy action', object({ target_backup_vault_arn: setting(arn('a backup vault ARN')), lifecycle: LIFECYCLE })),
    recovery_point_tags: TAGS,
    index_actions: object({ resource_types: list(oneOf(['EBS', 'S3'], page)) }),
    scan_actions: opaque,
});

export const PLANS_SPEC = entries(
  'backup plan',
  object(
    {
      rules: entries('backup rule', RULE, nameOf('backup rule')),
      regions: list(region),
      selections: object({
        tags: entries('selection', object({ iam_role_arn: setting(arn('an IAM role ARN')), tag_key: setting(), tag_value: list() })),
        resources: entries('selection', opaque),
      }),
      advanced_backup_settings: object({ ec2: object({ WindowsVSS: setting(oneOf(['enabled', 'disabled'], page)) }) }),
      backup_plan_tags: TAGS,
      scan_settings: opaque,
    },
  ),
  nameOf('backup plan'),
);

export function checkBackupDocument(doc: Record<string, unknown>): DocumentFinding[] {
  const out = checkRoot(TYPE, doc);
  if (doc.plans === undefined) return out;
  out.push(...walkManagement(TYPE, PLANS_SPEC, doc.plans, ['plans']));
  if (!isObject(doc.plans)) return out;
  for (const [planName, plan] of Object.entries(doc.plans)) {
    if (!isObject(plan) || !isObject(plan.rules)) continue;
    for (const [ruleName, rule] of Object.entries(plan.rules)) {
      if (!isObject(rule)) continue;
      const at: PathSegment[] = ['plans', planName, 'rules', ruleName];
      out.push(...lifecycleProblems(rule.lifecycle, [...at, 'lifecycle']));
      if (isObject(rule.copy_actions)) {
        for (const [vault, action] of Object.entries(rule.copy_actions)) {
          if (isObject(action)) out.push(...lifecycleProblems(action.lifecycle, [...at, 'copy_actions', vault, 'lifecycle']));
        }
      }
      if (assigned(rule.enable_continuous_backup) === 'true') out.push(...continuousProblems(rule.lifecycle, [...at, 'lifecycle'], at));
    }
  }
  return out;
}

/** delete_after_days at least move_to_cold_storage_after_days + 90. */
function lifecycleProblems(lifecycle: unknown, at: PathSegment[]): DocumentFinding[] {
  if (!isObject(lifecycle)) return [];
  const cold = Number(assigned(lifecycle.move_to_cold_storage_after_days));
  const del = Number(assigned(lifecycle.delete_after_days));
  if (!Number.isInteger(cold) || !Number.isInteger(del) || assigned(lifecycle.move_to_cold_storage_after_days) === undefined || assigned(lifecycle.delete_after_days) === undefined) return [];
  if (del >= cold + 90) return [];
  return [
    {
      at: [...at, 'delete_after_days'],
      message: `${show(assigned(lifecycle.delete_after_days))} is less than move_to_cold_storage_after_days + 90 (${cold} + 90 = ${cold + 90}): a recovery point stays in cold storage at least 90 days, so AWS Backup refuses the plan; delete after at least ${cold + 90} days or move to cold storage after at most ${del - 90 > 0 ? del - 90 : 'fewer'} days${del - 90 > 0 ? '' : ' (or not at all)'}${see(PAGES.backupLifecycle)}`,
    },
  ];
}

/** Continuous backups (point-in-time restore): retention 1-35 days, no cold storage. */
function continuousProblems(lifecycle: unknown, at: PathSegment[], ruleAt: PathSegment[]): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  const del = isObject(lifecycle) ? assigned(lifecycle.delete_after_days) : undefined;
  if (del === undefined || !/^\d+$/.test(del)) {
    out.push({ at: ruleAt, message: `enables continuous backup without lifecycle.delete_after_days; continuous backups are kept 1 to 35 days: set delete_after_days to at most 35${see(PAGES.backupContinuous)}` });
  } else if (Number(del) > 35) {
    out.push({ at: [...at, 'delete_after_days'], message: `${show(del)} is more than the 35 days continuous backups are kept (enable_continuous_backup is "true"); write at most 35, or take snapshot backups for longer retention${see(PAGES.backupContinuous)}` });
  }
  if (isObject(lifecycle) && lifecycle.move_to_cold_storage_after_days !== undefined) {
    out.push({ at: [...at, 'move_to_cold_storage_after_days'], message: `is set on a rule with continuous backup, whose recovery points never move to cold storage; remove it${see(PAGES.backupContinuous)}` });
  }
  return out;
}

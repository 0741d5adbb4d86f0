import { evaluate, type CheckContext, type CheckResult } from '../checklist/types';
import type { ConstraintRule } from './types';
import { inspectorEnablerAccounts } from './rules/inspector-enabler-accounts';
import { configDeliveryObjectLock } from './rules/config-delivery-object-lock';
import { guardDutyPublishingDestination } from './rules/guardduty-publishing-destination';
import { securityHubFindingAggregator } from './rules/securityhub-finding-aggregator';
import { imdsDefaultsDeclarativePolicy } from './rules/imds-defaults-declarative-policy';
import { stackSetOrganizationsAccess } from './rules/stackset-organizations-access';
import { cloudTrailDelegatedAdmin } from './rules/cloudtrail-delegated-admin';
import { delegatedAdminOrdering } from './rules/delegated-admin-ordering';
import { organizationTrustedAccess } from './rules/organization-trusted-access';
import { delegatedAdministratorRegistrations } from './rules/delegated-administrator-registrations';
import { organizationOuDepth } from './rules/organization-ou-depth';
import { organizationPolicyLimits } from './rules/organization-policy-limits';
import { organizationPolicyTypesEnabled } from './rules/organization-policy-types-enabled';
import { onePerAccountRegion } from './rules/one-per-account-region';
import { configGlobalResourcesOnce } from './rules/config-global-resources-once';
import { iamLimits } from './rules/iam-limits';
import { resourcePolicySize } from './rules/resource-policy-size';
import { permissionSetLimits } from './rules/permission-set-limits';
import { s3BucketNames } from './rules/s3-bucket-names';
import { kmsAliasNames } from './rules/kms-alias-names';
import { snsTopicNames } from './rules/sns-topic-names';
import { budgetNames } from './rules/budget-names';
import { billingAlarmRegion } from './rules/billing-alarm-region';
import { eventBridgeRuleNames } from './rules/eventbridge-rule-names';
import { cloudTrailNames } from './rules/cloudtrail-names';
import { adoptedSingletons } from './rules/adopted-singletons';
import { configRulesRecorder } from './rules/config-rules-recorder';

export type { ConstraintRule } from './types';

/** AWS's documented service constraints, each citing its page: organization integration first, then quotas and names. */
export const CONSTRAINTS: readonly ConstraintRule[] = [
  organizationTrustedAccess,
  delegatedAdministratorRegistrations,
  delegatedAdminOrdering,
  cloudTrailDelegatedAdmin,
  stackSetOrganizationsAccess,
  inspectorEnablerAccounts,
  securityHubFindingAggregator,
  configDeliveryObjectLock,
  guardDutyPublishingDestination,
  imdsDefaultsDeclarativePolicy,
  onePerAccountRegion,
  adoptedSingletons,
  configRulesRecorder,
  configGlobalResourcesOnce,
  organizationOuDepth,
  organizationPolicyTypesEnabled,
  organizationPolicyLimits,
  iamLimits,
  resourcePolicySize,
  permissionSetLimits,
  s3BucketNames,
  kmsAliasNames,
  snsTopicNames,
  budgetNames,
  eventBridgeRuleNames,
  cloudTrailNames,
  billingAlarmRegion,
];

export interface ConstraintRow extends CheckResult {
  readonly id: string;
  readonly title: string;
  readonly sources: readonly string[];
}

/** Evaluates every constraint; a rule that throws becomes a failing row naming the error. */
export function runConstraints(ctx: CheckContext, rules: readonly ConstraintRule[] = CONSTRAINTS): ConstraintRow[] {
  return rules.map((rule) => ({ id: rule.id, title: rule.title, sources: rule.sources, ...evaluate(rule.check, ctx) }));
}

/**
 * Human output: one row per constraint with its problems and warnings, and the AWS pages it
 * comes from (evidence only as a count, the constraints read many resources each).
 */
export function formatConstraints(rows: readonly ConstraintRow[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    const checked = row.evidence.length > 0 ? ` (${row.evidence.length} checked)` : '';
    lines.push(`${row.status === 'pass' ? 'PASS' : 'FAIL'}  ${row.id}: ${row.title}${row.status === 'pass' ? checked : ''}`);
    for (const p of row.problems) lines.push(`        ✗ ${p}`);
    for (const w of row.warnings) lines.push(`        ! ${w}`);
    for (const s of row.sources) lines.push(`        ↳ ${s}`);
  }
  const failed = rows.filter((r) => r.status === 'fail').length;
  lines.push('');
  lines.push(failed === 0 ? `All ${rows.length} AWS service constraints hold.` : `${failed} of ${rows.length} AWS service constraints are violated.`);
  return lines.join('\n');
}

import { evaluate, type CheckContext, type CheckResult, type CheckRule } from './types';
import { rootProtection } from './rules/root-protection';
import { organizationTrail } from './rules/organization-trail';
import { configEverywhere } from './rules/config-everywhere';
import { detectiveControls } from './rules/detective-controls';
import { preventiveControls } from './rules/preventive-controls';
import { guardDutySecurityHub } from './rules/guardduty-securityhub';
import { federatedAccess } from './rules/federated-access';
import { managementAccountUnused } from './rules/management-account-unused';

export * from './types';

/** The seed 004 target-state checklist, in the seed's order. */
export const CHECKLIST: readonly CheckRule[] = [
  rootProtection,
  organizationTrail,
  configEverywhere,
  detectiveControls,
  preventiveControls,
  guardDutySecurityHub,
  federatedAccess,
  managementAccountUnused,
];

export interface ChecklistRow extends CheckResult {
  readonly id: string;
  readonly title: string;
  readonly seedItem: string;
}

/** Evaluates every rule; a rule that throws becomes a failing row naming the error. */
export function runChecklist(ctx: CheckContext, rules: readonly CheckRule[] = CHECKLIST): ChecklistRow[] {
  return rules.map((rule) => ({ id: rule.id, title: rule.title, seedItem: rule.seedItem, ...evaluate(rule.check, ctx) }));
}

/** Human output: one row per item, then its evidence, problems and warnings indented. */
export function formatChecklist(rows: readonly ChecklistRow[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(`${row.status === 'pass' ? 'PASS' : 'FAIL'}  [${row.seedItem}] ${row.id}: ${row.title}`);
    for (const e of row.evidence) lines.push(`        ✓ ${e.stack}: ${e.address}${e.note ? ` (${e.note})` : ''}`);
    for (const p of row.problems) lines.push(`        ✗ ${p}`);
    for (const w of row.warnings) lines.push(`        ! ${w}`);
  }
  const failed = rows.filter((r) => r.status === 'fail').length;
  lines.push('');
  lines.push(failed === 0 ? `All ${rows.length} checklist items pass.` : `${failed} of ${rows.length} checklist items fail.`);
  return lines.join('\n');
}

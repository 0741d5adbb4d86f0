import { verdict, type CheckRule, type Evidence } from '../types';
import { evidenceOf, find } from '../resources';

/** ISO 8601 duration PTnHnM → hours. */
function hours(duration: unknown): number | undefined {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(String(duration ?? ''));
  return m ? Number(m[1] ?? 0) + Number(m[2] ?? 0) / 60 : undefined;
}

/**
 * Seed 004 state 2: people sign in through IAM Identity Center. Permission sets and account
 * assignments exist; advice (warnings) when there is no administrator or read-only permission set,
 * or when a session lasts more than 8 hours.
 */
export const federatedAccess: CheckRule = {
  id: 'federated-access',
  title: 'Federated access through IAM Identity Center: permission sets assigned to groups in accounts',
  seedItem: '2',
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const warnings: string[] = [];
    const sets = find(ctx, 'aws_ssoadmin_permission_set');
    const assignments = find(ctx, 'aws_ssoadmin_account_assignment');
    if (sets.length > 0) evidence.push(evidenceOf(sets[0], `${sets.length} permission set(s): ${sets.map((s) => s.body.name).join(', ')}`));
    else problems.push('no IAM Identity Center permission sets (identityCenter.permissionSets; identityCenter.enabled)');
    if (assignments.length > 0) evidence.push(evidenceOf(assignments[0], `${assignments.length} account assignment(s)`));
    else problems.push('no account assignments: nobody can sign in to any account; add identityCenter.groups and identityCenter.assignments');
    const names = sets.map((s) => String(s.body.name ?? ''));
    if (sets.length > 0 && !names.some((n) => /admin/i.test(n))) warnings.push('no administrator permission set');
    if (sets.length > 0 && !names.some((n) => /read.?only|view/i.test(n))) warnings.push('no read-only permission set');
    const long = sets.filter((s) => (hours(s.body.session_duration) ?? 1) > 8);
    if (long.length > 0) warnings.push(`long sessions (> 8 h): ${long.map((s) => `${s.body.name} ${s.body.session_duration}`).join(', ')}`);
    return verdict(evidence, problems, warnings);
  },
};

import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find, type FoundResource } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { refersTo } from '../resources';
import { byteSize, hasExpression, iamPolicySize } from '../sizes';

const INLINE_MAX_BYTES = 32 * 1024;
const INLINE_MAX_NON_WHITESPACE = 10240;
const MANAGED_MAX = 20;
/** IAM's default quota of managed policies per role; a permission set is provisioned as a role. */
const MANAGED_PER_ROLE_DEFAULT = 10;

/** ISO-8601 duration (PTnHnM, PnD ...) in minutes, or undefined when it does not parse. */
export function durationMinutes(value: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value);
  if (!m || value === 'P' || value === 'PT') return undefined;
  const [, d, h, min, s] = m.map((x) => Number(x ?? 0));
  return d * 1440 + h * 60 + min + s / 60;
}

/**
 * IAM Identity Center permission sets: name 1-32 of [\w+=,.@-], session duration 1 to 12 hours,
 * inline policy at most 32,768 bytes and 10,240 non-white-space characters, at most 20 AWS managed
 * and customer managed policies (over 10 needs the IAM managed-policies-per-role quota raised in
 * every account the set is provisioned to: a warning).
 */
export const permissionSetLimits: ConstraintRule = {
  id: 'permission-set-limits',
  title: 'Permission sets: name, session duration PT1H-PT12H, inline policy ≤ 32 KB (10,240 characters), ≤ 20 managed policies',
  sources: ['https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html', 'https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const warnings: string[] = [];
    const inline = find(ctx, 'aws_ssoadmin_permission_set_inline_policy');
    const attached = [...find(ctx, 'aws_ssoadmin_managed_policy_attachment'), ...find(ctx, 'aws_ssoadmin_customer_managed_policy_attachment')];
    for (const ps of find(ctx, 'aws_ssoadmin_permission_set')) {
      const at = `${ps.stack}: aws_ssoadmin_permission_set.${ps.name}`;
      const before = problems.length;
      const name = ps.body.name;
      if (typeof name === 'string' && !hasExpression(name) && (!/^[\w+=,.@-]{1,32}$/.test(name))) problems.push(`${at}: name ${JSON.stringify(name)} must be 1 to 32 of [A-Za-z0-9_+=,.@-]`);
      const duration = ps.body.session_duration;
      if (typeof duration === 'string' && !hasExpression(duration)) {
        const minutes = durationMinutes(duration);
        if (minutes === undefined) problems.push(`${at}: session_duration ${JSON.stringify(duration)} is not an ISO-8601 duration`);
        else if (minutes < 60 || minutes > 720) problems.push(`${at}: session_duration ${duration} is outside 1 to 12 hours (PT1H to PT12H)`);
      }
      const mine = (r: FoundResource) => r.stack === ps.stack && refersTo(r.body.permission_set_arn, ps);
      for (const p of inline.filter(mine)) {
        const size = byteSize(p.body.inline_policy);
        const chars = iamPolicySize(p.body.inline_policy);
        if (size > INLINE_MAX_BYTES) problems.push(`${at}: inline policy ${p.name} is ${size} bytes; the maximum is ${INLINE_MAX_BYTES}`);
        else if (chars > INLINE_MAX_NON_WHITESPACE) problems.push(`${at}: inline policy ${p.name} has ${chars} characters besides white space; the maximum is ${INLINE_MAX_NON_WHITESPACE}`);
      }
      const managed = attached.filter(mine).length;
      if (managed > MANAGED_MAX) problems.push(`${at}: ${managed} managed policies attached; a permission set takes at most ${MANAGED_MAX}`);
      else if (managed > MANAGED_PER_ROLE_DEFAULT) {
        warnings.push(`${at}: ${managed} managed policies; IAM allows ${MANAGED_PER_ROLE_DEFAULT} per role by default, so raise "Managed policies attached to an IAM role" in every account it is assigned to`);
      }
      if (problems.length === before) evidence.push(evidenceOf(ps, `${name}, ${duration ?? 'PT1H'}`));
    }
    return verdict(evidence, problems, warnings);
  },
};

import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find, type FoundResource } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { accountLabel, accountOf, refersTo } from '../resources';
import { hasExpression, iamPolicySize, literalParts } from '../sizes';

const NAME = /^[\w+=,.@-]+$/;
const ROLE_NAME_MAX = 64;
const ROLE_NAME_PREFIX_MAX = 38;
const POLICY_NAME_MAX = 128;
const TRUST_POLICY_MAX = 2048;
const INLINE_PER_ROLE_MAX = 10240;
const MANAGED_POLICY_MAX = 6144;

/** A name's problem (length or characters), or undefined; names with expressions are checked on their literal parts. */
function nameProblem(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const literal = hasExpression(value) ? literalParts(value) : value;
  if (!hasExpression(value) && value.length > max) return `${JSON.stringify(value)} is ${value.length} characters (at most ${max})`;
  if (literal.length > 0 && !NAME.test(literal)) return `${JSON.stringify(value)} has characters outside [A-Za-z0-9+=,.@_-]`;
  return undefined;
}

/**
 * IAM quotas and name rules that fail a first apply: role names ≤ 64 characters (name_prefix ≤ 38),
 * policy names ≤ 128, [\w+=,.@-]; role trust policy ≤ 2,048 characters (the default quota), inline
 * policies ≤ 10,240 characters per role together, managed policies ≤ 6,144 (white space not
 * counted); role names unique per account.
 */
export const iamLimits: ConstraintRule = {
  id: 'iam-limits',
  title: 'IAM: role and policy names, trust policy and policy sizes within the IAM quotas, role names unique per account',
  sources: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html', 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const roles = find(ctx, 'aws_iam_role');
    const inline = find(ctx, 'aws_iam_role_policy');
    const names = new Map<string, FoundResource>();
    for (const role of roles) {
      const at = `${role.stack}: aws_iam_role.${role.name}`;
      const before = problems.length;
      const name = nameProblem(role.body.name, ROLE_NAME_MAX);
      if (name) problems.push(`${at}: role name ${name}`);
      const prefix = nameProblem(role.body.name_prefix, ROLE_NAME_PREFIX_MAX);
      if (prefix) problems.push(`${at}: name_prefix ${prefix}`);
      const trust = iamPolicySize(role.body.assume_role_policy);
      if (trust > TRUST_POLICY_MAX) problems.push(`${at}: trust policy is ${trust} characters; the default quota is ${TRUST_POLICY_MAX} (request up to 4,096)`);
      const inlineDocs = [
        ...inline.filter((p) => p.stack === role.stack && refersTo(p.body.role, role, role.body.name)).map((p) => p.body.policy),
        ...(Array.isArray(role.body.inline_policy) ? role.body.inline_policy.map((p: any) => p.policy) : []),
      ];
      const inlineSize = inlineDocs.reduce((sum, doc) => sum + iamPolicySize(doc), 0);
      if (inlineSize > INLINE_PER_ROLE_MAX) problems.push(`${at}: inline policies total ${inlineSize} characters; a role holds at most ${INLINE_PER_ROLE_MAX}`);
      if (typeof role.body.name === 'string' && !hasExpression(role.body.name)) {
        const key = `${accountOf(ctx, role)}|${role.body.name.toLowerCase()}`;
        const twin = names.get(key);
        if (twin) problems.push(`${at}: role name "${role.body.name}" is also used by ${twin.stack}: aws_iam_role.${twin.name} in ${accountLabel(ctx, accountOf(ctx, role))} (names are unique per account, case-insensitively)`);
        names.set(key, role);
      }
      if (problems.length === before) evidence.push(evidenceOf(role, `trust policy ${trust} characters`));
    }
    for (const p of inline) {
      const name = nameProblem(p.body.name, POLICY_NAME_MAX);
      if (name) problems.push(`${p.stack}: aws_iam_role_policy.${p.name}: policy name ${name}`);
    }
    for (const p of find(ctx, 'aws_iam_policy')) {
      const name = nameProblem(p.body.name, POLICY_NAME_MAX);
      if (name) problems.push(`${p.stack}: aws_iam_policy.${p.name}: policy name ${name}`);
      const size = iamPolicySize(p.body.policy);
      if (size > MANAGED_POLICY_MAX) problems.push(`${p.stack}: aws_iam_policy.${p.name}: ${size} characters; a managed policy holds at most ${MANAGED_POLICY_MAX}`);
    }
    return verdict(evidence, problems);
  },
};

import type { ConditionBlock } from '../lib/policy-document';

/**
 * Stand-in for the organization id while sizes are measured: as long as the longest id
 * Organizations issues (`o-` + 32 characters), so a document that fits with it fits with the real id.
 * The management stack replaces it with the real id (a Terraform reference) when it creates the policy.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_Organization.html
 */
export const ORGANIZATION_ID_PLACEHOLDER = 'o-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz';

/** `arn:aws:iam::*:role/<name>`: the role of that name in any account of the organization. */
export function roleInAnyAccount(roleName: string): string {
  return `arn:aws:iam::*:role/${roleName}`;
}

/**
 * Condition that leaves the named roles out of a Deny statement (`ArnNotLike aws:PrincipalArn`).
 * Role sessions carry the role ARN in aws:PrincipalArn, so the wildcard account covers every member account.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
export function exceptRoles(roleNames: readonly string[]): ConditionBlock {
  if (roleNames.length === 0) return {};
  const arns = [...new Set(roleNames)].map(roleInAnyAccount);
  return { ArnNotLike: { 'aws:PrincipalArn': arns.length === 1 ? arns[0] : arns } };
}

/** Options every SCP with exemptions takes. */
export interface ExemptRolesOptions {
  /** Roles the Deny statements leave out (the access role, break-glass roles). */
  readonly exemptRoleNames: readonly string[];
}

import type { OrganizationPolicy } from '../../constructs/guardrails';
import type { OrganizationalUnit } from '../../constructs/organization';
import type { IdentityCenterResources } from '../management/identity-center';
import type { ManagementScope } from '../management/scope';
import { exportInput, exportsAccountStackInputs } from './inputs';
import { policiesOfAccount, policyConstructId } from './per-account';

/** What the management stack exports for the account stacks. */
export interface ManagementInputsScope extends ManagementScope {
  readonly organizationalUnits: ReadonlyMap<string, OrganizationalUnit>;
  readonly policies: ReadonlyMap<string, OrganizationPolicy>;
  readonly identityCenter?: IdentityCenterResources;
}

/**
 * Registers the outputs the account stacks read (stacks/accounts/inputs.ts), when the organization has account
 * stacks: the id of every OU the landing zone creates (an adopted OU's id is literal), of every policy it creates with
 * an account among its targets (an adopted policy's id is literal), and the id of every group and the ARN of every
 * permission set an assignment names.
 */
export function exportManagementInputs(stack: ManagementInputsScope): void {
  const { config } = stack;
  if (!exportsAccountStackInputs(config)) return;
  for (const [path, ou] of stack.organizationalUnits) if (!config.organization.ouIds[path]) exportInput(stack, 'ou-id', path, ou.ouId);

  // The policies with an account among their targets, from the per-account plan the account stacks use (computed once per config).
  const created = new Set(config.accounts.flatMap((a) => policiesOfAccount(config, a.name)).filter((p) => !p.adoptId).map(policyConstructId));
  for (const [id, policy] of stack.policies) if (created.has(id)) exportInput(stack, 'policy-id', id, policy.policyId);

  const identity = stack.identityCenter;
  if (!identity) return;
  const { assignments } = config.identityCenter;
  for (const group of new Set(assignments.map((a) => a.group))) exportInput(stack, 'group-id', group, identity.groups.get(group)!.groupId);
  for (const set of new Set(assignments.map((a) => a.permissionSet))) exportInput(stack, 'permission-set-arn', set, identity.permissionSets.get(set)!.arn);
}

import { ListPoliciesForTargetCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';
import { CONTROL_TOWER } from '../config/schema/control-tower';
import { allPages } from './read';

/** Whether a policy is one of Control Tower's (its preventive controls live in SCPs named aws-guardrails-*). */
export function controlTowerPolicy(name: string): boolean {
  return name.startsWith(CONTROL_TOWER.scpPrefix);
}

/**
 * The most aws-guardrails-* SCPs attached to any of the OUs (ListPoliciesForTarget): the SCPs Control Tower's
 * controls take on a registered OU, out of the 5 an OU can have.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */
export async function countGuardrailScps(client: OrganizationsClient, ouIds: readonly string[]): Promise<number> {
  let most = 0;
  for (const TargetId of ouIds) {
    const policies = await allPages((NextToken) =>
      Promise.resolve(client.send(new ListPoliciesForTargetCommand({ TargetId, Filter: 'SERVICE_CONTROL_POLICY', NextToken }))).then((r) => ({ items: r?.Policies, next: r?.NextToken })),
    );
    most = Math.max(most, policies.filter((p) => controlTowerPolicy(p.Name ?? '')).length);
  }
  return most;
}

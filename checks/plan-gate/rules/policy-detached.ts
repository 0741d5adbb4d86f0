import { attribute, deletes, knownResources, managedChanges, replaces } from '../changes';
import { finding, type PlanRule, type StackPlan } from '../types';

/** Names of the ids a plan set knows: policies by id, and roots, OUs and accounts as targets. */
export function organizationNames(plans: readonly StackPlan[]): { policies: Map<string, string>; targets: Map<string, string> } {
  const policies = new Map<string, string>();
  const targets = new Map<string, string>();
  for (const p of plans) {
    for (const r of knownResources(p)) {
      const v = r.values ?? {};
      const id = typeof v.id === 'string' ? v.id : undefined;
      if (r.type === 'aws_organizations_policy' && id && typeof v.name === 'string') policies.set(id, v.name);
      if (r.type === 'aws_organizations_organizational_unit' && id) targets.set(id, `OU ${typeof v.name === 'string' ? v.name : id} (${id})`);
      if (r.type === 'aws_organizations_account' && id) targets.set(id, `account ${typeof v.name === 'string' ? v.name : id} (${id})`);
      if (r.type === 'aws_organizations_organization' && Array.isArray(v.roots)) {
        for (const root of v.roots as { id?: unknown }[]) if (typeof root?.id === 'string') targets.set(root.id, `Root (${root.id})`);
      }
    }
  }
  return { policies, targets };
}

/**
 * Deleting an aws_organizations_policy_attachment is DetachPolicy: the guardrail stops applying to the root, OU or
 * account at once. Detaching the last SCP of a target is refused by AWS, but any other detach silently lifts the
 * guardrail. A policy of guardrails.existing was attached by someone else, and the landing zone promised to leave it.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_DetachPolicy.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_attach.html
 */
export const policyDetached: PlanRule = (plans, ctx) => {
  const names = organizationNames(plans);
  return plans.flatMap((p) =>
    managedChanges(p)
      .filter((rc) => rc.type === 'aws_organizations_policy_attachment' && deletes(rc))
      .map((rc) => {
        const policyId = attribute(rc, 'policy_id') ?? '?';
        const targetId = attribute(rc, 'target_id') ?? '?';
        const existing = ctx.existingPolicies.get(policyId);
        const name = existing?.name ?? names.policies.get(policyId);
        const policy = `policy ${name ? `${name} (${policyId})` : policyId}`;
        const target = names.targets.get(targetId) ?? targetId;
        const how = replaces(rc) ? 'detached and attached again (replaced)' : 'detached';
        const whose = existing ? `: a policy the landing zone did not attach (guardrails.existing)` : '';
        return finding('policy-detached', p.stack, rc.address, `${policy} is ${how} from ${target}${whose}`);
      }),
  );
};

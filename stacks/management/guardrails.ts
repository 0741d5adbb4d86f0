import type { ManagementScope } from './scope';
import { ROOT_TARGET } from '../../config/schema';
import { OrganizationPolicy, type OrganizationPolicyType } from '../../constructs/guardrails';
import { planGuardrailsOrThrow } from '../../policies/plan';
import { ORGANIZATION_ID_PLACEHOLDER } from '../../policies/common';
import { existingTargetId } from '../../config/existing-policies';
import { policyConstructId } from '../accounts/per-account';

/**
 * Organization policies (SCP, RCP, declarative, tag, AI opt-out, backup) and their attachments,
 * from the guardrail plan: catalogue and custom documents within AWS quotas, packed where needed
 * (policies/plan.ts), next to the policies that exist outside the landing zone (guardrails.existing, counted there
 * and never touched). Construct ids are `Policy-<kind>-<name>` and `Attachment-<target>`, from config names only.
 * A policy the config adopts (guardrails.*[].id) is imported, with its attachments where guardrails.existing records
 * them.
 */
export function addGuardrails(stack: ManagementScope): Map<string, OrganizationPolicy> {
  const { config, organization } = stack;
  const policies = planGuardrailsOrThrow(config);
  const targetId = (target: string): string => {
    if (target === ROOT_TARGET) return organization.rootId;
    if (stack.accounts.has(target)) return stack.accounts.get(target).id;
    return stack.ouId(target);
  };
  const organizationId = config.organization.id ?? organization.organizationId;
  const accountNames = new Set(config.accounts.map((a) => a.name));
  const byId = new Map<string, OrganizationPolicy>();
  for (const p of policies) {
    const policy = new OrganizationPolicy(stack, policyConstructId(p), {
      name: p.name,
      type: p.type as OrganizationPolicyType,
      content: p.content.split(ORGANIZATION_ID_PLACEHOLDER).join(organizationId),
      description: p.description,
      dependsOn: [...organization.policyTypesReady],
      existingPolicyId: p.adoptId,
    });
    byId.set(policyConstructId(p), policy);
    for (const target of p.targets) {
      // An account that an account stack holds gets its attachment there (stacks/account-stack.ts).
      if (accountNames.has(target) && !stack.accounts.has(target)) continue;
      policy.attachTo(target, targetId(target), p.adoptId ? existingTargetId(config, p.adoptId, target) : undefined);
    }
  }
  return byId;
}

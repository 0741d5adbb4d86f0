import { removedFromOrganizationList } from '../changes';
import { finding, type PlanRule } from '../types';

/**
 * Removing a type from aws_organizations_organization.enabled_policy_types calls DisablePolicyType: AWS detaches
 * every policy of that type from every root, OU and account of the organization at once, including the policies
 * other teams made (guardrails.existing), and the type can only be enabled again empty.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_DisablePolicyType.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/disable-policy-type.html
 */
export const policyTypeDisabled: PlanRule = (plans, ctx) =>
  removedFromOrganizationList(plans, 'enabled_policy_types').map(({ plan, change, value: type }) => {
    const existing = [...ctx.existingPolicies.values()].filter((e) => e.type === type).map((e) => `${e.name} (${e.id})`);
    const named = existing.length > 0 ? `, among them guardrails.existing ${existing.join(', ')}` : '';
    return finding('policy-type-disabled', plan.stack, change.address, `disables policy type ${type}: AWS detaches every ${type} policy everywhere in the organization${named}`, { detail: type });
  });

import { managedChanges, stringList } from '../changes';
import { finding, type PlanRule } from '../types';

/**
 * Removing a type from aws_organizations_organization.enabled_policy_types calls DisablePolicyType: AWS detaches
 * every policy of that type from every root, OU and account of the organization at once, including the policies
 * other teams made (guardrails.existing), and the type can only be enabled again empty.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_DisablePolicyType.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/disable-policy-type.html
 */
export const policyTypeDisabled: PlanRule = (plans, ctx) =>
  plans.flatMap((p) =>
    managedChanges(p)
      .filter((rc) => rc.type === 'aws_organizations_organization' && rc.change.before !== null && rc.change.after !== null)
      .flatMap((rc) => {
        const before = stringList(rc.change.before, 'enabled_policy_types') ?? [];
        const after = stringList(rc.change.after, 'enabled_policy_types');
        if (after === undefined) return [];
        return before
          .filter((type) => !after.includes(type))
          .map((type) => {
            const existing = [...ctx.existingPolicies.values()].filter((e) => e.type === type).map((e) => `${e.name} (${e.id})`);
            const named = existing.length > 0 ? `, among them guardrails.existing ${existing.join(', ')}` : '';
            return finding('policy-type-disabled', p.stack, rc.address, `disables policy type ${type}: AWS detaches every ${type} policy everywhere in the organization${named}`, {
              detail: type,
            });
          });
      }),
  );

import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf } from '../../checklist/resources';
import { organizationPolicies } from '../../checklist/policies';
import type { ConstraintRule } from '../types';
import { organizationOf } from '../organization';

/**
 * AWS Organizations attaches a policy only when its type is enabled in the root
 * (AttachPolicy: PolicyTypeNotEnabledException); the organization's enabled_policy_types must list
 * the type of every attached policy.
 */
export const organizationPolicyTypesEnabled: ConstraintRule = {
  id: 'organization-policy-types-enabled',
  title: 'Every attached organization policy has its policy type enabled in the root',
  sources: [
    'https://docs.aws.amazon.com/organizations/latest/APIReference/API_AttachPolicy.html',
    'https://docs.aws.amazon.com/organizations/latest/userguide/enable-policy-type.html',
  ],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const org = organizationOf(ctx);
    if (!org) return verdict([], [], ['no aws_organizations_organization in the output; policy types are managed elsewhere']);
    const enabled = new Set<string>((org.body.enabled_policy_types ?? []).map(String));
    const missing = new Map<string, string[]>();
    for (const p of organizationPolicies(ctx).filter((x) => x.attachments.length > 0)) {
      if (!enabled.has(p.type)) missing.set(p.type, [...(missing.get(p.type) ?? []), p.name]);
    }
    for (const [type, names] of missing) {
      problems.push(`${type} is not in ${org.stack}: aws_organizations_organization.${org.name} enabled_policy_types, but ${names.length} attached policy(ies) have that type (${names.join(', ')})`);
    }
    if (problems.length === 0) evidence.push(evidenceOf(org, `enabled: ${[...enabled].sort().join(', ') || 'none'}`));
    return verdict(evidence, problems);
  },
};

import { organizationPolicyTypesEnabled } from '../../../../checks/constraints/rules/organization-policy-types-enabled';
import { context } from '../fixtures';

describe('constraint organization-policy-types-enabled', () => {
  it('passes when the type of every attached policy is enabled', () => {
    const result = organizationPolicyTypesEnabled.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence[0].note).toBe('enabled: DECLARATIVE_POLICY_EC2, SERVICE_CONTROL_POLICY');
  });

  it('fails an attached declarative policy whose type is not enabled, and ignores unattached ones', () => {
    const result = organizationPolicyTypesEnabled.check(
      context((s) => {
        s.management.resource.aws_organizations_organization.Organization.enabled_policy_types = ['SERVICE_CONTROL_POLICY'];
        s.management.resource.aws_organizations_policy.Tag = { name: 'tags', type: 'TAG_POLICY', content: '{}' };
      }),
    );
    expect(result.problems).toEqual([
      'DECLARATIVE_POLICY_EC2 is not in management: aws_organizations_organization.Organization enabled_policy_types, but 1 attached policy(ies) have that type (ec2-block-public-access)',
    ]);
  });
});

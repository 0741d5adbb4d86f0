import { organizationPolicyLimits } from '../../../../checks/constraints/rules/organization-policy-limits';
import { context, policy, ROOT } from '../fixtures';

describe('constraint organization-policy-limits', () => {
  it('passes small policies with few attachments per target', () => {
    expect(organizationPolicyLimits.check(context()).status).toBe('pass');
  });

  it('fails an SCP over 5,120 characters', () => {
    const big = policy([{ Sid: 'x'.repeat(5200), Effect: 'Deny', Action: '*', Resource: '*' }]);
    const result = organizationPolicyLimits.check(context((s) => (s.management.resource.aws_organizations_policy.Scp.content = big)));
    expect(result.problems).toEqual([`management: aws_organizations_policy.Scp (lz-scp-Root-1) is ${big.length} characters; a SERVICE_CONTROL_POLICY holds at most 5120`]);
  });

  it('fails five SCPs on Root, since FullAWSAccess takes the fifth slot', () => {
    const result = organizationPolicyLimits.check(
      context((s) => {
        for (const n of [2, 3, 4, 5]) {
          s.management.resource.aws_organizations_policy[`Scp${n}`] = { name: `lz-scp-Root-${n}`, type: 'SERVICE_CONTROL_POLICY', content: policy([]) };
          s.management.resource.aws_organizations_policy_attachment[`Scp${n}Root`] = { policy_id: `\${aws_organizations_policy.Scp${n}.id}`, target_id: ROOT };
        }
      }),
    );
    expect(result.problems).toEqual([
      `5 SERVICE_CONTROL_POLICY attached to ${ROOT} (lz-scp-Root-1, lz-scp-Root-2, lz-scp-Root-3, lz-scp-Root-4, lz-scp-Root-5) plus the AWS-managed one; a target takes at most 5`,
    ]);
  });

  it('counts the policies attached outside the landing zone (guardrails.existing), an adopted one once', () => {
    const three = context((s) => {
      for (const n of [2, 3]) {
        s.management.resource.aws_organizations_policy[`Scp${n}`] = { name: `lz-scp-Root-${n}`, type: 'SERVICE_CONTROL_POLICY', content: policy([]) };
        s.management.resource.aws_organizations_policy_attachment[`Scp${n}Root`] = { policy_id: `\${aws_organizations_policy.Scp${n}.id}`, target_id: ROOT };
      }
      s.management.import = [...(s.management.import ?? []), { to: 'aws_organizations_policy.Scp3', id: 'p-adopted01' }];
    });
    const existing = [
      { id: 'p-corp000001', name: 'corp-deny', type: 'SERVICE_CONTROL_POLICY', targets: ['Root'] },
      { id: 'p-adopted01', name: 'lz-scp-Root-3', type: 'SERVICE_CONTROL_POLICY', targets: ['Root'] },
      { id: 'p-tags000001', name: 'corp-tags', type: 'TAG_POLICY', targets: ['Root'] },
    ];
    // 3 of the landing zone's (one of them adopted), FullAWSAccess and corp-deny: 5.
    expect(organizationPolicyLimits.check({ ...three, existingPolicies: existing }).problems).toEqual([]);
    const more = [...existing, { id: 'p-corp000002', name: 'corp-deny-2', type: 'SERVICE_CONTROL_POLICY', targets: ['Root', 'Workloads'] }];
    expect(organizationPolicyLimits.check({ ...three, existingPolicies: more }).problems).toEqual([
      `3 SERVICE_CONTROL_POLICY attached to ${ROOT} (lz-scp-Root-1, lz-scp-Root-2, lz-scp-Root-3) plus the AWS-managed one plus 2 attached outside the landing zone (corp-deny, corp-deny-2); a target takes at most 5`,
    ]);
  });
});

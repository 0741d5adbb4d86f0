import { organizationPolicyLimits } from '../../../../../cli/check/constraints/rules/organization-policy-limits';
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
});

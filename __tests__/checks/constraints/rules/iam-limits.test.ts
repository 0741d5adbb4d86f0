import { iamLimits } from '../../../../checks/constraints/rules/iam-limits';
import { context, policy } from '../fixtures';

describe('constraint iam-limits', () => {
  it('passes a short role name and a small trust policy', () => {
    const result = iamLimits.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence[0].note).toMatch(/^trust policy \d+ characters$/);
  });

  it('fails a 65-character role name, a trust policy over 2,048 characters and a bad policy name', () => {
    const longName = `acme-${'r'.repeat(60)}`;
    const trust = policy([{ Effect: 'Allow', Principal: { AWS: Array.from({ length: 80 }, (_, i) => `arn:aws:iam::${String(i).padStart(12, '0')}:root`) }, Action: 'sts:AssumeRole' }]);
    const result = iamLimits.check(
      context((s) => {
        Object.assign(s.security.resource.aws_iam_role.AggregatorRole, { name: longName, assume_role_policy: trust });
        s.security.resource.aws_iam_role_policy.AggregatorRolePolicy.name = 'read organization';
      }),
    );
    expect(result.problems).toEqual([
      `security: aws_iam_role.AggregatorRole: role name "${longName}" is 65 characters (at most 64)`,
      `security: aws_iam_role.AggregatorRole: trust policy is ${trust.length} characters; the default quota is 2048 (request up to 4,096)`,
      'security: aws_iam_role_policy.AggregatorRolePolicy: policy name "read organization" has characters outside [A-Za-z0-9+=,.@_-]',
    ]);
  });

  it('does not count white space in policy sizes, as IAM does not', () => {
    const spaced = policy([{ Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 'sts:AssumeRole' }]).replace(/,/g, `,${' '.repeat(1000)}\n`);
    expect(spaced.length).toBeGreaterThan(2048);
    expect(iamLimits.check(context((s) => (s.security.resource.aws_iam_role.AggregatorRole.assume_role_policy = spaced))).status).toBe('pass');
  });

  it('fails inline policies over 10,240 characters per role, and a role name used twice in one account', () => {
    const result = iamLimits.check(
      context((s) => {
        s.security.resource.aws_iam_role_policy.AggregatorRolePolicy.policy = policy([{ Sid: 'x'.repeat(10300), Effect: 'Allow', Action: '*', Resource: '*' }]);
        s.security.resource.aws_iam_role.Twin = { ...s.security.resource.aws_iam_role.AggregatorRole, name: 'ACME-config-aggregator', provider: 'aws.security-ap-northeast-1' };
      }),
    );
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatch(/^security: aws_iam_role.AggregatorRole: inline policies total 10\d\d\d characters; a role holds at most 10240$/);
    expect(result.problems[1]).toBe(
      'security: aws_iam_role.Twin: role name "ACME-config-aggregator" is also used by security: aws_iam_role.AggregatorRole in the security account (222222222222) (names are unique per account, case-insensitively)',
    );
  });
});

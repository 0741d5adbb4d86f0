import { onePerAccountRegion } from '../../../../checks/constraints/rules/one-per-account-region';
import { context } from '../fixtures';

describe('constraint one-per-account-region', () => {
  it('passes one recorder, delivery channel and account setting per account and Region', () => {
    const result = onePerAccountRegion.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.note)).toEqual([
      '4 aws_config_configuration_recorder, one per account and Region',
      '4 aws_config_delivery_channel, one per account and Region',
      '2 aws_ec2_instance_metadata_defaults, one per account and Region',
      '1 aws_iam_account_password_policy, one per account',
    ]);
  });

  it('fails a second recorder for the same account and Region from another stack (counted by provider account)', () => {
    const result = onePerAccountRegion.check(
      context((s) => {
        s['log-archive'].provider.aws.push({ alias: 'security-us-east-1', region: 'us-east-1', assume_role: [{ role_arn: 'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole' }] });
        s['log-archive'].resource.aws_config_configuration_recorder = { Stray: { name: 'default', provider: 'aws.security-us-east-1' } };
      }),
    );
    expect(result.problems).toEqual([
      '2 aws_config_configuration_recorder for the security account (222222222222) in us-east-1 (log-archive: Stray, security: Recorder-us-east-1); AWS keeps one customer managed configuration recorder per account and Region (https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html)',
    ]);
  });

  it('fails two account-wide password policies for one account even in different Regions', () => {
    const result = onePerAccountRegion.check(
      context((s) => (s['workload-shop'].resource.aws_iam_account_password_policy.Again = { minimum_password_length: 16, provider: 'aws.shop-ap-northeast-1' })),
    );
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^2 aws_iam_account_password_policy for the shop account \(workload-shop: PasswordPolicy, workload-shop: Again\); AWS keeps one IAM password policy per account \(/);
  });
});

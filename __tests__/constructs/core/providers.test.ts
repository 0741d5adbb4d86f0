import { AccountProviders } from '../../../constructs/core/providers';
import { TerraformStack, Testing } from '../../../lib/cdktf';

/** Synthesizes a stack whose providers reach `accounts` (in that order) with a role per account. */
function synth(accounts: { name: string; id: string }[], roles: Record<string, string>): any {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  const providers = new AccountProviders(stack, 'providers', {
    accessRoleName: (account) => roles[account.name],
    planRoleName: 'LandingZonePlan',
    defaultTags: {},
    sessionName: 'lz-test',
  });
  for (const account of accounts) providers.for(account, 'us-east-1');
  return JSON.parse(Testing.synth(stack));
}

const roleArnOf = (json: any, alias: string): string => json.provider.aws.find((p: any) => p.alias === alias).assume_role[0].role_arn;

describe('AccountProviders: the role per account', () => {
  it('defaults member_role_name to the access role of the account the stack reaches, and accepts only it and the plan role', () => {
    const json = synth([{ name: 'web-prod', id: '222222222222' }], { 'web-prod': 'AWSControlTowerExecution' });
    expect(json.variable.member_role_name.default).toBe('AWSControlTowerExecution');
    expect(json.variable.member_role_name.validation[0].condition).toBe('${contains(["AWSControlTowerExecution","LandingZonePlan"], var.member_role_name)}');
    expect(roleArnOf(json, 'web-prod-us-east-1')).toBe('arn:aws:iam::222222222222:role/${terraform.applying ? "AWSControlTowerExecution" : var.member_role_name}');
  });

  it('gives a second account with another access role its own role, unless the run chose the plan role (plans only)', () => {
    const json = synth(
      [
        { name: 'security', id: '210987654322' },
        { name: 'network', id: '333333333333' },
      ],
      { security: 'AWSControlTowerExecution', network: 'OrganizationAccountAccessRole' },
    );
    expect(json.variable.member_role_name.default).toBe('AWSControlTowerExecution');
    expect(roleArnOf(json, 'security-us-east-1')).toBe('arn:aws:iam::210987654322:role/${terraform.applying ? "AWSControlTowerExecution" : var.member_role_name}');
    expect(roleArnOf(json, 'network-us-east-1')).toBe(
      'arn:aws:iam::333333333333:role/${terraform.applying ? "OrganizationAccountAccessRole" : (var.member_role_name == "AWSControlTowerExecution" ? "OrganizationAccountAccessRole" : var.member_role_name)}',
    );
  });

  it('always assumes the access role while Terraform applies, so an apply never writes as the plan role', () => {
    const json = synth([{ name: 'shop', id: '444444444444' }], { shop: 'OrganizationAccountAccessRole' });
    expect(roleArnOf(json, 'shop-us-east-1')).toBe('arn:aws:iam::444444444444:role/${terraform.applying ? "OrganizationAccountAccessRole" : var.member_role_name}');
    expect(json.variable.member_role_name.description).toContain('Applies always assume OrganizationAccountAccessRole.');
  });
});

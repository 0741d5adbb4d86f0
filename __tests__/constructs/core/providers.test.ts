import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountProviders } from '../../../constructs/core/providers';
import { TerraformStack, Testing } from '../../../lib/cdktf';
import { terraformAvailable } from '../../harness/terraform';

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

  (terraformAvailable() ? it : it.skip)(
    'evaluates, with Terraform, to the plan role while planning and to the access role while applying the saved plan',
    () => {
      const json = synth([{ name: 'shop', id: '444444444444' }], { shop: 'OrganizationAccountAccessRole' });
      const arn = roleArnOf(json, 'shop-us-east-1');
      const role = arn.slice(arn.indexOf(':role/') + ':role/'.length).replace(/^\$\{/, '(').replace(/\}$/, ')');
      // A probe with the same expression: a precondition checked while planning, a local-exec run only while applying.
      const dir = mkdtempSync(join(tmpdir(), 'lz-applying-'));
      writeFileSync(
        join(dir, 'main.tf.json'),
        JSON.stringify({
          variable: { member_role_name: json.variable.member_role_name },
          resource: {
            terraform_data: {
              probe: {
                input: 'x',
                lifecycle: [{ precondition: [{ condition: `\${terraform.applying || ${role} == "LandingZonePlan"}`, error_message: 'the plan does not read through the plan role' }] }],
                provisioner: [{ 'local-exec': { command: `echo \${${role}} > role-at-apply.txt` } }],
              },
            },
          },
        }),
      );
      const env = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
      const terraform = (args: string[], extra: Record<string, string> = {}) => execFileSync('terraform', [`-chdir=${dir}`, ...args], { env: { ...env, ...extra }, encoding: 'utf8', stdio: 'pipe' });
      terraform(['init', '-input=false']);
      // Without the variable the plan reads through the access role: the probe's precondition fails (it really runs).
      expect(() => terraform(['plan', '-input=false', '-no-color'])).toThrow(/the plan does not read through the plan role/);
      terraform(['plan', '-input=false', '-no-color', '-out=tfplan'], { TF_VAR_member_role_name: 'LandingZonePlan' });
      terraform(['apply', '-input=false', '-no-color', 'tfplan']);
      expect(readFileSync(join(dir, 'role-at-apply.txt'), 'utf8').trim()).toBe('OrganizationAccountAccessRole');
    },
    60_000,
  );
});

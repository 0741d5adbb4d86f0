import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../lib/cdktf';
import { exampleConfig, minimalConfig } from '../harness/config';
import { onlyResource, resourcesOf, synthLandingZone, type StackJson } from '../harness/synth';
import { terraformAvailable, validateStackDir } from '../harness/terraform';
import { BootstrapStack } from '../../stacks/bootstrap-stack';
import { evaluateWebIdentity } from '../policies/simulate-pipeline';
import type { LandingZoneConfig } from '../../config/schema';

function rolesByName(stack: StackJson): Record<string, Record<string, any>> {
  return Object.fromEntries(Object.values(resourcesOf(stack, 'aws_iam_role')).map((r) => [r.name, r]));
}

/** Managed policy ARNs attached to the role named `name`. */
function attachedTo(stack: StackJson, name: string): string[] {
  const id = Object.entries(resourcesOf(stack, 'aws_iam_role')).find(([, r]) => r.name === name)![0];
  return Object.values(resourcesOf(stack, 'aws_iam_role_policy_attachment'))
    .filter((a) => a.role === `\${aws_iam_role.${id}.name}`)
    .map((a) => a.policy_arn);
}

describe('bootstrap stack: the CI identities (ci.provider github)', () => {
  let lz: ReturnType<typeof synthLandingZone>;
  beforeAll(() => {
    lz = synthLandingZone(exampleConfig('enterprise'));
  });

  it('creates the GitHub OIDC provider for audience sts.amazonaws.com, without a thumbprint (IAM trusts GitHub by its CA)', () => {
    const provider = onlyResource(lz.stack('bootstrap'), 'aws_iam_openid_connect_provider');
    expect(provider.url).toBe('https://token.actions.githubusercontent.com');
    expect(provider.client_id_list).toEqual(['sts.amazonaws.com']);
    expect(provider.thumbprint_list).toBeUndefined();
    expect(lz.stack('bootstrap').import).toBeUndefined();
  });

  it('creates a read-only plan role and an apply role in the management account, and outputs their ARNs for the repository variables', () => {
    const stack = lz.stack('bootstrap');
    const roles = rolesByName(stack);
    expect(Object.keys(roles).sort()).toEqual(['LandingZoneApply', 'LandingZonePlan']);
    expect(attachedTo(stack, 'LandingZonePlan')).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(attachedTo(stack, 'LandingZoneApply')).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    // Attachments and inline policies are held exclusively: one attached by hand is removed.
    const exclusive = Object.values(resourcesOf(stack, 'aws_iam_role_policy_attachments_exclusive')).map((e) => e.policy_arns);
    expect(exclusive).toEqual(expect.arrayContaining([['arn:aws:iam::aws:policy/ReadOnlyAccess'], ['arn:aws:iam::aws:policy/AdministratorAccess']]));
    expect(Object.keys(stack.output ?? {}).sort()).toEqual(['apply_role_arn', 'plan_role_arn', 'state_bucket']);
    expect(JSON.parse(roles.LandingZoneApply.assume_role_policy).Statement[0].Condition.StringEquals).toEqual({
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': 'repo:globex/landing-zone:environment:production',
    });
  });

  it('adopts an OIDC provider made by hand with an import block by its ARN', () => {
    const config = exampleConfig('enterprise');
    const adopted = synthLandingZone({ ...config, ci: { ...config.ci, adoptOidcProvider: true } } as LandingZoneConfig);
    expect(adopted.stack('bootstrap').import).toEqual([
      expect.objectContaining({ id: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com', to: expect.stringMatching(/^aws_iam_openid_connect_provider\./) }),
    ]);
  });

  it('has a bootstrap stack for the CI identities alone when the state bucket is managed elsewhere', () => {
    const config = minimalConfig((input) => {
      input.state = { backend: 's3', bucket: 'acme-tfstate-111111111111', bootstrap: false };
      input.ci = { provider: 'github', repository: 'acme/landing-zone' };
    });
    const stack = synthLandingZone(config).stack('bootstrap');
    expect(resourcesOf(stack, 'aws_s3_bucket')).toEqual({});
    expect(Object.keys(rolesByName(stack)).sort()).toEqual(['LandingZoneApply', 'LandingZonePlan']);
  });

  it('has no bootstrap stack without a state bucket to create and without CI identities', () => {
    expect(Object.keys(synthLandingZone(minimalConfig()).json)).not.toContain('bootstrap');
  });
});

describe('member accounts: the read-only plan role and the role variable', () => {
  let lz: ReturnType<typeof synthLandingZone>;
  beforeAll(() => {
    lz = synthLandingZone(exampleConfig('enterprise'));
  });

  it('gives every member account (log-archive, security, every workload) a LandingZonePlan role trusted by the CI plan identity', () => {
    const members = Object.keys(lz.json).filter((id) => id === 'log-archive' || id === 'security' || id.startsWith('workload-'));
    expect(members.length).toBeGreaterThanOrEqual(8);
    for (const id of members) {
      const stack = lz.stack(id);
      const plan = rolesByName(stack).LandingZonePlan;
      expect(plan).toBeDefined();
      expect(plan.provider).toMatch(/^aws\..+-ap-northeast-1$/); // through the account's own provider
      expect(JSON.parse(plan.assume_role_policy).Statement).toEqual([
        expect.objectContaining({
          Principal: { AWS: 'arn:aws:iam::123456789012:root' },
          Action: 'sts:AssumeRole',
          Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/LandingZonePlan' } },
        }),
      ]);
      expect(attachedTo(stack, 'LandingZonePlan')).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    }
    // The management account's plan role is the CI plan identity itself (bootstrap stack).
    expect(rolesByName(lz.stack('management-baseline')).LandingZonePlan).toBeUndefined();
  });

  it('removes other policies from every pipeline role only after its own policies exist (the exclusive resources wait for them)', () => {
    for (const id of ['bootstrap', 'security', 'workload-web-prod']) {
      const stack = lz.stack(id);
      const inline = Object.values(resourcesOf(stack, 'aws_iam_role_policies_exclusive'));
      const managed = Object.values(resourcesOf(stack, 'aws_iam_role_policy_attachments_exclusive'));
      expect(inline.length).toBeGreaterThan(0);
      expect(managed.length).toBe(inline.length);
      for (const r of inline) {
        // Found on the emulator: created before the inline policy, provider 5.100 calls PutRolePolicy without a document.
        expect(r.depends_on).toEqual(r.policy_names.length > 0 ? [expect.stringMatching(/^aws_iam_role_policy\./)] : undefined);
      }
      for (const r of managed) {
        expect(r.depends_on ?? []).toHaveLength(r.policy_arns.length);
        for (const d of r.depends_on ?? []) expect(d).toMatch(/^aws_iam_role_policy_attachment\./);
      }
    }
  });

  it('makes every member-account provider of every stack assume ${var.member_role_name}, default the access role, plan role allowed', () => {
    let aliases = 0;
    for (const [id, stack] of Object.entries(lz.json)) {
      const members = (stack.provider?.aws ?? []).filter((p) => p.assume_role);
      for (const provider of members) {
        expect(provider.assume_role[0].role_arn).toMatch(/^arn:aws:iam::.+:role\/\$\{var\.member_role_name\}$/);
        aliases++;
      }
      const variable = (stack.variable as any)?.member_role_name;
      if (members.length === 0) {
        expect(variable).toBeUndefined();
        continue;
      }
      expect(variable).toEqual(expect.objectContaining({ type: 'string', default: 'OrganizationAccountAccessRole', nullable: false }));
      expect(variable.validation[0].condition).toBe('${contains(["OrganizationAccountAccessRole","LandingZonePlan"], var.member_role_name)}');
      expect(id).not.toBe('management-baseline');
    }
    expect(aliases).toBeGreaterThan(20);
  });

  it('names the plan role and the variable default from the config', () => {
    const config = minimalConfig((input) => {
      input.organization.accessRoleName = 'LandingZoneExecution';
      input.ci = { planRoleName: 'AcmeReadOnlyPlan' };
    });
    const stack = synthLandingZone(config).stack('workload-shop-dev');
    expect(rolesByName(stack).AcmeReadOnlyPlan).toBeDefined();
    expect((stack.variable as any).member_role_name.default).toBe('LandingZoneExecution');
    expect((stack.variable as any).member_role_name.validation[0].condition).toContain('["LandingZoneExecution","AcmeReadOnlyPlan"]');
  });
});

describe('bootstrap stack: HCP Terraform dynamic credentials (ci.provider terraform-cloud)', () => {
  const config = () =>
    minimalConfig((input) => {
      input.state = { backend: 'cloud', cloud: { organization: 'acme', workspacePrefix: 'lz' } };
      input.ci = { provider: 'terraform-cloud' };
    });
  const TFC_ARN = 'arn:aws:iam::111111111111:oidc-provider/app.terraform.io';
  let stack: StackJson;
  beforeAll(() => {
    stack = synthLandingZone(config()).stack('bootstrap');
  });
  const trustOf = (name: string) => JSON.parse(rolesByName(stack)[name].assume_role_policy.replace(/\$\{[^}]+\}/, TFC_ARN));
  const assume = (name: string, sub: string) =>
    evaluateWebIdentity(trustOf(name), `arn:aws:iam::111111111111:role/${name}`, 'app.terraform.io', TFC_ARN, { aud: 'aws.workload.identity', sub });

  it('creates the app.terraform.io OIDC provider with the aws.workload.identity audience, in a local-state bootstrap stack', () => {
    const provider = onlyResource(stack, 'aws_iam_openid_connect_provider');
    expect(provider).toEqual(expect.objectContaining({ url: 'https://app.terraform.io', client_id_list: ['aws.workload.identity'] }));
    expect(stack.terraform?.backend?.local).toBeDefined();
  });

  it("trusts the plan role for the plan phase of the landing zone's workspaces only, the apply role for both phases", async () => {
    const sub = (ws: string, phase: string, org = 'acme') => `organization:${org}:project:Default Project:workspace:${ws}:run_phase:${phase}`;
    expect(await assume('LandingZonePlan', sub('lz-management', 'plan'))).toBe('Allowed');
    expect(await assume('LandingZonePlan', sub('lz-management', 'apply'))).not.toBe('Allowed');
    expect(await assume('LandingZonePlan', sub('other-management', 'plan'))).not.toBe('Allowed');
    expect(await assume('LandingZonePlan', sub('lz-management', 'plan', 'mallory'))).not.toBe('Allowed');
    expect(await assume('LandingZoneApply', sub('lz-workload-shop-prod', 'apply'))).toBe('Allowed');
    expect(await assume('LandingZoneApply', sub('lz-workload-shop-prod', 'plan'))).toBe('Allowed');
    expect(await assume('LandingZoneApply', sub('lz-workload-shop-prod', 'apply', 'mallory'))).not.toBe('Allowed');
  });

  it('gives the plan role no state permissions (HCP Terraform keeps the state)', () => {
    const policy = JSON.parse(onlyResource(stack, 'aws_iam_role_policy').policy);
    expect(policy.Statement.map((s: any) => s.Sid)).toEqual(['AssumeMemberPlanRoles', 'DenyWriterRoles', 'PlanReadsReadOnlyAccessLacks', 'DenyServicesPlansDoNotCall', 'DenyContentReads', 'DenyObjectReads']);
  });

  (terraformAvailable() ? it : it.skip)(
    'passes terraform validate',
    async () => {
      const outdir = mkdtempSync(join(tmpdir(), 'lz-bootstrap-tfc-'));
      try {
        const app = new App({ outdir });
        new BootstrapStack(app, 'bootstrap', { config: config() });
        app.synth();
        const result = await validateStackDir(join(outdir, 'stacks', 'bootstrap'), 'bootstrap');
        expect(result.diagnostics).toEqual([]);
        expect(result.valid).toBe(true);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

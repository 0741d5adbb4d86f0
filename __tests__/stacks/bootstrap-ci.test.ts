import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../lib/cdktf';
import { exampleConfig, minimalConfig } from '../harness/config';
import { onlyResource, resourcesOf, synthLandingZone, type StackJson } from '../harness/synth';
import { terraformAvailable, validateStackDir } from '../harness/terraform';
import { BootstrapStack } from '../../stacks/bootstrap-stack';
import type { LandingZoneConfig } from '../../config/schema';
import { terraformCloudTrustLength, terraformCloudTrustOf } from '../../config/ci-subjects';

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
    // The apply role: one exact subject of the customized claim (__tests__/policies/pipeline-trust.test.ts simulates it).
    expect(JSON.parse(roles.LandingZoneApply.assume_role_policy).Statement[0].Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub':
          'repo:globex/landing-zone:environment:production:job_workflow_ref:globex/landing-zone/.github/workflows/apply-wave.yml@refs/heads/main',
      },
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
          Condition: {
            ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/LandingZonePlan' },
            // The adopted organization: its literal id.
            StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
          },
        }),
      ]);
      expect(attachedTo(stack, 'LandingZonePlan')).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    }
    // The management account's plan role is the CI plan identity itself (bootstrap stack).
    expect(rolesByName(lz.stack('management-baseline')).LandingZonePlan).toBeUndefined();
  });

  it("trusts the plan identity of a new organization by the management stack's output of the organization id", () => {
    const lz = synthLandingZone(minimalConfig());
    const output = 'cross-stack-output-aws_organizations_organizationOrganization_29A5FC3Fid';
    expect(lz.stack('management').output?.[output]).toEqual(expect.objectContaining({ value: '${aws_organizations_organization.Organization_29A5FC3F.id}' }));
    for (const id of ['log-archive', 'security', 'workload-shop-dev', 'workload-shop-prod']) {
      const trust = JSON.parse(rolesByName(lz.stack(id)).LandingZonePlan.assume_role_policy);
      expect(trust.Statement[0].Condition.StringEquals).toEqual({
        'aws:PrincipalOrgID': `\${data.terraform_remote_state.cross-stack-reference-input-management.outputs.${output}}`,
      });
      expect(lz.stack(id).data?.terraform_remote_state?.['cross-stack-reference-input-management']).toBeDefined();
    }
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

  it('makes every member-account provider of every stack assume ${var.member_role_name} while planning (default the access role, plan role allowed), the access role while applying', () => {
    let aliases = 0;
    for (const [id, stack] of Object.entries(lz.json)) {
      const members = (stack.provider?.aws ?? []).filter((p) => p.assume_role);
      for (const provider of members) {
        expect(provider.assume_role[0].role_arn).toMatch(/^arn:aws:iam::.+:role\/\$\{terraform\.applying \? "OrganizationAccountAccessRole" : var\.member_role_name\}$/);
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
  const WORKSPACES = ['lz-management', 'lz-log-archive', 'lz-management-baseline', 'lz-security', 'lz-workload-shop-prod', 'lz-workload-shop-dev'];

  it('creates the app.terraform.io OIDC provider with the aws.workload.identity audience, in a local-state bootstrap stack', () => {
    const provider = onlyResource(stack, 'aws_iam_openid_connect_provider');
    expect(provider).toEqual(expect.objectContaining({ url: 'https://app.terraform.io', client_id_list: ['aws.workload.identity'] }));
    expect(stack.terraform?.backend?.local).toBeDefined();
  });

  it('trusts exactly one subject per stack workspace and run phase (StringEquals, no pattern): the plan phase for the plan role, the apply phase for the apply role', () => {
    const sub = (ws: string, phase: string) => `organization:acme:project:Default Project:workspace:${ws}:run_phase:${phase}`;
    for (const [role, phase] of [
      ['LandingZonePlan', 'plan'],
      ['LandingZoneApply', 'apply'],
    ]) {
      const { StringEquals, ...others } = trustOf(role).Statement[0].Condition;
      expect(others).toEqual({});
      expect(StringEquals['app.terraform.io:aud']).toBe('aws.workload.identity');
      expect([...StringEquals['app.terraform.io:sub']].sort()).toEqual(WORKSPACES.map((w) => sub(w, phase)).sort());
    }
  });

  it('estimates the trust length for lz validate at or above what IAM counts (the synthesized policy, minified)', () => {
    const trust = terraformCloudTrustOf(config())!;
    for (const role of ['LandingZonePlan', 'LandingZoneApply']) {
      expect(terraformCloudTrustLength(trust)).toBeGreaterThanOrEqual(JSON.stringify(trustOf(role)).length);
    }
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

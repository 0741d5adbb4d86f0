import { configFrom, exampleConfig } from '../../harness/config';
import { onlyResource, resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';
import { parse } from 'yaml';
import { MINIMAL_YAML } from '../../harness/config';

const byPath = (json: StackJson, type: string, path: string) => {
  const found = Object.entries(resourcesOf(json, type)).find(([, r]) => r['//']?.metadata?.path === path);
  if (!found) throw new Error(`no ${type} at ${path}`);
  return { name: found[0], resource: found[1] };
};

describe('management stack: organization and accounts (examples/enterprise.yaml)', () => {
  let m: StackJson;
  beforeAll(() => {
    m = synthLandingZone(exampleConfig('enterprise')).stack('management');
  });

  it('creates the organization with all features, every integrated service and prevent_destroy', () => {
    const org = onlyResource(m, 'aws_organizations_organization');
    expect(org.feature_set).toBe('ALL');
    expect(org.lifecycle.prevent_destroy).toBe(true);
    expect(org.aws_service_access_principals).toEqual(
      expect.arrayContaining([
        'cloudtrail.amazonaws.com', 'config.amazonaws.com', 'config-multiaccountsetup.amazonaws.com', 'guardduty.amazonaws.com',
        'securityhub.amazonaws.com', 'access-analyzer.amazonaws.com', 'sso.amazonaws.com', 'iam.amazonaws.com', 'health.amazonaws.com',
        'member.org.stacksets.cloudformation.amazonaws.com',
      ]),
    );
    expect(org.aws_service_access_principals).toEqual(expect.arrayContaining(['detective.amazonaws.com', 'inspector2.amazonaws.com']));
    expect(org.aws_service_access_principals).not.toContain('macie.amazonaws.com');
    expect(org.enabled_policy_types).toContain('SERVICE_CONTROL_POLICY');
  });

  it('adopts the organization and every account with an id through import blocks', () => {
    const imports = Object.fromEntries((m.import ?? []).map((i) => [i.id, i.to]));
    expect(imports['o-a1b2c3d4e5']).toMatch(/^aws_organizations_organization\.Organization_/);
    for (const [id, name] of [['210987654321', 'log-archive'], ['210987654323', 'payments-prod'], ['210987654324', 'legacy-batch']]) {
      expect(imports[id]).toBe(`aws_organizations_account.${byPath(m, 'aws_organizations_account', `management/Account-${name}/Resource`).name}`);
    }
    // A created account has no import block.
    const network = byPath(m, 'aws_organizations_account', 'management/Account-network/Resource').name;
    expect(Object.values(imports)).not.toContain(`aws_organizations_account.${network}`);
  });

  it('never closes or replaces an account: close_on_deletion false, prevent_destroy, ForceNew fields ignored', () => {
    for (const account of Object.values(resourcesOf(m, 'aws_organizations_account'))) {
      expect(account.close_on_deletion).toBe(false);
      expect(account.lifecycle.prevent_destroy).toBe(true);
      expect(account.lifecycle.ignore_changes).toEqual(['name', 'email', 'role_name', 'iam_user_access_to_billing']);
      expect(account.role_name).toBe('OrganizationAccountAccessRole');
      expect(account.iam_user_access_to_billing).toBe('ALLOW');
    }
  });

  it('nests OUs by path and places accounts in their OU by reference', () => {
    const regulated = byPath(m, 'aws_organizations_organizational_unit', 'management/OU-Workloads--Prod--Regulated/Resource');
    const prod = byPath(m, 'aws_organizations_organizational_unit', 'management/OU-Workloads--Prod/Resource');
    expect(regulated.resource.name).toBe('Regulated');
    expect(regulated.resource.parent_id).toBe(`\${aws_organizations_organizational_unit.${prod.name}.id}`);
    const payments = byPath(m, 'aws_organizations_account', 'management/Account-payments-prod/Resource').resource;
    expect(payments.parent_id).toBe(`\${aws_organizations_organizational_unit.${regulated.name}.id}`);
  });

  it('moves a suspended account to the Suspended OU', () => {
    const suspended = byPath(m, 'aws_organizations_organizational_unit', 'management/OU-Suspended/Resource');
    const legacy = byPath(m, 'aws_organizations_account', 'management/Account-legacy-batch/Resource').resource;
    expect(legacy.parent_id).toBe(`\${aws_organizations_organizational_unit.${suspended.name}.id}`);
  });

  it('forgets a closed account with a removed block at the address its account resource had', () => {
    const removed = (m as any).removed as Array<{ from: string; lifecycle: { destroy: boolean } }>;
    expect(removed).toEqual([{ from: expect.stringMatching(/^aws_organizations_account\.Account-old-poc_[0-9A-F]{8}$/), lifecycle: { destroy: false } }]);
    expect(Object.keys(resourcesOf(m, 'aws_organizations_account')).some((n) => n.includes('old-poc'))).toBe(false);
  });

  it('turns on centralized root access management after the organization', () => {
    const features = onlyResource(m, 'aws_iam_organizations_features');
    expect(features.enabled_features).toEqual(['RootCredentialsManagement', 'RootSessions']);
    expect(features.depends_on).toEqual([expect.stringMatching(/^aws_organizations_organization\.Organization_/)]);
  });
});

describe('management stack: a closed account keeps the address the account had', () => {
  it('forgets exactly the Terraform address of the former account', () => {
    const base = parse(MINIMAL_YAML);
    const before = synthLandingZone(configFrom(base)).stack('management');
    const shopDev = byPath(before, 'aws_organizations_account', 'management/Account-shop-dev/Resource').name;
    const after = synthLandingZone(
      configFrom({ ...base, accounts: base.accounts.filter((a: any) => a.name !== 'shop-dev'), closedAccounts: [{ name: 'shop-dev' }] }),
    );
    expect((after.stack('management') as any).removed).toEqual([{ from: `aws_organizations_account.${shopDev}`, lifecycle: { destroy: false } }]);
    expect(Object.keys(after.json)).not.toContain('workload-shop-dev');
  });
});

describe('management stack: adopted OUs and optional services', () => {
  let m: StackJson;
  beforeAll(() => {
    const base = parse(MINIMAL_YAML);
    m = synthLandingZone(
      configFrom({
        ...base,
        organization: { ...base.organization, ouIds: { 'Workloads/Prod': 'ou-ab12-cd34ef56' } },
        security: { detective: { enabled: true }, inspector: { enabled: true }, macie: { enabled: true } },
      }),
    ).stack('management');
  });

  it('imports an OU listed in organization.ouIds', () => {
    const prod = byPath(m, 'aws_organizations_organizational_unit', 'management/OU-Workloads--Prod/Resource').name;
    expect(m.import).toEqual(expect.arrayContaining([{ id: 'ou-ab12-cd34ef56', to: `aws_organizations_organizational_unit.${prod}` }]));
  });

  it('trusts Detective, Inspector and Macie when they are enabled', () => {
    expect(onlyResource(m, 'aws_organizations_organization').aws_service_access_principals).toEqual(
      expect.arrayContaining(['detective.amazonaws.com', 'inspector2.amazonaws.com', 'macie.amazonaws.com']),
    );
  });
});

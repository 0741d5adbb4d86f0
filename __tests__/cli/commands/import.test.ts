import { mockClient } from 'aws-sdk-client-mock';
import {
  AccessDeniedException,
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListOrganizationalUnitsForParentCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { parseConfig } from '../../../config/load';
import { synthLandingZone } from '../../harness/synth';
import { examplesCopy, ensureBuilt, lz } from '../binary';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLz } from '../../config/broken-configs';
import { readOrganization } from '../../../discovery/aws/read-organization';
import { configName, ouConfigName } from '../../../discovery/names';
import { importedConfigProblems, organizationToYaml, type ImportOptions } from '../../../cli/import/organization-yaml';

const orgs = mockClient(OrganizationsClient);
const client = () => new OrganizationsClient({ region: 'us-east-1' });
const OPTIONS: ImportOptions = { homeRegion: 'ap-northeast-1', governedRegions: ['ap-northeast-1', 'us-east-1'] };

/**
 * An existing organization: Root > Security (Log Archive, Audit), Workloads > Prod (Shop Prod,
 * second page), the management account under Root, a closed account, and one custom SCP.
 */
function mockOrganization(): void {
  orgs.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-exist12345', MasterAccountId: '111111111111', FeatureSet: 'ALL' } });
  orgs.on(ListRootsCommand).resolves({
    Roots: [{ Id: 'r-ab12', PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }, { Type: 'TAG_POLICY', Status: 'PENDING_DISABLE' }] }],
  });
  const ous: Record<string, Array<{ Id: string; Name: string }>> = {
    'r-ab12': [
      { Id: 'ou-ab12-work0001', Name: 'Workloads' },
      { Id: 'ou-ab12-secu0001', Name: 'Security' },
    ],
    'ou-ab12-work0001': [{ Id: 'ou-ab12-prod0001', Name: 'Prod' }],
  };
  orgs.on(ListOrganizationalUnitsForParentCommand).callsFake((input: { ParentId: string }) => ({ OrganizationalUnits: ous[input.ParentId] ?? [] }));
  orgs.on(ListAccountsForParentCommand).callsFake((input: { ParentId: string; NextToken?: string }) => {
    switch (input.ParentId) {
      case 'r-ab12':
        return { Accounts: [{ Id: '111111111111', Name: 'Acme Management', Email: 'root@acme.example', State: 'ACTIVE' }] };
      case 'ou-ab12-secu0001':
        return {
          Accounts: [
            { Id: '222222222222', Name: 'Log Archive', Email: 'log@acme.example', State: 'ACTIVE' },
            { Id: '333333333333', Name: 'Audit', Email: 'audit@acme.example', State: 'ACTIVE' },
          ],
        };
      case 'ou-ab12-prod0001':
        return input.NextToken
          ? { Accounts: [{ Id: '555555555555', Name: 'Old POC', Email: 'poc@acme.example', State: 'SUSPENDED' }] }
          : { Accounts: [{ Id: '444444444444', Name: 'Shop Prod', Email: 'shop@acme.example', State: 'ACTIVE' }], NextToken: 'page-2' };
      default:
        return { Accounts: [] };
    }
  });
  orgs.on(ListPoliciesCommand).resolves({
    Policies: [
      { Id: 'p-FullAWSAccess', Name: 'FullAWSAccess', AwsManaged: true },
      { Id: 'p-deny1234', Name: 'DenyRegions', AwsManaged: false },
    ],
  });
  orgs.on(ListTargetsForPolicyCommand).resolves({ Targets: [{ TargetId: 'ou-ab12-work0001', Type: 'ORGANIZATIONAL_UNIT', Name: 'Workloads' }] });
}

beforeEach(() => {
  orgs.reset();
  mockOrganization();
});

describe('readOrganization', () => {
  it('reads the OU tree recursively, every page of accounts and the policies of enabled types', async () => {
    const org = await readOrganization(client());
    expect(org.id).toBe('o-exist12345');
    expect(org.organizationalUnits).toEqual([
      { path: 'Security', id: 'ou-ab12-secu0001' },
      { path: 'Workloads', id: 'ou-ab12-work0001' },
      { path: 'Workloads/Prod', id: 'ou-ab12-prod0001' },
    ]);
    expect(org.accounts.map((a) => `${a.name}@${a.ouPath || 'Root'}:${a.status}`)).toEqual([
      'Acme Management@Root:ACTIVE',
      'Log Archive@Security:ACTIVE',
      'Audit@Security:ACTIVE',
      'Shop Prod@Workloads/Prod:ACTIVE',
      'Old POC@Workloads/Prod:SUSPENDED',
    ]);
    expect(org.enabledPolicyTypes).toEqual(['SERVICE_CONTROL_POLICY']);
    expect(orgs.commandCalls(ListPoliciesCommand).map((c) => c.args[0].input.Filter)).toEqual(['SERVICE_CONTROL_POLICY']);
    expect(org.policies?.find((p) => p.name === 'DenyRegions')).toEqual({
      id: 'p-deny1234',
      name: 'DenyRegions',
      type: 'SERVICE_CONTROL_POLICY',
      awsManaged: false,
      targets: [{ type: 'ORGANIZATIONAL_UNIT', id: 'ou-ab12-work0001', path: 'Workloads' }],
    });
  });

  it('reads no policy with --no-policies, and still the enabled policy types', async () => {
    const org = await readOrganization(client(), false);
    expect(org.policies).toBeUndefined();
    expect(org.enabledPolicyTypes).toEqual(['SERVICE_CONTROL_POLICY']);
    expect(orgs.commandCalls(ListPoliciesCommand)).toHaveLength(0);
  });

  it('fails access denied with advice instead of a stack trace', async () => {
    orgs.on(DescribeOrganizationCommand).rejects(new AccessDeniedException({ message: 'not allowed', $metadata: {} }));
    await expect(readOrganization(client())).rejects.toThrow('Failed reading the organization: access denied (not allowed).');
  });

  it('fails an organization without all features', async () => {
    orgs.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-exist12345', MasterAccountId: '111111111111', FeatureSet: 'CONSOLIDATED_BILLING' } });
    await expect(readOrganization(client())).rejects.toThrow('has only consolidated billing features; enable all features first');
  });
});

describe('organizationToYaml', () => {
  it('writes a config that the loader accepts, with the organization id, OU ids and account ids to import', async () => {
    const text = organizationToYaml(await readOrganization(client()), OPTIONS);
    const config = parseConfig(text, 'landing-zone.yaml');
    expect(config.organization).toMatchObject({ name: 'acme-management', managementAccountId: '111111111111', id: 'o-exist12345', homeRegion: 'ap-northeast-1' });
    expect(config.organization.ouIds).toEqual({ Security: 'ou-ab12-secu0001', Workloads: 'ou-ab12-work0001', 'Workloads/Prod': 'ou-ab12-prod0001' });
    expect(config.accounts.map((a) => [a.name, a.id, a.ou, a.role])).toEqual([
      ['log-archive', '222222222222', 'Security', 'log-archive'],
      ['audit', '333333333333', 'Security', 'security'],
      ['shop-prod', '444444444444', 'Workloads/Prod', 'workload'],
    ]);
    expect(text).toContain('# Left out, not active: Old POC 555555555555 (SUSPENDED).');
    expect(config.organization.rootId).toBe('r-ab12');
    expect(config.guardrails.existing).toEqual([{ id: 'p-deny1234', name: 'DenyRegions', type: 'SERVICE_CONTROL_POLICY', targets: ['Workloads'] }]);
    expect(text).not.toContain('FullAWSAccess');
  });

  it('synthesizes to import blocks for the organization, its OUs and accounts, so the first plan creates none of them', async () => {
    const config = parseConfig(organizationToYaml(await readOrganization(client()), OPTIONS), 'landing-zone.yaml');
    const imports = synthLandingZone(config).stack('management').import ?? [];
    const ids = imports.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['o-exist12345', 'ou-ab12-secu0001', 'ou-ab12-work0001', 'ou-ab12-prod0001', '222222222222', '333333333333', '444444444444']));
  });

  it('takes the core accounts from --log-archive and --security', async () => {
    const text = organizationToYaml(await readOrganization(client()), { ...OPTIONS, logArchive: 'Audit', security: 'shop-prod' });
    const config = parseConfig(text, 'landing-zone.yaml');
    expect(config.accounts.filter((a) => a.role !== 'workload').map((a) => `${a.name}:${a.role}`)).toEqual(['audit:log-archive', 'shop-prod:security']);
  });

  it('fails when it cannot tell the security account, naming the flag', async () => {
    const org = await readOrganization(client());
    const renamed = { ...org, accounts: org.accounts.map((a) => (a.name === 'Audit' ? { ...a, name: 'Team A' } : a)) };
    expect(() => organizationToYaml(renamed, OPTIONS)).toThrow('cannot tell which account is the security account (no account name matches); name it with --security <account name>');
  });

  it('fails a --log-archive name that is not in the organization', async () => {
    expect(() => organizationToYaml({ ...(awaitable()), accounts: [] }, { ...OPTIONS, logArchive: 'logs' })).toThrow('--log-archive "logs" is not an account of the organization');
  });

  it('places accounts directly under the root into a new Imported OU', async () => {
    const org = await readOrganization(client());
    const rooted = { ...org, accounts: org.accounts.map((a) => (a.name === 'Shop Prod' ? { ...a, ouPath: '' } : a)) };
    const config = parseConfig(organizationToYaml(rooted, OPTIONS), 'landing-zone.yaml');
    expect(config.accounts.find((a) => a.name === 'shop-prod')?.ou).toBe('Imported');
    expect(config.organizationalUnits).toContain('Imported');
  });
});

describe('organizationToYaml on real organizations', () => {
  it('keeps OU names AWS allows (spaces, "&", parentheses, other scripts) and maps only what a path cannot hold', async () => {
    const org = await readOrganization(client());
    const ous = [
      { path: 'R&D (Japan)', id: 'ou-ab12-rdjp0001' },
      { path: 'R&D (Japan)/Team #1, Tokyo', id: 'ou-ab12-team0001' },
      { path: '開発', id: 'ou-ab12-kaih0001' },
      { path: 'A-B', id: 'ou-ab12-abab0001', awsName: 'A/B' },
    ];
    const accounts = org.accounts.map((a) => (a.name === 'Shop Prod' ? { ...a, ouPath: 'R&D (Japan)/Team #1, Tokyo' } : a));
    const text = organizationToYaml({ ...org, organizationalUnits: [...org.organizationalUnits, ...ous], accounts }, OPTIONS);
    expect(importedConfigProblems(text, 'landing-zone.yaml')).toBeUndefined();
    const config = parseConfig(text, 'landing-zone.yaml');
    expect(config.accounts.find((a) => a.name === 'shop-prod')?.ou).toBe('R&D (Japan)/Team #1, Tokyo');
    expect(config.organization.ouIds['開発']).toBe('ou-ab12-kaih0001');
    expect(text).toContain('"A/B" → "A-B"');
  });

  it.each([
    ['A/B', 'A-B'],
    ['  padded  ', 'padded'],
    ['Root', 'Root-OU'],
    ['Tab\there', 'Tab here'],
    ['R&D (Japan)', 'R&D (Japan)'],
  ])('maps the OU name %j to %j', (input, expected) => expect(ouConfigName(input)).toBe(expected));

  it('adopts an existing Suspended OU that holds active accounts under another name, keeping them active', async () => {
    const org = await readOrganization(client());
    const accounts = org.accounts.map((a) => (a.name === 'Shop Prod' ? { ...a, ouPath: 'Suspended' } : a));
    const text = organizationToYaml({ ...org, organizationalUnits: [...org.organizationalUnits, { path: 'Suspended', id: 'ou-ab12-susp0001' }], accounts }, OPTIONS);
    const config = parseConfig(text, 'landing-zone.yaml');
    expect(config.accounts.find((a) => a.name === 'shop-prod')).toMatchObject({ ou: 'Suspended-active', state: 'active' });
    expect(config.organization.ouIds['Suspended-active']).toBe('ou-ab12-susp0001');
    expect(text).toContain('The existing OU "Suspended" holds active accounts (Shop Prod)');
  });

  it('still writes a config when the organization does not fit it, and says what to edit', async () => {
    const org = await readOrganization(client());
    const text = organizationToYaml(org, { ...OPTIONS, name: 'a-very-long-organization-name-indeed-xyz' });
    expect(text).toContain('organization:');
    expect(importedConfigProblems(text, 'landing-zone.yaml')).toContain('shorten organization.name');
  });

  it('shortens a long name taken from the management account so physical names fit', async () => {
    const org = await readOrganization(client());
    const accounts = org.accounts.map((a) => (a.id === '111111111111' ? { ...a, name: 'Acme Corporation Global Management Payer Account' } : a));
    const text = organizationToYaml({ ...org, accounts }, OPTIONS);
    expect(importedConfigProblems(text, 'landing-zone.yaml')).toBeUndefined();
    expect(parseConfig(text, 'landing-zone.yaml').organization.name.length).toBeLessThanOrEqual(20);
  });
});

function awaitable() {
  return { id: 'o-exist12345', managementAccountId: '111111111111', rootId: 'r-ab12', organizationalUnits: [], accounts: [], policies: [], enabledPolicyTypes: [] };
}

describe('configName', () => {
  it.each([
    ['Log Archive', 'log-archive'],
    ['123 Shop_PROD!', 'shop-prod'],
    ['A', 'account-a'],
  ])('turns %j into %j', (input, expected) => expect(configName(input)).toBe(expected));
});

describe('lz import (in-process, mocked AWS)', () => {
  beforeEach(() => mockOrganization());

  it('says what to do when the file cannot be written, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-import-'));
    const target = join(dir, 'no-such-folder', 'landing-zone.yaml');
    const { code, output } = await runLz(['import', '--output', target, '--home-region', 'ap-northeast-1', '--no-discovery']);
    expect(code).toBe(1);
    expect(output).toContain(`cannot write ${target} (ENOENT: its folder does not exist). Nothing was written; run again with --output <a writable file>, or --output - to print the config`);
    expect(output).not.toMatch(/\n\s+at /);
    expect(existsSync(target)).toBe(false);
  });

  it('writes the file even when it needs edits, lists them and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-import-'));
    const target = join(dir, 'landing-zone.yaml');
    const { code, output } = await runLz(['import', '--output', target, '--home-region', 'ap-northeast-1', '--name', 'a-very-long-organization-name-indeed-xyz', '--no-discovery']);
    expect(code).toBe(1);
    expect(readFileSync(target, 'utf8')).toContain('managementAccountId: "111111111111"');
    expect(output).toContain('shorten organization.name');
    expect(output).toContain(`edit ${target} where listed above, then run lz validate ${target}`);
  });
});

describe('lz import (built binary)', () => {
  it('refuses to overwrite an existing file before calling AWS', () => {
    ensureBuilt();
    const run = lz(['import', '--output', 'minimal.yaml'], examplesCopy());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('minimal.yaml exists; pass --force to overwrite it or --output another file (or --account <name> to discover one account of it).');
  });

  it('refuses a Region of another partition before calling AWS', () => {
    ensureBuilt();
    const run = lz(['import', '--output', 'new.yaml', '--home-region', 'cn-north-1'], examplesCopy());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('not supported (partition)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('lz import: trusted access enabled outside the landing zone', () => {
  beforeEach(() => {
    orgs.on(ListAWSServiceAccessForOrganizationCommand).callsFake((input: { NextToken?: string }) =>
      input.NextToken
        ? { EnabledServicePrincipals: [{ ServicePrincipal: 'backup.amazonaws.com' }, { ServicePrincipal: 'sso.amazonaws.com' }] }
        : { EnabledServicePrincipals: [{ ServicePrincipal: 'controltower.amazonaws.com' }, { ServicePrincipal: 'guardduty.amazonaws.com' }], NextToken: 'page-2' },
    );
  });

  it('keeps every principal the landing zone would not enable itself in organization.additionalServiceAccessPrincipals, so the first apply switches none off', async () => {
    const org = await readOrganization(client());
    expect(org.serviceAccessPrincipals).toEqual(['controltower.amazonaws.com', 'guardduty.amazonaws.com', 'backup.amazonaws.com', 'sso.amazonaws.com']);
    const text = organizationToYaml(org, OPTIONS);
    const config = parseConfig(text, 'landing-zone.yaml');
    expect(config.organization.additionalServiceAccessPrincipals).toEqual(['backup.amazonaws.com', 'controltower.amazonaws.com']);
    expect(text).toContain('# Trusted access enabled outside the landing zone is kept (organization.additionalServiceAccessPrincipals): backup.amazonaws.com, controltower.amazonaws.com');
    const principals = synthLandingZone(config).stack('management').resource!.aws_organizations_organization;
    expect(Object.values(principals)[0].aws_service_access_principals).toEqual(expect.arrayContaining(['backup.amazonaws.com', 'controltower.amazonaws.com', 'sso.amazonaws.com']));
  });

  it('writes no additional principals when the organization trusts nothing beyond the landing zone', async () => {
    orgs.on(ListAWSServiceAccessForOrganizationCommand).resolves({ EnabledServicePrincipals: [{ ServicePrincipal: 'guardduty.amazonaws.com' }] });
    const config = parseConfig(organizationToYaml(await readOrganization(client()), OPTIONS), 'landing-zone.yaml');
    expect(config.organization.additionalServiceAccessPrincipals).toEqual([]);
  });
});

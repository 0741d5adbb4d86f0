import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigFile, parseConfig } from '../../config/load';
import { ConfigError } from '../../config/problems';
import { EXAMPLES, exampleConfig, MINIMAL_YAML, problemsOf } from '../harness/config';

describe('config loader', () => {
  it.each(EXAMPLES)('loads examples/%s.yaml', (name) => {
    const config = exampleConfig(name);
    expect(config.accounts.length).toBeGreaterThanOrEqual(3);
  });

  it('fills defaults a person leaves out', () => {
    const config = parseConfig(MINIMAL_YAML);
    expect(config.organization.accessRoleName).toBe('OrganizationAccountAccessRole');
    expect(config.state.backend).toBe('local');
    expect(config.state.keyPrefix).toBe('landing-zone');
    expect(config.accounts.find((a) => a.name === 'shop-prod')).toEqual(
      expect.objectContaining({ role: 'workload', state: 'active', tags: {} }),
    );
  });

  it('fails with every problem at once, each with its path, line, value and fix', () => {
    const text = MINIMAL_YAML.replace('aws+shop-dev@acme.example', 'aws+shop-prod@acme.example').replace(
      'ou: Workloads/Dev }',
      'ou: Workload/Dev }',
    );
    const message = problemsOf(text);
    expect(message).toContain('landing-zone.yaml has 2 problems:');
    expect(message).toContain(
      'accounts[3].email (line 12): "aws+shop-prod@acme.example" is already used by accounts[2] (shop-prod); every account needs its own email',
    );
    expect(message).toContain('accounts[3].ou (line 12): OU "Workload/Dev" does not exist; did you mean "Workloads/Dev"?');
  });

  it('fails on YAML syntax with the line', () => {
    expect(problemsOf('organization:\n  name: [acme\n')).toMatch(/\(line \d\): is not valid YAML/);
  });

  it('fails on an unknown key and suggests the known one', () => {
    const message = problemsOf(MINIMAL_YAML.replace('governedRegions:', 'governedRegion:'));
    expect(message).toContain('organization.governedRegion (line 6): is not a known setting; did you mean "governedRegions"?');
    expect(message).toContain('organization.governedRegions (line 3): is required (a list)');
  });

  it('fails on an unquoted or short account id and says to quote it', () => {
    expect(problemsOf(MINIMAL_YAML.replace('"111111111111"', '111111111111'))).toContain(
      'organization.managementAccountId (line 4): 111111111111 is read by YAML as a number; quote it: "111111111111"',
    );
    expect(problemsOf(MINIMAL_YAML.replace('"111111111111"', '"1234"'))).toContain(
      '"1234" is not a 12-digit AWS account id; write it in quotes, e.g. "111111111111"',
    );
  });

  it('fails on a region name that does not exist and suggests the nearest', () => {
    expect(problemsOf(MINIMAL_YAML.replace('[us-east-1, ap-northeast-1]', '[us-east-1, ap-northeast1]'))).toContain(
      'organization.governedRegions[1] (line 6): "ap-northeast1" is not an AWS Region name; use a code such as "us-east-1" or "ap-northeast-1"; did you mean "ap-northeast-1"?',
    );
  });

  it('fails when homeRegion is not governed', () => {
    expect(problemsOf(MINIMAL_YAML.replace('homeRegion: us-east-1', 'homeRegion: eu-west-1'))).toContain(
      'organization.homeRegion (line 5): "eu-west-1" is not one of governedRegions (us-east-1, ap-northeast-1); add it to governedRegions or pick one of them',
    );
  });

  it('fails on a name that cannot be part of physical names', () => {
    expect(problemsOf(MINIMAL_YAML.replace('name: shop-prod', 'name: Shop_Prod'))).toContain(
      'accounts[2].name (line 11): "Shop_Prod" is not a valid name: use 2-40 lowercase letters, digits and hyphens, starting with a letter (e.g. "shop-prod")',
    );
  });

  it('fails on duplicate account names and ids, and on the management account listed as a member', () => {
    const text = MINIMAL_YAML.replace('name: shop-dev, email', 'name: shop-prod, id: "222222222222", email').replace(
      'name: shop-prod, email',
      'name: shop-prod, id: "111111111111", email',
    );
    const message = problemsOf(text);
    expect(message).toContain('accounts[3].name (line 12): "shop-prod" is already used by accounts[2]; every account needs its own name');
    expect(message).toContain(
      'accounts[2].id (line 11): "111111111111" is the management account (organization.managementAccountId); the management account is not listed under accounts',
    );
  });

  it('fails without a log-archive account and with two security accounts', () => {
    const text = MINIMAL_YAML.replace('role: log-archive', 'role: security');
    const message = problemsOf(text);
    expect(message).toContain('accounts (line 9): has no account with role: log-archive; add one');
    expect(message).toContain(
      'accounts[1].role (line 10): "security" is already the role of accounts[0] (log-archive); exactly one account has this role, make this one a workload',
    );
  });

  it('fails on OUs nested deeper than Organizations allows', () => {
    const message = problemsOf(MINIMAL_YAML.replace('Workloads/Dev]', 'Workloads/Dev, A/B/C/D/E/F]'));
    expect(message).toContain('organizationalUnits[3] (line 7): "A/B/C/D/E/F" is 6 levels deep; Organizations allows 5 levels of OUs under the root, flatten it');
  });

  it('fails when a suspended core account would lose the landing zone', () => {
    const message = problemsOf(MINIMAL_YAML.replace('role: log-archive }', 'role: log-archive, state: suspended }'));
    expect(message).toContain('accounts[0].state (line 9): "suspended" cannot apply to the log-archive account');
  });

  it('fails on a state backend that lacks its settings', () => {
    expect(problemsOf(`${MINIMAL_YAML}state: { backend: s3 }\n`)).toContain(
      'state.bucket (line 13): is required with backend s3; name the state bucket, e.g. "acme-tfstate-111111111111"',
    );
    expect(problemsOf(`${MINIMAL_YAML}state: { backend: cloud }\n`)).toContain(
      'state.cloud (line 13): is required with backend cloud; set { organization: <tfc-org>, workspacePrefix: lz }',
    );
    expect(problemsOf(`${MINIMAL_YAML}state: { backend: consul }\n`)).toContain('state.backend (line 13): "consul" must be one of s3, cloud, local');
  });

  it('fails when the organization name makes a physical name too long', () => {
    const message = problemsOf(MINIMAL_YAML.replace('name: acme', 'name: a-very-long-organization-name-indeed-xyz'));
    expect(message).toMatch(/organization\.name \(line 3\): "a-very-long-organization-name-indeed-xyz" makes the accessLogBucket name ".*" 65 characters long, over the AWS limit of 63; shorten organization.name/);
    expect(message).toContain(
      'organization.name (line 3): "a-very-long-organization-name-indeed-xyz" makes the configLogBucket name "a-very-long-organization-name-indeed-xyz-config-logs-111111111111" 65 characters long, over the AWS limit of 63; shorten organization.name',
    );
  });

  it('fails on a missing file and says what to do', () => {
    expect(() => loadConfigFile('/nonexistent/landing-zone.yaml')).toThrow(
      '/nonexistent/landing-zone.yaml has 1 problem:\n  (top level): does not exist (ENOENT); create it from examples/minimal.yaml or set LZ_CONFIG to your file',
    );
  });

  it('reads a file from disk and names it in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-load-'));
    const file = join(dir, 'org.yaml');
    writeFileSync(file, MINIMAL_YAML.replace('homeRegion: us-east-1', 'homeRegion: us-east-9'));
    let error: unknown;
    try {
      loadConfigFile(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message.startsWith(`${file} has 1 problem:`)).toBe(true);
    expect((error as ConfigError).problems[0]).toEqual(expect.objectContaining({ path: ['organization', 'homeRegion'], line: 5 }));
  });
});

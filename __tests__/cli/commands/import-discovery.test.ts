import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { parseConfig } from '../../../config/load';
import { runLz } from '../../config/broken-configs';
import { synthLandingZone } from '../../harness/synth';
import { AUDIT, emptyWorld, installFakeAws, LOG, MANAGEMENT, ouArn, SHOP, stubs, uninstallFakeAws, type FakeWorld } from '../../discovery/fake-aws';

/*
 * lz import with discovery, end to end in process: a fake AWS (every client mocked, Control Tower over fetch),
 * the command writes the file, and the file loads and synthesizes.
 */

let world: FakeWorld;
let dir: string;
beforeEach(() => {
  world = emptyWorld();
  installFakeAws(world);
  dir = mkdtempSync(join(tmpdir(), 'lz-import-discovery-'));
});
afterAll(uninstallFakeAws);

const REGIONS = ['--home-region', 'us-east-1', '--regions', 'us-east-1,eu-west-1'];

async function importTo(args: string[] = REGIONS) {
  const file = join(dir, 'landing-zone.yaml');
  const run = await runLz(['import', '--output', file, ...args]);
  return { ...run, file, text: existsSync(file) ? readFileSync(file, 'utf8') : '' };
}

/** A brownfield organization without Control Tower: each account runs something. */
function brownfield(): void {
  Object.assign(world.accounts[MANAGEMENT], { passwordPolicy: true, contacts: ['SECURITY'], roles: ['AWSServiceRoleForConfig'], identityCenter: ['us-east-1'] });
  world.accounts[MANAGEMENT].regions['us-east-1'] = { recorders: [{ name: 'default' }], channel: 'default', trails: [{ Name: 'org-trail', HomeRegion: 'us-east-1', IsOrganizationTrail: true, IsMultiRegionTrail: true }] };
  Object.assign(world.accounts[SHOP], { publicAccessBlock: true, budgets: ['shop-prod-monthly-cost'] });
  world.accounts[SHOP].regions['us-east-1'] = { recorders: [{ name: 'shop-recorder' }], channel: 'shop-channel', detector: 'd1e2f3', securityHub: true, analyzers: ['console'], ebs: true };
  world.accounts[SHOP].regions['eu-west-1'] = { detector: 'a1b2c3' };
}

describe('lz import: discovery into adopt sections', () => {
  it('writes each account\'s adopt section, and the file loads and synthesizes', async () => {
    brownfield();
    const { code, output, text } = await importTo();
    expect(output).toContain('services of 4 accounts discovered');
    expect(code).toBe(0);
    const config = parseConfig(text, 'landing-zone.yaml');
    expect(config.organization.adopt).toEqual(
      expect.objectContaining({
        configRecorders: { 'us-east-1': { recorder: 'default', deliveryChannel: 'default' } },
        passwordPolicy: true,
        alternateContacts: ['SECURITY'],
        trails: [{ name: 'org-trail', region: 'us-east-1', organization: true, multiRegion: true, managementEvents: true, takeOver: false }],
      }),
    );
    expect(config.accounts.find((a) => a.name === 'shop-prod')?.adopt).toEqual(
      expect.objectContaining({
        configRecorders: { 'us-east-1': { recorder: 'shop-recorder', deliveryChannel: 'shop-channel' } },
        guardDutyDetectors: { 'us-east-1': 'd1e2f3', 'eu-west-1': 'a1b2c3' },
        securityHub: ['us-east-1'],
        accessAnalyzers: { 'us-east-1': 'console' },
        ebsEncryptionByDefault: ['us-east-1'],
        s3PublicAccessBlock: true,
        budgets: ['shop-prod-monthly-cost'],
      }),
    );
    expect(config.accounts.find((a) => a.name === 'log-archive')?.adopt).toBeUndefined();
    expect(config.controlTower).toBeUndefined();
    expect(text).toContain('# The AWS Config service-linked role AWSServiceRoleForConfig exists in management; the stacks adopt it, nothing to write.');
    expect(() => synthLandingZone(config)).not.toThrow();
  });

  it('assumes the access role in every member account, the management account with its own credentials', async () => {
    await importTo();
    expect(stubs.sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.RoleArn).sort()).toEqual(
      [LOG, AUDIT, SHOP].map((id) => `arn:aws:iam::${id}:role/OrganizationAccountAccessRole`).sort(),
    );
  });

  it('sets identityCenter.region when the instance is in another governed region, and says when there is none', async () => {
    world.accounts[MANAGEMENT].identityCenter = ['eu-west-1'];
    expect(parseConfig((await importTo()).text, 'x.yaml').identityCenter.region).toBe('eu-west-1');
    world.accounts[MANAGEMENT].identityCenter = [];
    const { text } = await importTo([...REGIONS, '--force']);
    expect(text).toContain('# No IAM Identity Center instance was found in the governed regions: enable it in us-east-1 before the first plan of management');
  });

  it('still writes the file when one account is unreachable and one region disabled, lists both, and exits 1', async () => {
    brownfield();
    world.accounts[AUDIT].assumable = [];
    world.accounts[SHOP].regions['eu-west-1'] = { disabled: 'UnrecognizedClientException' };
    const { code, output, text } = await importTo();
    expect(code).toBe(1);
    const config = parseConfig(text, 'landing-zone.yaml');
    expect(config.accounts.find((a) => a.name === 'shop-prod')?.adopt?.guardDutyDetectors).toEqual({ 'us-east-1': 'd1e2f3' });
    const unreachable = `Not discovered, unreachable: audit (${AUDIT}): AssumeRole OrganizationAccountAccessRole: AccessDenied:`;
    const disabled = `Region not enabled for shop-prod (${SHOP}): eu-west-1 (UnrecognizedClientException: The security token included in the request is invalid.)`;
    for (const line of [unreachable, disabled]) {
      expect(text).toContain(`# ${line}`);
      expect(output).toContain(`  ${line}`);
    }
    expect(output).toContain(`Not everything could be discovered (listed in the header of ${join(dir, 'landing-zone.yaml')} too):`);
    expect(text).toContain('run lz import --account audit.');
  });

  it('says when an account could only be read through the other role than the one Terraform will assume', async () => {
    world.accounts[SHOP].assumable = ['AWSControlTowerExecution'];
    const { text } = await importTo();
    expect(text).toContain('# shop-prod was read through AWSControlTowerExecution; Terraform assumes OrganizationAccountAccessRole there, which could not be assumed: create it (docs/accounts.md) before the first plan of its stack.');
  });

  it('--no-discovery reads the organization only', async () => {
    brownfield();
    const { code, text } = await importTo([...REGIONS, '--no-discovery']);
    expect(code).toBe(0);
    expect(text).not.toContain('adopt:');
    expect(stubs.sts.commandCalls(AssumeRoleCommand)).toHaveLength(0);
  });

  it('--skip leaves reads out and says so in the header', async () => {
    brownfield();
    const { code, text } = await importTo([...REGIONS, '--skip', 'access-analyzer,budgets']);
    expect(code).toBe(0);
    expect(stubs.analyzer.calls()).toHaveLength(0);
    expect(stubs.budgets.calls()).toHaveLength(0);
    expect(stubs.guardduty.calls().length).toBeGreaterThan(0);
    expect(text).toContain('# Not read (--skip): access-analyzer, budgets. Nothing of those is adopted');
    expect(parseConfig(text, 'x.yaml').accounts.find((a) => a.name === 'shop-prod')?.adopt?.accessAnalyzers).toEqual({});
  });

  it('fails a --skip that names no read', async () => {
    const { code, output } = await importTo([...REGIONS, '--skip', 'guardduty,macie']);
    expect(code).toBe(1);
    expect(output).toContain('--skip: "macie" is not a read lz import makes; choose from config-recorders, guardduty,');
  });

  it('fails a --concurrency that is not a whole number, before calling AWS', async () => {
    const { code, output } = await importTo([...REGIONS, '--concurrency', '0']);
    expect(code).toBe(1);
    expect(output).toContain('--concurrency "0" is not a whole number from 1 to 64.');
  });
});

/** Control Tower in eu-west-1 governing eu-west-1 and us-east-1, Security and Workloads/Prod registered. */
function controlTower(): void {
  world.serviceAccess = ['controltower.amazonaws.com', 'sso.amazonaws.com'];
  world.controlTower = {
    homeRegion: 'eu-west-1',
    version: '3.3',
    manifest: { governedRegions: ['eu-west-1', 'us-east-1'], organizationStructure: { security: { name: 'Security' } }, centralizedLogging: { accountId: LOG, enabled: true } },
    baselines: [{ targetIdentifier: ouArn('ou-ab12-secu0001') }, { targetIdentifier: ouArn('ou-ab12-prod0001') }, { targetIdentifier: `arn:aws:organizations::${MANAGEMENT}:account/o-exist12345/${LOG}` }],
  };
  world.scps = { 'ou-ab12-secu0001': ['aws-guardrails-AbCdEf', 'aws-guardrails-GhIjKl', 'FullAWSAccess-not'], 'ou-ab12-prod0001': ['aws-guardrails-MnOpQr'] };
  for (const id of [LOG, AUDIT, SHOP]) {
    world.accounts[id].assumable = ['AWSControlTowerExecution'];
    world.accounts[id].roles = ['AWSControlTowerExecution'];
    for (const region of ['us-east-1', 'eu-west-1']) {
      world.accounts[id].regions[region] = { recorders: [{ name: 'aws-controltower-BaselineConfigRecorder' }], channel: 'aws-controltower-BaselineConfigDeliveryChannel' };
    }
  }
  world.accounts[MANAGEMENT].regions['eu-west-1'] = { trails: [{ Name: 'aws-controltower-BaselineCloudTrail', HomeRegion: 'eu-west-1', IsOrganizationTrail: true, IsMultiRegionTrail: true }] };
  world.accounts[SHOP].regions['eu-west-1'].detector = 'ff00';
}

describe('lz import: Control Tower', () => {
  it('reads the landing zone from its API: controlTower section, Control Tower\'s resources left out of adopt', async () => {
    controlTower();
    const { code, text, output } = await importTo(['--home-region', 'us-east-1']);
    expect(output).toContain('Control Tower found');
    const config = parseConfig(text, 'landing-zone.yaml');
    expect(config.controlTower).toEqual(
      expect.objectContaining({ homeRegion: 'eu-west-1', governedRegions: ['eu-west-1', 'us-east-1'], registeredOus: ['Security', 'Workloads/Prod'], organizationTrail: true, scpsPerRegisteredOu: 2 }),
    );
    // --regions not given: the regions Control Tower governs, the given home region first.
    expect(config.organization.governedRegions).toEqual(['us-east-1', 'eu-west-1']);
    expect(config.accounts.find((a) => a.name === 'shop-prod')?.adopt).toEqual(expect.objectContaining({ guardDutyDetectors: { 'eu-west-1': 'ff00' } }));
    expect(config.accounts.find((a) => a.name === 'shop-prod')?.adopt?.configRecorders).toEqual({});
    expect(config.organization.adopt).toBeUndefined();
    expect(text).not.toMatch(/recorder: aws-controltower|name: aws-controltower-BaselineCloudTrail/);
    expect(text).toContain('none of them is an adopt entry');
    expect(config.guardrails.existing.map((p) => p.name)).toEqual(['FullAWSAccess-not']);
    expect(text).toContain("# Control Tower's 3 aws-guardrails-* SCPs (its controls) are not in guardrails.existing: Control Tower keeps them, leave them alone; controlTower.scpsPerRegisteredOu counts them on each registered OU.");
    expect(config.controlTower?.enrolledAccounts).toEqual(['log-archive', 'audit', 'shop-prod']);
    // Enrolled accounts are reached through the execution role first.
    expect(stubs.sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.RoleArn)).toContain(`arn:aws:iam::${SHOP}:role/AWSControlTowerExecution`);
    expect(stubs.sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.RoleArn)).not.toContain(`arn:aws:iam::${SHOP}:role/OrganizationAccountAccessRole`);
    expect(code).toBe(0);
    expect(() => synthLandingZone(config)).not.toThrow();
  });

  it('says where an enrolled account lacks the execution role Terraform will assume there, and nothing where it has it', async () => {
    controlTower();
    world.accounts[SHOP].assumable = ['OrganizationAccountAccessRole'];
    world.accounts[SHOP].roles = [];
    const { text } = await importTo(['--home-region', 'us-east-1']);
    expect(text).toContain('# shop-prod was read through OrganizationAccountAccessRole; Terraform assumes AWSControlTowerExecution there, which the account does not have (GetRole): create it (docs/accounts.md) before the first plan of its stack.');
    expect(text).not.toContain('# audit was read through');
  });

  it('takes Control Tower\'s home region when --home-region is not given, and the trail setting from the manifest', async () => {
    controlTower();
    (world.controlTower!.manifest as { centralizedLogging: { enabled: boolean } }).centralizedLogging.enabled = false;
    const config = parseConfig((await importTo([])).text, 'landing-zone.yaml');
    expect(config.organization.homeRegion).toBe('eu-west-1');
    expect(config.controlTower?.organizationTrail).toBe(false);
  });

  it('with only --regions, takes Control Tower\'s home region and adds no default region to the given ones', async () => {
    controlTower();
    delete process.env.AWS_REGION;
    const config = parseConfig((await importTo(['--regions', 'eu-west-1'])).text, 'landing-zone.yaml');
    expect(config.organization.homeRegion).toBe('eu-west-1');
    expect(config.organization.governedRegions).toEqual(['eu-west-1']);
  });

  it('falls back to signals when the API cannot be read, and says what it guessed', async () => {
    controlTower();
    world.controlTower!.error = { status: 403, type: 'AccessDeniedException' };
    // Only the Security OU's accounts run Control Tower's recorder here.
    world.accounts[SHOP].regions = { 'us-east-1': {}, 'eu-west-1': { detector: 'ff00' } };
    world.accounts[SHOP].assumable = ['OrganizationAccountAccessRole'];
    const { text } = await importTo(REGIONS);
    const config = parseConfig(text, 'landing-zone.yaml');
    expect(config.controlTower).toEqual(expect.objectContaining({ homeRegion: 'us-east-1', governedRegions: ['us-east-1', 'eu-west-1'], registeredOus: ['Security'], organizationTrail: true, scpsPerRegisteredOu: 2 }));
    expect(text).toContain('# Control Tower: Control Tower detected from signals (Control Tower\'s recorder in 2 account(s), trusted access for controltower.amazonaws.com, AWSControlTowerExecution in 3 account(s)) because the Control Tower API could not be read (ListLandingZones in us-east-1: AccessDeniedException)');
    expect(config.accounts.find((a) => a.name === 'log-archive')?.adopt).toBeUndefined();
  });

  it('takes the OUs Control Tower made when the enabled baselines name no OU (older landing zones), and says to add the others', async () => {
    controlTower();
    world.controlTower!.baselines = undefined;
    const { text } = await importTo(['--home-region', 'eu-west-1']);
    expect(parseConfig(text, 'x.yaml').controlTower?.registeredOus).toEqual(['Security']);
    expect(text).toContain('# Control Tower: no registered OU could be read from the enabled baselines; registeredOus holds only the OUs Control Tower made (Security): add every other OU registered in the Control Tower console.');
  });

  it('writes no controlTower when nothing points to Control Tower', async () => {
    world.controlTower = { error: { status: 403, type: 'AccessDeniedException' } };
    const config = parseConfig((await importTo()).text, 'landing-zone.yaml');
    expect(config.controlTower).toBeUndefined();
  });
});

const WITH_COMMENTS = `# Our landing zone. Keep this comment.
organization:
  name: acme
  managementAccountId: "${MANAGEMENT}"
  id: o-exist12345
  homeRegion: us-east-1
  governedRegions: [us-east-1, eu-west-1] # flow style stays
state:
  backend: local
organizationalUnits: [Security, Workloads, Workloads/Prod]
accounts:
  - name: log-archive
    email: log@acme.example
    ou: Security
    role: log-archive
    id: "${LOG}"
  - name: audit
    email: audit@acme.example
    ou: Security
    role: security
    id: "${AUDIT}"
  # The shop, added later.
  - name: shop-prod
    email: shop@acme.example
    ou: Workloads/Prod
    id: "${SHOP}"
    adopt:
      passwordPolicy: true # stale: replaced by discovery
  - name: new-team
    email: team@acme.example
    ou: Workloads
`;

describe('lz import --account', () => {
  function configFile(text = WITH_COMMENTS): string {
    const file = join(dir, 'landing-zone.yaml');
    writeFileSync(file, text);
    return file;
  }

  it('rewrites only that account\'s adopt section, keeping comments and layout', async () => {
    brownfield();
    const file = configFile();
    const { code, output } = await runLz(['import', '--account', 'shop-prod', '--config', file]);
    expect(output).toContain(`Wrote accounts: shop-prod, adopt in ${file}: 2 regions read through OrganizationAccountAccessRole.`);
    expect(code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# Our landing zone. Keep this comment.');
    expect(text).toContain('# The shop, added later.');
    expect(text).toContain('governedRegions: [us-east-1, eu-west-1] # flow style stays');
    const before = WITH_COMMENTS.split('\n');
    const after = text.split('\n');
    // Everything before the shop's adopt section is unchanged, line for line, but for organization.rootId read from
    // Organizations (the only organization record this organization has), and everything after its end.
    const adoptAt = before.findIndex((l) => l.includes('adopt:'));
    const expected = before.slice(0, adoptAt);
    expected.splice(before.indexOf('  id: o-exist12345') + 1, 0, '  rootId: r-ab12');
    expect(after.slice(0, adoptAt + 1)).toEqual(expected);
    expect(after.slice(after.indexOf('  - name: new-team'))).toEqual(before.slice(before.indexOf('  - name: new-team')));
    expect(text).not.toContain('stale');
    const config = parseConfig(text, file);
    expect(config.accounts.find((a) => a.name === 'shop-prod')?.adopt).toEqual(
      expect.objectContaining({ guardDutyDetectors: { 'us-east-1': 'd1e2f3', 'eu-west-1': 'a1b2c3' }, s3PublicAccessBlock: true, passwordPolicy: false, budgets: ['shop-prod-monthly-cost'] }),
    );
    expect(config.accounts.find((a) => a.name === 'audit')?.adopt).toBeUndefined();
    expect(stubs.sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
  });

  it('--output - prints the updated file and leaves the config as it is', async () => {
    brownfield();
    const file = configFile();
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect((await runLz(['import', '--account', 'shop-prod', '--config', file, '--output', '-'])).code).toBe(0);
      expect(String(write.mock.calls[0][0])).toContain('guardDutyDetectors:');
    } finally {
      write.mockRestore();
    }
    expect(readFileSync(file, 'utf8')).toBe(WITH_COMMENTS);
  });

  it('takes the account by id too, and the management account into organization.adopt', async () => {
    brownfield();
    const file = configFile();
    expect((await runLz(['import', '--account', SHOP, '--config', file])).code).toBe(0);
    expect((await runLz(['import', '--account', 'management', '--config', file])).code).toBe(0);
    const config = parseConfig(readFileSync(file, 'utf8'), file);
    expect(config.organization.adopt?.configRecorders).toEqual({ 'us-east-1': { recorder: 'default', deliveryChannel: 'default' } });
    expect(config.accounts.find((a) => a.name === 'shop-prod')?.adopt?.securityHub).toEqual(['us-east-1']);
  });

  it('fails an account that is not in the file, naming the ones there are and the fix', async () => {
    const file = configFile();
    const { code, output } = await runLz(['import', '--account', 'payments', '--config', file]);
    expect(code).toBe(1);
    expect(output).toContain(`--account "payments" is not in ${file} (accounts: log-archive, audit, shop-prod, new-team, or "management"). Add the account under accounts with its name, email, ou and id first`);
    expect(readFileSync(file, 'utf8')).toBe(WITH_COMMENTS);
  });

  it('fails an account without an id: it is created by the landing zone, nothing to adopt', async () => {
    const file = configFile();
    const { code, output } = await runLz(['import', '--account', 'new-team', '--config', file]);
    expect(code).toBe(1);
    expect(output).toContain(`accounts[3] (new-team) in ${file} has no id: lz import --account reads an account that exists in AWS. Add its 12-digit id`);
  });

  it('fails an unreachable account and leaves the file as it was', async () => {
    world.accounts[SHOP].assumable = [];
    const file = configFile();
    const { code, output } = await runLz(['import', '--account', 'shop-prod', '--config', file]);
    expect(code).toBe(1);
    expect(output).toContain(`Cannot read shop-prod (${SHOP}): AssumeRole OrganizationAccountAccessRole: AccessDenied`);
    expect(output).toContain(`${file} is unchanged`);
    expect(readFileSync(file, 'utf8')).toBe(WITH_COMMENTS);
  });

  it('in Control Tower mode reaches an enrolled account through the execution role and adopts none of Control Tower\'s', async () => {
    controlTower();
    const text = WITH_COMMENTS.replace('state:', 'controlTower:\n  homeRegion: eu-west-1\n  governedRegions: [eu-west-1, us-east-1]\n  registeredOus: [Workloads/Prod]\nstate:');
    const file = configFile(text);
    const { code } = await runLz(['import', '--account', 'shop-prod', '--config', file]);
    expect(code).toBe(0);
    expect(stubs.sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.RoleArn)).toEqual([`arn:aws:iam::${SHOP}:role/AWSControlTowerExecution`]);
    const adopt = parseConfig(readFileSync(file, 'utf8'), file).accounts.find((a) => a.name === 'shop-prod')?.adopt;
    expect(adopt?.configRecorders).toEqual({});
    expect(adopt?.guardDutyDetectors).toEqual({ 'eu-west-1': 'ff00' });
  });
});

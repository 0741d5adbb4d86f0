import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../config/load';
import { planGuardrails } from '../../../policies/plan';
import { declaredEc2Attributes } from '../../../policies/declarative/ec2-attributes';
import { policyTypesInUse } from '../../../policies/policy-types';
import { runLz } from '../../config/broken-configs';
import { AUDIT, awsError, emptyWorld, installFakeAws, LOG, MANAGEMENT, ouArn, SHOP, stubs, uninstallFakeAws, type FakeWorld } from '../../discovery/fake-aws';

/*
 * Taking over an organization that has run for years (issue 20): lz import writes every list the landing zone treats
 * as authoritative (enabled policy types, trusted access) and every singleton AWS allows once (delegated
 * administrators, an organization trail, a policy name), so that the first apply neither breaks nor loses them.
 */

let world: FakeWorld;
let dir: string;
beforeEach(() => {
  world = emptyWorld();
  installFakeAws(world);
  dir = mkdtempSync(join(tmpdir(), 'lz-import-takeover-'));
});
afterAll(uninstallFakeAws);

const CLOSED = '555555555555';


/**
 * Control Tower registered on Security; BACKUP_POLICY and TAG_POLICY enabled besides SCPs; custom SCPs on Root and an
 * OU, one named like the catalogue's region-deny and one like deny-root-user; a backup policy on an OU, a tag policy on
 * an account and a closed one; delegated administrators (GuardDuty in two regions to the security account, Inspector
 * to the log archive, Backup to the shop); an organization trail corp-org-trail and a data-events-only trail.
 */
function takeover(): void {
  world.serviceAccess = ['controltower.amazonaws.com', 'backup.amazonaws.com'];
  world.controlTower = {
    homeRegion: 'us-east-1',
    manifest: { governedRegions: ['us-east-1', 'eu-west-1'], centralizedLogging: { enabled: true } },
    baselines: [{ targetIdentifier: ouArn('ou-ab12-secu0001') }],
  };
  world.policyTypes = ['SERVICE_CONTROL_POLICY', 'BACKUP_POLICY', 'TAG_POLICY'];
  world.scps = { 'ou-ab12-secu0001': ['aws-guardrails-AbCdEf'] };
  world.policies = [
    { Id: 'p-FullAWSAccess', Name: 'FullAWSAccess', Type: 'SERVICE_CONTROL_POLICY', AwsManaged: true, targets: [{ TargetId: 'r-ab12', Type: 'ROOT' }] },
    { Id: 'p-denyregions1', Name: 'DenyRegions', Type: 'SERVICE_CONTROL_POLICY', targets: [{ TargetId: 'ou-ab12-work0001', Type: 'ORGANIZATIONAL_UNIT' }, { TargetId: 'r-ab12', Type: 'ROOT' }] },
    { Id: 'p-regiondeny1', Name: 'region-deny', Type: 'SERVICE_CONTROL_POLICY', targets: [{ TargetId: 'ou-ab12-prod0001', Type: 'ORGANIZATIONAL_UNIT' }] },
    { Id: 'p-denyroot001', Name: 'deny-root-user', Type: 'SERVICE_CONTROL_POLICY', targets: [{ TargetId: 'r-ab12', Type: 'ROOT' }] },
    { Id: 'p-backup00001', Name: 'daily-backups', Type: 'BACKUP_POLICY', targets: [{ TargetId: 'ou-ab12-work0001', Type: 'ORGANIZATIONAL_UNIT' }] },
    {
      Id: 'p-tags0000001',
      Name: 'cost-tags',
      Type: 'TAG_POLICY',
      targets: [
        { TargetId: SHOP, Type: 'ACCOUNT', Name: 'Shop Prod' },
        { TargetId: CLOSED, Type: 'ACCOUNT', Name: 'Old POC' },
      ],
    },
  ];
  world.delegatedAdministrators = { [AUDIT]: ['guardduty.amazonaws.com'], [LOG]: ['inspector2.amazonaws.com'], [SHOP]: ['backup.amazonaws.com'] };
  world.accounts[MANAGEMENT].regions['us-east-1'] = {
    admins: { 'guardduty.amazonaws.com': [AUDIT], 'inspector2.amazonaws.com': [LOG] },
    trails: [
      { Name: 'corp-org-trail', HomeRegion: 'us-east-1', IsOrganizationTrail: true, IsMultiRegionTrail: true },
      {
        Name: 'data-events',
        HomeRegion: 'us-east-1',
        IsMultiRegionTrail: true,
        selectors: { EventSelectors: [{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] },
      },
      { Name: 'aws-controltower-BaselineCloudTrail', HomeRegion: 'us-east-1', IsOrganizationTrail: true, IsMultiRegionTrail: true },
    ],
  };
  world.accounts[MANAGEMENT].regions['eu-west-1'] = { admins: { 'guardduty.amazonaws.com': [AUDIT] } };
  for (const id of [LOG, AUDIT]) {
    world.accounts[id].assumable = ['AWSControlTowerExecution'];
    world.accounts[id].regions['us-east-1'] = { recorders: [{ name: 'aws-controltower-BaselineConfigRecorder' }], channel: 'aws-controltower-BaselineConfigDeliveryChannel' };
  }
}

async function importTo(args: string[] = []) {
  const file = join(dir, 'landing-zone.yaml');
  const run = await runLz(['import', '--output', file, '--home-region', 'us-east-1', '--regions', 'us-east-1,eu-west-1', ...args]);
  return { ...run, file, text: existsSync(file) ? readFileSync(file, 'utf8') : '' };
}

describe('lz import: an organization taken over', () => {
  it('writes the organization\'s root, policy types, existing policies and delegated administrators, and the file loads', async () => {
    takeover();
    const { code, text, output } = await importTo();
    expect(output).not.toContain('problem');
    expect(code).toBe(0);
    const config = parseConfig(text, 'landing-zone.yaml');
    expect(config.organization.rootId).toBe('r-ab12');
    expect(config.organization.additionalPolicyTypes).toEqual(['BACKUP_POLICY', 'TAG_POLICY']);
    expect(config.guardrails.existing).toEqual([
      { id: 'p-denyroot001', name: 'deny-root-user', type: 'SERVICE_CONTROL_POLICY', targets: ['Root'] },
      { id: 'p-denyregions1', name: 'DenyRegions', type: 'SERVICE_CONTROL_POLICY', targets: ['Root', 'Workloads'] },
      { id: 'p-regiondeny1', name: 'region-deny', type: 'SERVICE_CONTROL_POLICY', targets: ['Workloads/Prod'] },
      { id: 'p-tags0000001', name: 'cost-tags', type: 'TAG_POLICY', targets: ['shop-prod'] },
      { id: 'p-backup00001', name: 'daily-backups', type: 'BACKUP_POLICY', targets: ['Workloads'] },
    ]);
    expect(config.organization.delegatedAdministrators).toEqual([
      { service: 'backup.amazonaws.com', account: 'shop-prod' },
      { service: 'guardduty.amazonaws.com', account: 'audit', regions: ['us-east-1', 'eu-west-1'] },
      { service: 'inspector2.amazonaws.com', account: 'log-archive', regions: ['us-east-1'] },
    ]);
    expect(config.controlTower?.enrolledAccounts).toEqual(['log-archive', 'audit']);
    // The guardrails keep SCPs enabled; the other enabled types are kept by the list, so no type is switched off.
    expect([...policyTypesInUse(config), ...config.organization.additionalPolicyTypes].sort()).toEqual(['BACKUP_POLICY', 'SERVICE_CONTROL_POLICY', 'TAG_POLICY']);
  });

  it('adopts the existing policy named like a catalogue guardrail the file creates, and says how to adopt one it does not turn on', async () => {
    takeover();
    const { text } = await importTo();
    const config = parseConfig(text, 'landing-zone.yaml');
    expect(config.guardrails.scp).toEqual([expect.objectContaining({ policy: 'deny-root-user', id: 'p-denyroot001' })]);
    const planned = planGuardrails(config).policies;
    expect(planned.find((p) => p.name === 'deny-root-user')?.adoptId).toBe('p-denyroot001');
    // region-deny stays off on an adopted organization: nothing of that name is created, nothing to adopt yet.
    expect(planned.some((p) => p.name === 'region-deny')).toBe(false);
    expect(text).toContain(
      '# The organization already has the SCP "deny-root-user" (p-denyroot001) that this file would create: guardrails.scp adopts it (id: p-denyroot001), so the first plan imports it instead of creating a second one (AWS refuses a duplicate name), then gives it the catalogue content and targets.',
    );
    expect(text).toContain(
      '# The organization has the SCP "region-deny" (p-regiondeny1) named like the catalogue guardrail region-deny, which this file does not turn on: when you turn it on, give its entry id: p-regiondeny1 (guardrails.scp: [{ policy: region-deny, id: p-regiondeny1 }]) to adopt it, or AWS refuses a second policy of that name.',
    );
  });

  it('records what an existing EC2 declarative policy declares, so the baselines of the accounts it reaches leave those settings alone', async () => {
    takeover();
    world.policyTypes!.push('DECLARATIVE_POLICY_EC2');
    world.policies!.push({
      Id: 'p-ec2decl0001',
      Name: 'corp-ec2',
      Type: 'DECLARATIVE_POLICY_EC2',
      targets: [{ TargetId: 'ou-ab12-work0001', Type: 'ORGANIZATIONAL_UNIT' }],
      Content: JSON.stringify({ ec2_attributes: { instance_metadata_defaults: { http_tokens: { '@@assign': 'required' } }, vpc_block_public_access: { internet_gateway_block: { mode: { '@@assign': 'block_ingress' } } } } }),
    });
    const config = parseConfig((await importTo()).text, 'landing-zone.yaml');
    expect(config.guardrails.existing.find((p) => p.name === 'corp-ec2')).toEqual({
      id: 'p-ec2decl0001',
      name: 'corp-ec2',
      type: 'DECLARATIVE_POLICY_EC2',
      targets: ['Workloads'],
      ec2Attributes: ['instance_metadata_defaults', 'vpc_block_public_access'],
    });
    expect(declaredEc2Attributes(config, 'shop-prod')).toEqual(new Set(['instance_metadata_defaults', 'vpc_block_public_access']));
    expect(declaredEc2Attributes(config, 'log-archive')).toEqual(new Set());
  });

  it('leaves Control Tower\'s SCPs, AWS managed policies and attachments to accounts not in the file out, and says so', async () => {
    takeover();
    const { text } = await importTo();
    const names = parseConfig(text, 'landing-zone.yaml').guardrails.existing.map((p) => p.name);
    expect(names).not.toContain('aws-guardrails-AbCdEf');
    expect(names).not.toContain('FullAWSAccess');
    expect(text).toContain("# Control Tower's 1 aws-guardrails-* SCP (its controls) are not in guardrails.existing: Control Tower keeps them, leave them alone; controlTower.scpsPerRegisteredOu counts them on each registered OU.");
    expect(text).toContain(`# Attachments left out of guardrails.existing, their target is not in this file: tag policy "cost-tags" (p-tags0000001) on account Old POC (${CLOSED}), which is not in this file.`);
    expect(text).toContain('# Policy types enabled at the root that the guardrails of this file do not use are kept (organization.additionalPolicyTypes): BACKUP_POLICY, TAG_POLICY.');
    expect(text).not.toContain('# Existing organization policies');
  });

  it('lists Control Tower\'s SCPs as existing policies when no Control Tower landing zone is written', async () => {
    takeover();
    world.controlTower = undefined;
    for (const id of [LOG, AUDIT]) world.accounts[id].regions['us-east-1'] = {};
    const config = parseConfig((await importTo()).text, 'landing-zone.yaml');
    expect(config.controlTower).toBeUndefined();
    expect(config.guardrails.existing.find((p) => p.name === 'aws-guardrails-AbCdEf')?.targets).toEqual(['Security']);
    // Control Tower's trail is an ordinary organization trail then, left alone like any other.
    expect(config.organization.adopt?.trails?.find((t) => t.name === 'aws-controltower-BaselineCloudTrail')).toBeDefined();
  });

  it('leaves the other organization trail alone (takeOver: false) and marks the data-events trail', async () => {
    takeover();
    const { text } = await importTo();
    expect(parseConfig(text, 'landing-zone.yaml').organization.adopt?.trails).toEqual([
      { name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true, managementEvents: true, takeOver: false },
      { name: 'data-events', region: 'us-east-1', organization: false, multiRegion: true, managementEvents: false },
    ]);
    expect(text).toContain(
      '# The management account\'s organization trail "corp-org-trail" (us-east-1) records management events and is not the landing zone\'s: it is left alone (adopt.trails takeOver: false), and the landing zone makes no second trail recording management events. To take it over, set takeOver: true: the first plan imports it under its name, then delivers it to the log archive with the landing zone\'s settings.',
    );
    // The landing zone's own trail from an earlier run is its own: no takeOver.
    world.accounts[MANAGEMENT].regions['us-east-1'].trails = [{ Name: 'acme-management-organization-trail', HomeRegion: 'us-east-1', IsOrganizationTrail: true, IsMultiRegionTrail: true }];
    const again = parseConfig((await importTo(['--force'])).text, 'x.yaml');
    expect(again.organization.adopt?.trails).toEqual([{ name: 'acme-management-organization-trail', region: 'us-east-1', organization: true, multiRegion: true, managementEvents: true }]);
  });

  it('says which behaviour settings stay off on the adopted organization, pointing to lz check', async () => {
    takeover();
    const { text } = await importTo();
    expect(text).toMatch(
      /^# This organization is adopted \(organization\.id\): these behaviour settings stay off in its existing accounts until the config turns them on: region deny \(SCP region-deny\); no IAM user access keys \(SCP deny-iam-user-access-keys\); .*; S3 account public access block \(baseline\.s3BlockPublicAccess\)\. lz check lists each with what turning it on does/m,
    );
  });

  it('leaves out an administrator that is the management account, and says so', async () => {
    takeover();
    world.accounts[MANAGEMENT].regions['eu-west-1'].admins = { 'detective.amazonaws.com': [MANAGEMENT] };
    const { text } = await importTo();
    expect(parseConfig(text, 'x.yaml').organization.delegatedAdministrators.map((d) => d.service)).not.toContain('detective.amazonaws.com');
    expect(text).toContain(`# Delegated administrators left out of organization.delegatedAdministrators, their account is not in this file: detective.amazonaws.com → the management account ${MANAGEMENT}; the landing zone leaves them alone.`);
  });

  it('still writes what was read when one region of one service refuses, lists the gap and exits 1', async () => {
    takeover();
    world.accounts[MANAGEMENT].regions['eu-west-1'].failing = { 'guardduty.ListOrganizationAdminAccounts': awsError('AccessDeniedException', 'no guardduty:ListOrganizationAdminAccounts', 403) };
    const { code, text, output } = await importTo();
    expect(code).toBe(1);
    const gap = "Could not read: GuardDuty (ListOrganizationAdminAccounts) in eu-west-1: AccessDeniedException: no guardduty:ListOrganizationAdminAccounts; organization.delegatedAdministrators may miss guardduty.amazonaws.com's administrator there.";
    expect(text).toContain(`# ${gap}`);
    expect(output).toContain(`  ${gap}`);
    expect(parseConfig(text, 'x.yaml').organization.delegatedAdministrators.find((d) => d.service === 'guardduty.amazonaws.com')?.regions).toEqual(['us-east-1']);
  });

  it('--skip delegated-administrators reads none of them and says so', async () => {
    takeover();
    const { code, text } = await importTo(['--skip', 'delegated-administrators']);
    expect(code).toBe(0);
    expect(parseConfig(text, 'x.yaml').organization.delegatedAdministrators).toEqual([]);
    expect(stubs.macie.calls()).toHaveLength(0);
    expect(text).toContain('# Not read (--skip): delegated-administrators.');
  });

  it('--no-discovery still writes the root, the policy types and the existing policies', async () => {
    takeover();
    const { text } = await importTo(['--no-discovery']);
    const config = parseConfig(text, 'x.yaml');
    expect(config.organization.rootId).toBe('r-ab12');
    expect(config.organization.additionalPolicyTypes).toEqual(['BACKUP_POLICY', 'TAG_POLICY']);
    expect(config.guardrails.existing.map((p) => p.name)).toContain('aws-guardrails-AbCdEf');
    expect(text).toContain('# Not read (--no-discovery): what the accounts run, AWS Control Tower and the delegated administrators.');
  });

  it('still writes the file when GuardDuty\'s single administrator is another account than the security account', async () => {
    takeover();
    world.delegatedAdministrators = { [SHOP]: ['guardduty.amazonaws.com'] };
    world.accounts[MANAGEMENT].regions['us-east-1'].admins = { 'guardduty.amazonaws.com': [SHOP] };
    world.accounts[MANAGEMENT].regions['eu-west-1'].admins = {};
    const { text } = await importTo();
    expect(text).toMatch(/delegatedAdministrators:\n {4}- service: guardduty\.amazonaws\.com\n {6}account: shop-prod\n {6}regions:\n {8}- us-east-1\n/);
  });
});

/** The file a person keeps after the first import: comments, flow lists, a takeOver choice and adoptions. */
const KEPT = `# Acme's landing zone. Keep this comment.
organization:
  name: acme
  managementAccountId: "${MANAGEMENT}"
  id: o-exist12345
  rootId: r-ab12 # the root
  homeRegion: us-east-1
  governedRegions: [us-east-1, eu-west-1] # flow style stays
  ouIds:
    Security: ou-ab12-secu0001
    Workloads: ou-ab12-work0001
    Workloads/Prod: ou-ab12-prod0001
  additionalPolicyTypes: [BACKUP_POLICY, TAG_POLICY] # kept by lz import
  delegatedAdministrators:
    # GuardDuty stays with the security account.
    - service: guardduty.amazonaws.com
      account: audit
      regions: [us-east-1, eu-west-1]
  adopt:
    trails:
      - name: corp-org-trail
        region: us-east-1
        organization: true
        multiRegion: true
        takeOver: true # we take it over
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
  # The shop.
  - name: shop-prod
    email: shop@acme.example
    ou: Workloads/Prod
    id: "${SHOP}"
guardrails:
  scp:
    - policy: deny-root-user
      id: p-denyroot001 # adopted
  existing:
    - id: p-denyroot001
      name: deny-root-user
      type: SERVICE_CONTROL_POLICY
      targets: [Root]
    - id: p-denyregions1
      name: DenyRegions
      type: SERVICE_CONTROL_POLICY
      targets: [Root, Workloads]
controlTower:
  homeRegion: us-east-1
  governedRegions: [us-east-1, eu-west-1]
  registeredOus: [Security, Workloads/Prod]
  organizationTrail: false
`;

describe('lz import --account: the organization\'s records refreshed', () => {
  function keptFile(text = KEPT): string {
    const file = join(dir, 'landing-zone.yaml');
    writeFileSync(file, text);
    return file;
  }

  /** The organization a year on: Backup delegated to the shop, a new tag policy, the landing zone's own policies. */
  function aYearOn(): void {
    takeover();
    world.controlTower = undefined;
    world.scps = {};
    world.policies = [
      ...world.policies!.filter((p) => ['p-denyroot001', 'p-denyregions1'].includes(p.Id)),
      { Id: 'p-tags0000001', Name: 'cost-tags', Type: 'TAG_POLICY', targets: [{ TargetId: SHOP, Type: 'ACCOUNT', Name: 'Shop Prod' }] },
      // Made by the landing zone's first apply: its own, not existing.
      { Id: 'p-denyleave01', Name: 'deny-leave-organization', Type: 'SERVICE_CONTROL_POLICY', targets: [{ TargetId: 'r-ab12', Type: 'ROOT' }] },
    ];
    world.delegatedAdministrators = { [AUDIT]: ['guardduty.amazonaws.com'], [SHOP]: ['backup.amazonaws.com'] };
    world.accounts[MANAGEMENT].regions['us-east-1'].admins = { 'guardduty.amazonaws.com': [AUDIT] };
    world.accounts[MANAGEMENT].regions['eu-west-1'].admins = {};
    world.accounts[SHOP].regions['us-east-1'] = { recorders: [{ name: 'aws-controltower-BaselineConfigRecorder' }] };
  }

  it('keeps comments, layout, the adoptions and the takeOver choice; changes only the records that differ', async () => {
    aYearOn();
    const file = keptFile();
    const { code, output } = await runLz(['import', '--account', 'management', '--config', file]);
    expect(output).toContain('Refreshed from Organizations: organization.rootId, additionalPolicyTypes, delegatedAdministrators, guardrails.existing');
    expect(code).toBe(0);
    const text = readFileSync(file, 'utf8');
    const config = parseConfig(text, file);
    expect(config.organization.adopt?.trails).toEqual([
      { name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true, managementEvents: true, takeOver: true },
      { name: 'data-events', region: 'us-east-1', organization: false, multiRegion: true, managementEvents: false },
    ]);
    expect(config.organization.delegatedAdministrators).toEqual([
      { service: 'backup.amazonaws.com', account: 'shop-prod' },
      { service: 'guardduty.amazonaws.com', account: 'audit', regions: ['us-east-1'] },
    ]);
    expect(config.guardrails.existing).toEqual([
      { id: 'p-denyroot001', name: 'deny-root-user', type: 'SERVICE_CONTROL_POLICY', targets: ['Root'] },
      { id: 'p-denyregions1', name: 'DenyRegions', type: 'SERVICE_CONTROL_POLICY', targets: ['Root', 'Workloads'] },
      { id: 'p-tags0000001', name: 'cost-tags', type: 'TAG_POLICY', targets: ['shop-prod'] },
    ]);
    expect(config.guardrails.scp).toEqual([expect.objectContaining({ policy: 'deny-root-user', id: 'p-denyroot001' })]);
    // Line for line: the header, the organization up to delegatedAdministrators, the accounts and guardrails.scp stay.
    const before = KEPT.split('\n');
    const after = text.split('\n');
    const upTo = (lines: string[], marker: string) => lines.slice(0, lines.findIndex((l) => l.startsWith(marker)));
    expect(upTo(after, '  delegatedAdministrators:')).toEqual(upTo(before, '  delegatedAdministrators:'));
    const from = (lines: string[], start: string, end: string) => lines.slice(lines.indexOf(start), lines.indexOf(end));
    expect(from(after, 'state:', '  existing:')).toEqual(from(before, 'state:', '  existing:'));
    expect(after.slice(after.indexOf('controlTower:'))).toEqual(before.slice(before.indexOf('controlTower:')));
    expect(text).toContain('takeOver: true');
    // A list item that stays keeps its node: its flow style and comments.
    expect(text).toContain('      targets: [Root, Workloads]\n');
    expect(text).toContain('      id: p-denyroot001 # adopted\n');
  });

  it('adds the account read to controlTower.enrolledAccounts when Control Tower\'s recorder runs there', async () => {
    aYearOn();
    const file = keptFile(KEPT.replace('  registeredOus: [Security, Workloads/Prod]\n', '  registeredOus: [Security, Workloads/Prod]\n  enrolledAccounts: [log-archive, audit]\n'));
    expect((await runLz(['import', '--account', 'shop-prod', '--config', file])).code).toBe(0);
    const config = parseConfig(readFileSync(file, 'utf8'), file);
    expect(config.controlTower?.enrolledAccounts).toEqual(['log-archive', 'audit', 'shop-prod']);
  });

  it('writes controlTower.enrolledAccounts when the account read runs no Control Tower recorder though its OU is registered', async () => {
    aYearOn();
    world.accounts[SHOP].regions['us-east-1'] = {};
    const file = keptFile();
    const { code, output } = await runLz(['import', '--account', 'shop-prod', '--config', file]);
    expect(code).toBe(0);
    const config = parseConfig(readFileSync(file, 'utf8'), file);
    expect(config.controlTower?.enrolledAccounts).toEqual(['log-archive', 'audit']);
    expect(output).toContain('controlTower.enrolledAccounts is written: shop-prod sits in a registered OU but runs no Control Tower recorder');
  });

  it('keeps the policy types the file lists when a refresh reads fewer enabled', async () => {
    aYearOn();
    world.policyTypes = ['SERVICE_CONTROL_POLICY', 'TAG_POLICY', 'AISERVICES_OPT_OUT_POLICY'];
    const file = keptFile();
    expect((await runLz(['import', '--account', 'audit', '--config', file])).code).toBe(0);
    expect(parseConfig(readFileSync(file, 'utf8'), file).organization.additionalPolicyTypes).toEqual(['BACKUP_POLICY', 'TAG_POLICY', 'AISERVICES_OPT_OUT_POLICY']);
  });

  it('keeps what the file records where a read fails, and says so', async () => {
    aYearOn();
    world.organizationsFailing = { ListDelegatedAdministrators: awsError('AccessDeniedException', 'denied', 403) };
    world.accounts[MANAGEMENT].regions['eu-west-1'].failing = { 'guardduty.ListOrganizationAdminAccounts': awsError('AccessDeniedException', 'denied', 403) };
    const file = keptFile();
    const { code, output } = await runLz(['import', '--account', 'log-archive', '--config', file]);
    expect(code).toBe(1);
    expect(parseConfig(readFileSync(file, 'utf8'), file).organization.delegatedAdministrators).toEqual([{ service: 'guardduty.amazonaws.com', account: 'audit', regions: ['us-east-1', 'eu-west-1'] }]);
    expect(output).toContain(
      "Could not read: GuardDuty (ListOrganizationAdminAccounts) in eu-west-1: AccessDeniedException: denied; organization.delegatedAdministrators may miss guardduty.amazonaws.com's administrator there; what the file records there is kept.",
    );
  });
});

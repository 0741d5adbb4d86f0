import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseConfig } from '../../../config/load';
import { defaultTags } from '../../../stacks/landing-zone-stack';
import { ROOT, exampleConfig } from '../config';
import type { EmulatorConfigs, SeededIds } from './config';
import { emulatorConfigText, MOTO_ACCOUNT_ID, seedEmulator } from './config';
import type { EmulatorEndpoints, ExampleRun, PlanSummary } from './apply';

/*
 * The brownfield scenario on the emulator: an organization whose accounts already run things (a Config
 * recorder and delivery channel under other names, the Config service-linked role, a password policy, ...)
 * before the landing zone arrives. The pure parts (what is expected of `lz import` and of the first plan)
 * are unit-tested in brownfield.test.ts; brownfield.py does the boto3 work.
 */

/** What one account already runs, as the seed creates it (brownfield.py, mode seed). */
export interface ExistingResources {
  /** Per region, the recorder and delivery channel names (the channel delivers to a bucket of the account's own). */
  readonly configRecorders?: Readonly<Record<string, { readonly recorder: string; readonly deliveryChannel: string }>>;
  /** AWSServiceRoleForConfig (CreateServiceLinkedRole config.amazonaws.com). */
  readonly configServiceLinkedRole?: boolean;
  readonly passwordPolicy?: boolean;
  /** The S3 account-level public access block. */
  readonly s3PublicAccessBlock?: boolean;
  /** Regions with EBS encryption by default on. */
  readonly ebsEncryptionByDefault?: readonly string[];
  /** Budget names (the landing zone's own names, so that they must be adopted). */
  readonly budgets?: readonly string[];
  /** Regions with a GuardDuty detector. */
  readonly guardDutyDetectors?: readonly string[];
  /**
   * Trails (name, home region), each with a bucket of the account's own: single-region account trails, or with
   * `organization` a multi-region organization trail of the management account (management events).
   */
  readonly trails?: ReadonlyArray<{ readonly name: string; readonly region: string; readonly organization?: boolean }>;
  /** Alternate contact types already set. */
  readonly alternateContacts?: ReadonlyArray<'BILLING' | 'OPERATIONS' | 'SECURITY'>;
  /** Regions with a VPC whose internet gateway carries traffic (VPC Block Public Access would cut it). */
  readonly vpcs?: readonly string[];
  /** Regions where AWS Control Tower's recorder and channel run (an enrolled account). */
  readonly controlTowerRecorders?: readonly string[];
  /** IAM roles the account already has, trusting the management account (AWSControlTowerExecution in an enrolled one). */
  readonly roles?: readonly string[];
}

/** What the organization itself has run for years, made with the management account's credentials. */
export interface ExistingOrganization {
  /** Policy types enabled at the root besides SERVICE_CONTROL_POLICY. */
  readonly policyTypes: readonly string[];
  /** Policies and where they are attached: "Root", OU paths, account names. */
  readonly policies: ReadonlyArray<{ readonly name: string; readonly type: string; readonly content: string; readonly targets: readonly string[] }>;
  /** Delegated administrators: GuardDuty's through its own API in `regions`, the others through Organizations. */
  readonly delegatedAdministrators: ReadonlyArray<{ readonly service: string; readonly account: string; readonly regions?: readonly string[] }>;
  /** Trusted access enabled outside the landing zone. */
  readonly trustedAccess: readonly string[];
}

export interface BrownfieldAccount {
  readonly name: string;
  readonly email: string;
  /** OU path the account already sits in. */
  readonly ou: string;
  readonly existing: ExistingResources;
}

export interface BrownfieldScenario {
  /** organization.name (`lz import --name`). */
  readonly name: string;
  readonly homeRegion: string;
  /** Governed regions, the home region first (`lz import --regions`). */
  readonly regions: readonly string[];
  /** OU paths of the existing organization, parents first. */
  readonly ous: readonly string[];
  /** What the organization has run for years: policy types and policies, delegated administrators, trusted access. */
  readonly organization: ExistingOrganization;
  /** What the management account already runs. */
  readonly management: ExistingResources;
  readonly accounts: readonly BrownfieldAccount[];
  /**
   * Test-side settings `lz import` cannot know, applied to the imported config as parsed YAML (the
   * person's own choices: budgets, alternate contacts).
   */
  readonly edit: (config: any) => void;
}

/** The config name of the management account in this harness (adoptionOf accepts it too). */
export const MANAGEMENT = 'management';

/** What the seed returns: what AWS chose itself (detector ids), by account name. */
export type SeedFindings = Readonly<Record<string, { readonly guardDutyDetectors: Readonly<Record<string, string>> }>>;

/** Account name → id, the management account under MANAGEMENT. */
export type AccountIds = Readonly<Record<string, string>>;

/**
 * Runs a program without blocking the event loop: the loopback forward proxy (S3 Control's host-prefixed
 * calls) answers in this process, so a synchronous spawn would leave those calls hanging.
 */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, input = ''): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function runPython(script: string, spec: unknown, what: string): Promise<any> {
  const r = await run('python3', [join(__dirname, script)], { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' }, JSON.stringify(spec));
  if (r.status !== 0) throw new Error(`${what} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const ACCESS_ROLE = 'OrganizationAccountAccessRole';

function accountsSpec(scenario: BrownfieldScenario, ids: AccountIds) {
  return [
    { name: MANAGEMENT, id: MOTO_ACCOUNT_ID, management: true, homeRegion: scenario.homeRegion, existing: scenario.management },
    ...scenario.accounts.map((a) => ({ name: a.name, id: ids[a.name], management: false, homeRegion: scenario.homeRegion, existing: a.existing })),
  ];
}

/**
 * Seeds the organization (seed.py: the accounts in their OUs), then what every account already runs
 * (brownfield.py). Returns moto's ids and what AWS chose (detector ids).
 */
export async function seedBrownfield(
  scenario: BrownfieldScenario,
  { endpoint, proxyUrl }: EmulatorEndpoints,
): Promise<{ seeded: SeededIds; ids: AccountIds; findings: SeedFindings; policyIds: Readonly<Record<string, string>> }> {
  const seeded = seedEmulator(endpoint, scenario.homeRegion, {
    organization: true,
    accounts: scenario.accounts.map((a) => ({ name: a.name, email: a.email, id: '', ou: a.ou })),
    ous: Object.fromEntries(scenario.ous.map((p) => [p, ''])),
    groups: [],
  });
  const ids: AccountIds = { ...seeded.accounts, [MANAGEMENT]: MOTO_ACCOUNT_ID };
  // moto has no GuardDuty TagResource: a detector the landing zone adopts must already carry its
  // default tags (gaps.ts, EMULATOR_SEED_ADJUSTMENTS).
  const minimal = exampleConfig('minimal');
  const detectorTags = defaultTags({ ...minimal, organization: { ...minimal.organization, name: scenario.name, tags: {} } });
  const spec = { mode: 'seed', endpoint, proxyUrl, accessRoleName: ACCESS_ROLE, managementAccountId: MOTO_ACCOUNT_ID, detectorTags, accounts: accountsSpec(scenario, ids) };
  const findings = await runPython('brownfield.py', spec, 'seeding the brownfield resources');
  const organization = await runPython('brownfield.py', { mode: 'organization', ...organizationSpec(scenario, endpoint, seeded), ...scenario.organization }, 'seeding the organization');
  return { seeded, ids, findings, policyIds: organization.policies };
}

function organizationSpec(scenario: BrownfieldScenario, endpoint: string, seeded: SeededIds) {
  return { endpoint, region: scenario.homeRegion, regions: scenario.regions, accounts: seeded.accounts, ous: seeded.ous };
}

/** The organization as moto has it after the apply (brownfield.py, mode inspect-organization). */
export interface OrganizationState {
  readonly rootId: string;
  readonly policyTypes: readonly string[];
  /** Policy name → target ids (root, OU and account ids). */
  readonly policies: Readonly<Record<string, readonly string[]>>;
  /** [service principal, account id], sorted. */
  readonly delegatedAdministrators: ReadonlyArray<readonly [string, string]>;
  readonly guardDutyAdmins: Readonly<Record<string, readonly string[]>>;
  readonly trustedAccess: readonly string[];
  readonly organizationTrails: readonly string[];
}

/** Reads the organization back: policy types, policies and their targets, delegated administrators, trusted access, organization trails. */
export function inspectOrganization(scenario: BrownfieldScenario, endpoint: string, seeded: SeededIds): Promise<OrganizationState> {
  return runPython('brownfield.py', { mode: 'inspect-organization', ...organizationSpec(scenario, endpoint, seeded) }, 'reading the organization back');
}

/** What one account has after the apply (brownfield.py, mode inspect). */
export interface AccountState {
  readonly configRecorders: Readonly<Record<string, readonly string[]>>;
  readonly deliveryChannels: Readonly<Record<string, readonly string[]>>;
  readonly guardDutyDetectors: Readonly<Record<string, readonly string[]>>;
  readonly trails: readonly string[];
  readonly budgets: readonly string[];
  readonly configServiceLinkedRoles: readonly string[];
  readonly passwordPolicy: boolean;
  /** Per region, the VPCs with an internet gateway attached. */
  readonly internetGateways: Readonly<Record<string, readonly string[]>>;
}

/** Reads back every account's Config, GuardDuty, trails, budgets and password policy in the scenario's regions. */
export function inspectBrownfield(scenario: BrownfieldScenario, ids: AccountIds, endpoint: string): Promise<Record<string, AccountState>> {
  const accounts = accountsSpec(scenario, ids).map(({ name, id, management }) => ({ name, id, management }));
  return runPython('brownfield.py', { mode: 'inspect', endpoint, accessRoleName: ACCESS_ROLE, accounts, regions: scenario.regions }, 'reading the emulator back');
}

/**
 * The `adopt` section each account should get from `lz import` (or, without discovery, from the seed
 * itself): every seeded resource the adopt contract knows, in its form. Keys are config account names,
 * MANAGEMENT for organization.adopt.
 */
export function expectedAdopt(scenario: BrownfieldScenario, findings: SeedFindings): Record<string, Record<string, unknown>> {
  const adopt = (name: string, e: ExistingResources): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (e.configRecorders) out.configRecorders = structuredClone(e.configRecorders);
    if (e.passwordPolicy) out.passwordPolicy = true;
    if (e.s3PublicAccessBlock) out.s3PublicAccessBlock = true;
    if (e.ebsEncryptionByDefault?.length) out.ebsEncryptionByDefault = [...e.ebsEncryptionByDefault];
    if (e.budgets?.length) out.budgets = [...e.budgets];
    if (e.guardDutyDetectors?.length) out.guardDutyDetectors = { ...findings[name].guardDutyDetectors };
    // An organization trail recording management events is left alone until the person decides (takeOver: false).
    if (e.trails?.length) out.trails = e.trails.map((t) => ({ name: t.name, region: t.region, organization: t.organization === true, multiRegion: t.organization === true, ...(t.organization ? { takeOver: false } : {}) }));
    if (e.alternateContacts?.length) out.alternateContacts = [...e.alternateContacts];
    return out;
  };
  return Object.fromEntries([[MANAGEMENT, adopt(MANAGEMENT, scenario.management)], ...scenario.accounts.map((a) => [a.name, adopt(a.name, a.existing)])]);
}

/** The adopt sections of a config (parsed YAML), by account name (MANAGEMENT for organization.adopt). */
export function adoptSectionsOf(input: any): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  if (input.organization?.adopt) out[MANAGEMENT] = input.organization.adopt;
  for (const a of input.accounts ?? []) if (a.adopt) out[a.name] = a.adopt;
  return out;
}

/** Writes adopt sections into a config (parsed YAML): the fallback when `lz import` discovers no services. */
export function withAdopt(input: any, adopt: Record<string, Record<string, unknown>>): any {
  const edited = structuredClone(input);
  for (const [name, section] of Object.entries(adopt)) {
    if (Object.keys(section).length === 0) continue;
    if (name === MANAGEMENT) edited.organization.adopt = section;
    else edited.accounts.find((a: any) => a.name === name).adopt = section;
  }
  return edited;
}

/** The built `lz` binary. */
const LZ = join(ROOT, 'dist', 'cli', 'lz.js');

/**
 * Runs `lz import` (the built CLI) against the emulator, with test credentials and AWS_ENDPOINT_URL
 * (every SDK client of the CLI honours it), and returns the YAML it printed.
 */
export async function lzImport(scenario: BrownfieldScenario, { endpoint, proxyUrl }: EmulatorEndpoints): Promise<string> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^AWS_/.test(k) && !/^(https?|no|all)_proxy$/i.test(k) && k !== 'LZ_CONFIG') env[k] = v;
  // moto has no IAM Access Analyzer (gaps.ts, aws_accessanalyzer_analyzer), no Security Hub
  // ListOrganizationAdminAccounts and no Detective API at all: those reads are left out.
  const skip = 'access-analyzer,security-hub-admin,detective-admin';
  const args = ['import', '--output', '-', '--name', scenario.name, '--home-region', scenario.homeRegion, '--regions', scenario.regions.join(','), '--skip', skip];
  const r = await run(process.execPath, [LZ, ...args], {
    ...env,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: scenario.homeRegion,
    AWS_ENDPOINT_URL: endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    // S3 Control's account-id host prefix, as for Terraform.
    HTTP_PROXY: proxyUrl,
  });
  if (r.status !== 0) throw new Error(`lz import against the emulator failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

/**
 * The imported config (parsed YAML) with the scenario's own settings and the harness's usual
 * edits (local state, moto's management account), loaded.
 */
export function brownfieldConfigs(input: any, scenario: BrownfieldScenario, seeded: SeededIds): EmulatorConfigs & { readonly text: string } {
  const edited = structuredClone(input);
  scenario.edit(edited);
  const text = emulatorConfigText(edited, seeded);
  return { config: parseConfig(text, 'landing-zone.yaml (lz import, emulator)'), seeded, text };
}

/** The stack that manages an account's baseline. */
export function baselineStackOf(account: string, roles: Readonly<Record<string, string>>): string {
  if (account === MANAGEMENT) return 'management-baseline';
  const role = roles[account] ?? 'workload';
  return role === 'log-archive' ? 'log-archive' : role === 'security' ? 'security' : `workload-${account}`;
}

/** One import the first plan must show: in `stack`, of `type`, `count` of them (each `id` when given). */
export interface ExpectedImport {
  readonly account: string;
  readonly stack: string;
  readonly type: string;
  readonly ids?: readonly string[];
  readonly count: number;
  /** Resources of the type the same stack may still create (other regions). */
  readonly creates: number;
}

/**
 * What the first plan must import for what the accounts already run (AWS allows one of each per account,
 * or per account and region): the resource types the baseline manages anyway. Regional types may still be
 * created in the other governed regions; account-wide ones never. `managed` says whether the landing zone
 * manages a kind at all in this config (alternate contacts only where the config sets them).
 */
export function expectedImports(scenario: BrownfieldScenario, roles: Readonly<Record<string, string>>, findings: SeedFindings): ExpectedImport[] {
  const regions = scenario.regions.length;
  const out: ExpectedImport[] = [];
  const each = (account: string, e: ExistingResources) => {
    const stack = baselineStackOf(account, roles);
    const push = (x: Omit<ExpectedImport, 'account' | 'stack'>, at = stack) => out.push({ account, stack: at, ...x });
    const recorders = Object.values(e.configRecorders ?? {});
    if (recorders.length > 0) {
      push({ type: 'aws_config_configuration_recorder', ids: recorders.map((r) => r.recorder), count: recorders.length, creates: regions - recorders.length });
      push({ type: 'aws_config_delivery_channel', ids: recorders.map((r) => r.deliveryChannel), count: recorders.length, creates: regions - recorders.length });
    }
    if (e.configServiceLinkedRole) push({ type: 'aws_iam_service_linked_role', count: 1, creates: 0 });
    if (e.passwordPolicy) push({ type: 'aws_iam_account_password_policy', count: 1, creates: 0 });
    if (e.s3PublicAccessBlock) push({ type: 'aws_s3_account_public_access_block', count: 1, creates: 0 });
    const ebs = e.ebsEncryptionByDefault?.length ?? 0;
    if (ebs > 0) push({ type: 'aws_ebs_encryption_by_default', count: ebs, creates: regions - ebs });
    // Budgets are global (the budgets endpoint in us-east-1); import id <account id>:<name>.
    if (e.budgets?.length) push({ type: 'aws_budgets_budget', count: e.budgets.length, creates: 0 });
    // The security account's detector is the delegated administrator's: the security stack adopts it in
    // every region (where none existed, AWS made one when it designated the administrator: side-effects.py).
    if (roles[account] === 'security' && e.guardDutyDetectors?.length) {
      push({ type: 'aws_guardduty_detector', ids: e.guardDutyDetectors.map((r) => findings[account].guardDutyDetectors[r]), count: regions, creates: 0 });
    }
    // The management account's alternate contacts are the management stack's (organization.alternateContacts).
    const contacts = e.alternateContacts?.length ?? 0;
    if (contacts > 0) push({ type: 'aws_account_alternate_contact', count: contacts, creates: 0 }, account === MANAGEMENT ? 'management' : stack);
  };
  each(MANAGEMENT, scenario.management);
  for (const a of scenario.accounts) each(a.name, a.existing);
  return out;
}

/** Where the first plans differ from the expected imports (empty: every expectation holds). */
export function importProblems(expected: readonly ExpectedImport[], plans: Readonly<Record<string, PlanSummary | undefined>>, dropped: Readonly<Record<string, readonly string[]>>): string[] {
  const problems: string[] = [];
  for (const x of expected) {
    const plan = plans[x.stack];
    if (!plan) {
      problems.push(`${x.stack}: no first plan to check (${x.type} of ${x.account})`);
      continue;
    }
    const imports = plan.imports.filter((i) => i.type === x.type);
    const droppedHere = (dropped[x.stack] ?? []).filter((d) => d.startsWith(`${x.type}.`));
    if (imports.length + droppedHere.length !== x.count) {
      problems.push(`${x.stack}: ${x.count} import(s) of ${x.type} expected for ${x.account}'s existing one(s), the plan imports ${imports.length}${droppedHere.length ? ` (+${droppedHere.length} dropped with a gap)` : ''}`);
    }
    for (const id of x.ids ?? []) {
      if (!imports.some((i) => i.id === id) && !droppedHere.some((d) => d.includes(`(id ${id})`))) problems.push(`${x.stack}: no import of ${x.type} with id ${JSON.stringify(id)}; imports: ${imports.map((i) => i.id).join(', ') || 'none'}`);
    }
    const creates = plan.creates.filter((c) => c.type === x.type);
    if (creates.length > x.creates) {
      problems.push(`${x.stack}: creates ${creates.length} ${x.type} (${creates.map((c) => c.address).join(', ')}) beside the existing one(s) of ${x.account}; at most ${x.creates} expected (regions without one)`);
    }
  }
  return problems;
}

/** The first plans and dropped imports of a run, by stack. */
export function firstPlansOf(run: ExampleRun): { plans: Record<string, PlanSummary | undefined>; dropped: Record<string, readonly string[]> } {
  return {
    plans: Object.fromEntries(run.stacks.map((s) => [s.stack, s.firstPlan])),
    dropped: Object.fromEntries(run.stacks.map((s) => [s.stack, s.importsDropped])),
  };
}

/** Parses `lz import` output. */
export function parseImported(text: string): any {
  return parse(text);
}

/**
 * The scenario's config without moto, as `lz import` writes it with the seed's adopt sections (fixed
 * ids in place of moto's): what gaps.test.ts and the unit tests synthesize.
 */
export function offlineBrownfieldConfigs(scenario: BrownfieldScenario): EmulatorConfigs {
  const ids = Object.fromEntries(scenario.accounts.map((a, i) => [a.name, String(300000000001 + i)]));
  const ous = Object.fromEntries(scenario.ous.map((p, i) => [p, `ou-ab12-${String(i).padStart(8, 'a')}`]));
  const findings = Object.fromEntries(
    [MANAGEMENT, ...scenario.accounts.map((a) => a.name)].map((name, i) => {
      const existing = name === MANAGEMENT ? scenario.management : scenario.accounts.find((a) => a.name === name)!.existing;
      return [name, { guardDutyDetectors: Object.fromEntries((existing.guardDutyDetectors ?? []).map((r) => [r, `d${i}${r.replace(/-/g, '')}`])) }];
    }),
  );
  const imported = {
    organization: { name: scenario.name, managementAccountId: MOTO_ACCOUNT_ID, id: 'o-abcdefghij', homeRegion: scenario.homeRegion, governedRegions: [...scenario.regions], ouIds: ous },
    state: { backend: 'local' },
    organizationalUnits: [...scenario.ous],
    accounts: scenario.accounts.map((a) => ({
      name: a.name,
      email: a.email,
      ou: a.ou,
      ...(/log/.test(a.name) ? { role: 'log-archive' } : /secur/.test(a.name) ? { role: 'security' } : {}),
      id: ids[a.name],
    })),
  };
  return brownfieldConfigs(withAdopt(imported, expectedAdopt(scenario, findings)), scenario, { organizationId: 'o-abcdefghij', accounts: ids, ous });
}

/**
 * Benchmark configs: an organization of N workload accounts across nested OUs, every guardrail of the
 * catalogue, Identity Center assignments on Root and OUs, baseline OU overrides, a StackSet and the
 * optional security services. The YAML passes the loader (config/load.ts) like a hand-written file.
 */
import { stringify } from 'yaml';
import type { GuardrailEntryConfig, LandingZoneConfig, LandingZoneInput } from '../config/schema';
import { CATALOGUE_NAMES, defaultGuardrails } from '../policies/effective';
import { POLICY_KINDS } from '../policies/kinds';

export interface BenchConfigOptions {
  /** Number of workload accounts (besides log-archive and security). */
  readonly accounts: number;
  /**
   * Number of governed regions (1 to BENCH_REGIONS.length), home region first.
   * @default 2
   */
  readonly regions?: number;
}

/** Regions the benchmark governs, in order; the first is the home region. */
export const BENCH_REGIONS = ['us-east-1', 'ap-northeast-1', 'eu-west-1', 'us-west-2', 'eu-central-1', 'ap-southeast-2'] as const;

/** Accounts per business unit; each unit gets Workloads/<unit>/{Prod,Prod/Regulated,Dev}. */
export const ACCOUNTS_PER_UNIT = 250;

/** One workload account in 97 is suspended (the 8th, so even 10 accounts have one), one in 10 is adopted (has an id). */
const SUSPEND_EVERY = 97;
const ADOPT_EVERY = 10;

const STACKSET_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Description: Read-only audit role that the security account assumes in every workload account.
Parameters:
  AuditorAccountId:
    Type: String
    AllowedPattern: "^[0-9]{12}$"
Resources:
  AuditRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: BenchAuditReadOnly
      MaxSessionDuration: 3600
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Sub "arn:aws:iam::\${AuditorAccountId}:root"
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/SecurityAudit
`;

const SANDBOX_SCP = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'SandboxSmallInstancesOnly',
      Effect: 'Deny',
      Action: 'ec2:RunInstances',
      Resource: 'arn:aws:ec2:*:*:instance/*',
      Condition: { StringNotLike: { 'ec2:InstanceType': ['t3.*', 't4g.*'] } },
    },
  ],
};

/** Business unit names: bu-01, bu-02, ... */
export function unitNames(accounts: number): string[] {
  const n = Math.max(1, Math.ceil(accounts / ACCOUNTS_PER_UNIT));
  return Array.from({ length: n }, (_, i) => `bu-${String(i + 1).padStart(2, '0')}`);
}

/** Name of the i-th (0-based) workload account. */
export function workloadName(i: number): string {
  return `app-${String(i + 1).padStart(5, '0')}`;
}

/** Where the i-th workload account lives: business units in turn, then Prod / Prod/Regulated / Dev / Sandbox. */
function placement(i: number, units: readonly string[]): string {
  const unit = units[Math.floor(i / ACCOUNTS_PER_UNIT) % units.length];
  switch (i % 4) {
    case 0:
      return `Workloads/${unit}/Prod`;
    case 1:
      return `Workloads/${unit}/Prod/Regulated`;
    case 2:
      return `Workloads/${unit}/Dev`;
    default:
      return 'Sandbox';
  }
}

/**
 * Every catalogue guardrail: the defaults stay on, and each catalogue entry that is not on by default
 * is listed (at Root), except deny-all, which the suspended accounts switch on for the Suspended OU.
 * region-deny gets an extra exempt role and a custom SCP (from a file) goes on Sandbox.
 */
function guardrails(accounts: LandingZoneInput['accounts'], organization: LandingZoneInput['organization']): LandingZoneInput['guardrails'] {
  // defaultGuardrails reads only the accounts' role and state and whether the organization is adopted (an adopted
  // one leaves the behaviour settings to the config: config/takeover.ts), so those are listed here with the rest.
  const onByDefault = new Set(defaultGuardrails({ accounts, organization } as unknown as LandingZoneConfig).map((g) => g.policy));
  onByDefault.add('deny-all');
  const withOptions: Record<string, Partial<GuardrailEntryConfig>> = {
    'region-deny': { policy: 'region-deny', options: { exemptRoleNames: ['NetworkAutomation'] } },
    'ec2-block-public-access': {
      policy: 'ec2-block-public-access',
      targets: ['Root'],
      options: { vpcBlockPublicAccess: 'block_bidirectional', vpcExclusionsAllowed: true, imageBlockPublicAccess: true, snapshotBlockPublicAccess: 'block_all_sharing', imdsv2Required: true },
    },
  };
  const out: Record<string, GuardrailEntryConfig[] | boolean> = { enabled: true, defaults: true };
  for (const kind of POLICY_KINDS) {
    const entries: Partial<GuardrailEntryConfig>[] = CATALOGUE_NAMES[kind]
      .filter((name) => !onByDefault.has(name) || withOptions[name])
      .map((policy) => withOptions[policy] ?? { policy, targets: ['Root'] });
    if (kind === 'scp') entries.push({ file: 'policies/sandbox-small-instances.json', targets: ['Sandbox'] });
    if (kind === 'tag') {
      const tagPolicy = entries.find((e) => e.policy === 'tag-policy');
      if (tagPolicy) tagPolicy.options = { tags: { CostCenter: { enforcedFor: ['ec2:instance'] }, DataClass: { values: ['public', 'internal', 'pci'] } } };
    }
    if (entries.length > 0) out[kind] = entries as GuardrailEntryConfig[];
  }
  return out as LandingZoneInput['guardrails'];
}

/** The config as a person would write it. */
export function generateConfig({ accounts, regions = 2 }: BenchConfigOptions): LandingZoneInput {
  if (!Number.isInteger(accounts) || accounts < 1) throw new Error(`accounts ${accounts} is not a positive whole number`);
  if (!Number.isInteger(regions) || regions < 1 || regions > BENCH_REGIONS.length) {
    throw new Error(`regions ${regions} is not between 1 and ${BENCH_REGIONS.length}`);
  }
  const governed = BENCH_REGIONS.slice(0, regions);
  const units = unitNames(accounts);
  const ous = ['Security', 'Sandbox', 'Suspended', ...units.flatMap((u) => [`Workloads/${u}/Prod/Regulated`, `Workloads/${u}/Dev`])];

  const workloads = Array.from({ length: accounts }, (_, i) => {
    const name = workloadName(i);
    const ou = placement(i, units);
    const account: Record<string, unknown> = { name, email: `aws+${name}@bench.example`, ou, tags: { CostCenter: String(1000 + (i % 500)) } };
    if (i % ADOPT_EVERY === 5) account.id = String(300000000000 + i);
    if (i % SUSPEND_EVERY === 7) account.state = 'suspended';
    if (i % 3 === 0) account.budget = { monthlyUsd: 100 + (i % 20) * 50 };
    if (ou.endsWith('/Regulated') && i % 8 === 1) account.baseline = { billingAlarm: { email: `oncall+${name}@bench.example` } };
    return account;
  });

  const allAccounts = [
    { name: 'log-archive', email: 'aws+log-archive@bench.example', ou: 'Security', role: 'log-archive', id: '200000000001' },
    { name: 'security', email: 'aws+security@bench.example', ou: 'Security', role: 'security', id: '200000000002' },
    ...workloads,
  ] as LandingZoneInput['accounts'];

  const organization: LandingZoneInput['organization'] = {
    name: 'bench',
    managementAccountId: '111111111111',
    id: 'o-bench12345',
    homeRegion: governed[0],
    governedRegions: [...governed],
    breakGlassRoleNames: ['BreakGlassAdmin'],
    tags: { Owner: 'platform-team' },
  };

  return {
    organization,
    state: { backend: 's3', bucket: 'bench-tfstate-111111111111', region: governed[0], keyPrefix: 'landing-zone' },
    organizationalUnits: ous,
    accounts: allAccounts,
    identityCenter: {
      permissionSets: [
        { name: 'Developer', sessionDuration: 'PT8H', managedPolicies: ['PowerUserAccess'] },
        { name: 'BillingViewer', sessionDuration: 'PT2H', managedPolicies: ['job-function/ViewOnlyAccess', 'AWSBillingReadOnlyAccess'] },
      ],
      groups: [
        { name: 'platform-admins', description: 'Platform team: full access everywhere' },
        { name: 'security-auditors', description: 'Read-only across the organization' },
        ...units.map((u) => ({ name: `${u}-developers`, description: `Developers of ${u}` })),
      ],
      assignments: [
        { group: 'platform-admins', permissionSet: 'AdministratorAccess', targets: ['Root'] },
        { group: 'security-auditors', permissionSet: 'ReadOnlyAccess', targets: ['Root'] },
        { group: 'platform-admins', permissionSet: 'BillingViewer', targets: [workloadName(0)] },
        ...units.flatMap((u) => [
          { group: `${u}-developers`, permissionSet: 'Developer', targets: [`Workloads/${u}/Dev`] },
          { group: `${u}-developers`, permissionSet: 'ReadOnlyAccess', targets: [`Workloads/${u}/Prod`] },
        ]),
      ],
    } as LandingZoneInput['identityCenter'],
    guardrails: guardrails(allAccounts, organization),
    baseline: {
      // The organization is adopted: the settings that change what existing accounts do are written, so that every
      // account (adopted ones too) has them, as in a landing zone with everything on (config/takeover.ts).
      s3BlockPublicAccess: true,
      instanceMetadata: { httpTokens: 'required', hopLimit: 2 },
      config: { snapshotFrequency: 'Twelve_Hours' },
      ouOverrides: {
        Sandbox: { budget: { monthlyUsd: 50 }, config: { recordingFrequency: 'DAILY' } },
        ...Object.fromEntries(units.map((u) => [`Workloads/${u}/Prod/Regulated`, { config: { snapshotFrequency: 'One_Hour' } }])),
      },
      management: { monthlyUsd: 50000 },
    } as LandingZoneInput['baseline'],
    stackSets: [
      {
        name: 'bench-audit-role',
        template: 'stacksets/audit-role.yaml',
        parameters: { AuditorAccountId: '200000000002' },
        targets: ['Workloads'],
        regions: [governed[0]],
        capabilities: ['CAPABILITY_NAMED_IAM'],
      },
    ] as LandingZoneInput['stackSets'],
    logging: { trail: { s3DataEvents: true } } as LandingZoneInput['logging'],
    security: {
      detective: { enabled: true },
      inspector: { enabled: true },
      macie: { enabled: true },
      notifications: { emails: ['secops@bench.example'] },
    } as LandingZoneInput['security'],
  };
}

/** The files of one benchmark landing zone, by path relative to its folder: the config and what it points to. */
export function generateFiles(options: BenchConfigOptions): Record<string, string> {
  return {
    'landing-zone.yaml': `# Generated by bench/generate.ts: ${options.accounts} workload accounts, ${options.regions ?? 2} regions.\n${stringify(generateConfig(options), { lineWidth: 0 })}`,
    'stacksets/audit-role.yaml': STACKSET_TEMPLATE,
    'policies/sandbox-small-instances.json': `${JSON.stringify(SANDBOX_SCP, null, 2)}\n`,
  };
}

import { mockClient } from 'aws-sdk-client-mock';
import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { AccountClient, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { BudgetsClient, DescribeBudgetCommand } from '@aws-sdk/client-budgets';
import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, type GetEventSelectorsCommandOutput } from '@aws-sdk/client-cloudtrail';
import { DetectiveClient, ListOrganizationAdminAccountsCommand as DetectiveListAdmins } from '@aws-sdk/client-detective';
import { Inspector2Client, ListDelegatedAdminAccountsCommand } from '@aws-sdk/client-inspector2';
import { ListOrganizationAdminAccountsCommand as MacieListAdmins, Macie2Client } from '@aws-sdk/client-macie2';
import { ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeDeliveryChannelsCommand } from '@aws-sdk/client-config-service';
import { EC2Client, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { GuardDutyClient, ListDetectorsCommand, ListOrganizationAdminAccountsCommand as GuardDutyListAdmins } from '@aws-sdk/client-guardduty';
import { GetAccountPasswordPolicyCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  ListDelegatedServicesForAccountCommand,
  ListOrganizationalUnitsForParentCommand,
  DescribePolicyCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { DescribeHubCommand, ListOrganizationAdminAccountsCommand as SecurityHubListAdmins, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

/*
 * A fake AWS for lz import discovery: an organization (Organizations), and per account and region what it runs.
 * Every SDK client is mocked with aws-sdk-client-mock; each answer is picked by the caller's credentials (the
 * management account's from the environment, a member account's from the AssumeRole answer: ASIA<account id>) and
 * the client's region. The Control Tower API (plain HTTPS) is answered through a fetch spy.
 */

export const MANAGEMENT = '111111111111';
export const LOG = '222222222222';
export const AUDIT = '333333333333';
export const SHOP = '444444444444';

/** An AWS error as the SDK throws it: `name` is the error code. */
export function awsError(name: string, message = name, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

export interface FakeRegion {
  recorders?: Array<{ name: string; allSupported?: boolean; servicePrincipal?: string; recordingScope?: 'PAID' | 'INTERNAL' }>;
  channel?: string;
  detector?: string;
  securityHub?: boolean;
  trails?: Array<{ Name: string; HomeRegion?: string; IsOrganizationTrail?: boolean; IsMultiRegionTrail?: boolean; selectors?: Pick<GetEventSelectorsCommandOutput, 'EventSelectors' | 'AdvancedEventSelectors'> }>;
  /** Delegated administrators designated in this region through the service's own API (management account), by service principal. */
  admins?: Partial<Record<'guardduty.amazonaws.com' | 'securityhub.amazonaws.com' | 'macie.amazonaws.com' | 'inspector2.amazonaws.com' | 'detective.amazonaws.com', string[]>>;
  analyzers?: string[];
  ebs?: boolean;
  /** Not enabled for the account: every call answers this error (e.g. UnrecognizedClientException). */
  disabled?: string;
  /** Calls (by command name; `<service>.<command>` for the admin lists, e.g. macie.ListOrganizationAdminAccounts) that fail with this error. */
  failing?: Record<string, Error>;
}

export interface FakeAccount {
  /** Roles the management account may assume. @default ['OrganizationAccountAccessRole'] */
  assumable?: string[];
  regions: Record<string, FakeRegion>;
  passwordPolicy?: boolean;
  publicAccessBlock?: boolean;
  contacts?: string[];
  budgets?: string[];
  roles?: string[];
  /** Identity Center instance regions (management account). */
  identityCenter?: string[];
}

export interface FakeControlTower {
  /** HTTP error for every call, e.g. 403 AccessDeniedException; undefined: answers. */
  error?: { status: number; type: string };
  homeRegion?: string;
  manifest?: unknown;
  version?: string;
  /** Enabled baselines: target ARN and status. */
  baselines?: Array<{ targetIdentifier: string; status?: string }>;
}

export interface FakePolicy {
  Id: string;
  Name: string;
  Type: string;
  AwsManaged?: boolean;
  targets: Array<{ TargetId: string; Type: 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT'; Name?: string }>;
  /** The policy document (DescribePolicy). @default '{}' */
  Content?: string;
}

export interface FakeWorld {
  accounts: Record<string, FakeAccount>;
  /** Trusted access principals. */
  serviceAccess: string[];
  /** SCP names attached per target id. */
  scps: Record<string, string[]>;
  /** Policy types enabled at the root. @default ['SERVICE_CONTROL_POLICY'] */
  policyTypes?: string[];
  /** Policies of any type with their targets, besides those of `scps`. */
  policies?: FakePolicy[];
  /** Delegated administrators registered in Organizations: account id → service principals. */
  delegatedAdministrators?: Record<string, string[]>;
  /** Organizations calls (by command name) that fail with this error. */
  organizationsFailing?: Record<string, Error>;
  controlTower?: FakeControlTower;
}

/** The organization: Root > Security (Log Archive, Audit), Workloads > Prod (Shop Prod); management under Root. */
export const OUS: Record<string, Array<{ Id: string; Name: string }>> = {
  'r-ab12': [
    { Id: 'ou-ab12-secu0001', Name: 'Security' },
    { Id: 'ou-ab12-work0001', Name: 'Workloads' },
  ],
  'ou-ab12-work0001': [{ Id: 'ou-ab12-prod0001', Name: 'Prod' }],
};
const ACCOUNTS_BY_PARENT: Record<string, Array<{ Id: string; Name: string; Email: string; State: string }>> = {
  'r-ab12': [{ Id: MANAGEMENT, Name: 'Acme Management', Email: 'root@acme.example', State: 'ACTIVE' }],
  'ou-ab12-secu0001': [
    { Id: LOG, Name: 'Log Archive', Email: 'log@acme.example', State: 'ACTIVE' },
    { Id: AUDIT, Name: 'Audit', Email: 'audit@acme.example', State: 'ACTIVE' },
  ],
  'ou-ab12-prod0001': [{ Id: SHOP, Name: 'Shop Prod', Email: 'shop@acme.example', State: 'ACTIVE' }],
};

/** Every account runs nothing in us-east-1 and eu-west-1; tests add what they need. */
export function emptyWorld(): FakeWorld {
  const empty = (): FakeAccount => ({ regions: { 'us-east-1': {}, 'eu-west-1': {} } });
  return { accounts: { [MANAGEMENT]: empty(), [LOG]: empty(), [AUDIT]: empty(), [SHOP]: empty() }, serviceAccess: [], scps: {} };
}

type AnyClient = { config: { credentials: () => Promise<{ accessKeyId: string }>; region: () => Promise<string> } };

const mocks = {
  organizations: mockClient(OrganizationsClient),
  sts: mockClient(STSClient),
  config: mockClient(ConfigServiceClient),
  iam: mockClient(IAMClient),
  guardduty: mockClient(GuardDutyClient),
  securityhub: mockClient(SecurityHubClient),
  cloudtrail: mockClient(CloudTrailClient),
  analyzer: mockClient(AccessAnalyzerClient),
  ec2: mockClient(EC2Client),
  s3control: mockClient(S3ControlClient),
  account: mockClient(AccountClient),
  budgets: mockClient(BudgetsClient),
  sso: mockClient(SSOAdminClient),
  macie: mockClient(Macie2Client),
  inspector: mockClient(Inspector2Client),
  detective: mockClient(DetectiveClient),
};
export const stubs = mocks;

let fetchSpy: jest.SpyInstance | undefined;

/** Which account and region a call comes from. */
async function caller(getClient: () => unknown): Promise<{ id: string; region: string }> {
  const client = getClient() as AnyClient;
  const { accessKeyId } = await client.config.credentials();
  return { id: accessKeyId.startsWith('ASIA') ? accessKeyId.slice(4) : MANAGEMENT, region: await client.config.region() };
}

/**
 * Installs the world: every call answers from it. `world` is read at call time, so a test may change it after.
 * Sets management credentials in the environment (the default chain reads them).
 */
export function installFakeAws(world: FakeWorld): void {
  process.env.AWS_ACCESS_KEY_ID = 'AKIAMANAGEMENT';
  process.env.AWS_SECRET_ACCESS_KEY = 'secret';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  for (const m of Object.values(mocks)) m.reset();
  const o = mocks.organizations;
  o.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-exist12345', MasterAccountId: MANAGEMENT, FeatureSet: 'ALL' } });
  o.on(ListRootsCommand).callsFake(() => ({ Roots: [{ Id: 'r-ab12', PolicyTypes: (world.policyTypes ?? ['SERVICE_CONTROL_POLICY']).map((Type) => ({ Type, Status: 'ENABLED' })) }] }));
  o.on(ListOrganizationalUnitsForParentCommand).callsFake((input: { ParentId: string }) => ({ OrganizationalUnits: OUS[input.ParentId] ?? [] }));
  o.on(ListAccountsForParentCommand).callsFake((input: { ParentId: string }) => ({ Accounts: ACCOUNTS_BY_PARENT[input.ParentId] ?? [] }));
  o.on(ListAWSServiceAccessForOrganizationCommand).callsFake(() => ({ EnabledServicePrincipals: world.serviceAccess.map((ServicePrincipal) => ({ ServicePrincipal })) }));
  const scpId = (name: string) => `p-${name.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 20)}`;
  const allPolicies = (): FakePolicy[] => [
    ...[...new Set(Object.values(world.scps).flat())].map((Name) => ({
      Id: scpId(Name),
      Name,
      Type: 'SERVICE_CONTROL_POLICY',
      targets: Object.entries(world.scps)
        .filter(([, names]) => names.includes(Name))
        .map(([TargetId]) => ({ TargetId, Type: 'ORGANIZATIONAL_UNIT' as const })),
    })),
    ...(world.policies ?? []),
  ];
  o.on(ListPoliciesCommand).callsFake((input: { Filter: string }) => ({
    Policies: allPolicies()
      .filter((p) => p.Type === input.Filter)
      .map((p) => ({ Id: p.Id, Name: p.Name, Type: p.Type, AwsManaged: p.AwsManaged ?? false })),
  }));
  o.on(ListTargetsForPolicyCommand).callsFake((input: { PolicyId: string }) => ({ Targets: allPolicies().find((p) => p.Id === input.PolicyId)?.targets ?? [] }));
  o.on(DescribePolicyCommand).callsFake((input: { PolicyId: string }) => {
    const found = allPolicies().find((p) => p.Id === input.PolicyId);
    return { Policy: found ? { PolicySummary: { Id: found.Id, Name: found.Name, Type: found.Type }, Content: found.Content ?? '{}' } : undefined };
  });
  o.on(ListPoliciesForTargetCommand).callsFake((input: { TargetId: string }) => ({ Policies: (world.scps[input.TargetId] ?? []).map((Name) => ({ Name })) }));
  const organizationsCall = (command: string, answer: (input: never) => unknown) => (input: never) => {
    const failing = world.organizationsFailing?.[command];
    if (failing) throw failing;
    return answer(input);
  };
  o.on(ListDelegatedAdministratorsCommand).callsFake(
    organizationsCall('ListDelegatedAdministrators', () => ({ DelegatedAdministrators: Object.keys(world.delegatedAdministrators ?? {}).map((Id) => ({ Id })) })),
  );
  o.on(ListDelegatedServicesForAccountCommand).callsFake(
    organizationsCall('ListDelegatedServicesForAccount', (input: { AccountId: string }) => {
      const services = world.delegatedAdministrators?.[input.AccountId];
      if (!services) throw awsError('AccountNotRegisteredException', 'The provided account is not a registered delegated administrator for your organization.');
      return { DelegatedServices: services.map((ServicePrincipal) => ({ ServicePrincipal })) };
    }),
  );

  mocks.sts.on(AssumeRoleCommand).callsFake((input: { RoleArn: string }) => {
    const [, id, role] = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(input.RoleArn) ?? [];
    const account = world.accounts[id];
    if (!account || !(account.assumable ?? ['OrganizationAccountAccessRole']).includes(role)) {
      throw awsError('AccessDenied', `User: arn:aws:iam::${MANAGEMENT}:user/ci is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`, 403);
    }
    return { Credentials: { AccessKeyId: `ASIA${id}`, SecretAccessKey: 'secret', SessionToken: 'token', Expiration: new Date('2100-01-01') } };
  });

  /** A regional call: answers `answer(region state, account)` or the region's error. */
  const regional =
    (command: string, answer: (r: FakeRegion, a: FakeAccount, input: never) => unknown) =>
    async (input: never, getClient: () => unknown) => {
      const { id, region } = await caller(getClient);
      const account = world.accounts[id];
      const r = account?.regions[region];
      if (r?.disabled) throw awsError(r.disabled, 'The security token included in the request is invalid.', 403);
      if (r?.failing?.[command]) throw r.failing[command];
      return answer(r ?? {}, account ?? { regions: {} }, input);
    };
  mocks.config.on(DescribeConfigurationRecordersCommand).callsFake(
    regional('DescribeConfigurationRecorders', (r) => ({
      ConfigurationRecorders: (r.recorders ?? []).map((x) => ({ name: x.name, recordingGroup: { allSupported: x.allSupported ?? true }, servicePrincipal: x.servicePrincipal, recordingScope: x.recordingScope ?? (x.servicePrincipal ? 'INTERNAL' : 'PAID') })),
    })),
  );
  mocks.config.on(DescribeDeliveryChannelsCommand).callsFake(regional('DescribeDeliveryChannels', (r) => ({ DeliveryChannels: r.channel ? [{ name: r.channel }] : [] })));
  mocks.guardduty.on(ListDetectorsCommand).callsFake(regional('ListDetectors', (r) => ({ DetectorIds: r.detector ? [r.detector] : [] })));
  mocks.securityhub.on(DescribeHubCommand).callsFake(
    regional('DescribeHub', (r) => {
      if (!r.securityHub) throw awsError('InvalidAccessException', 'Account is not subscribed to AWS Security Hub', 401);
      return { HubArn: 'arn:aws:securityhub:::hub/default' };
    }),
  );
  mocks.cloudtrail.on(DescribeTrailsCommand).callsFake(regional('DescribeTrails', (r) => ({ trailList: (r.trails ?? []).map(({ selectors: _, ...t }) => t) })));
  mocks.cloudtrail.on(GetEventSelectorsCommand).callsFake(
    regional('GetEventSelectors', (r, _a, input: { TrailName: string }) => {
      const trail = (r.trails ?? []).find((t) => t.Name === input.TrailName);
      if (!trail) throw awsError('TrailNotFoundException', `Unknown trail: ${input.TrailName}`);
      return { TrailARN: `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/${trail.Name}`, ...(trail.selectors ?? { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] }) };
    }),
  );
  const admins = (principal: keyof NonNullable<FakeRegion['admins']>, r: FakeRegion) => r.admins?.[principal] ?? [];
  mocks.guardduty.on(GuardDutyListAdmins).callsFake(
    regional('guardduty.ListOrganizationAdminAccounts', (r) => ({ AdminAccounts: admins('guardduty.amazonaws.com', r).map((AdminAccountId) => ({ AdminAccountId, AdminStatus: 'ENABLED' })) })),
  );
  mocks.securityhub.on(SecurityHubListAdmins).callsFake(
    regional('securityhub.ListOrganizationAdminAccounts', (r) => ({ AdminAccounts: admins('securityhub.amazonaws.com', r).map((AccountId) => ({ AccountId, Status: 'ENABLED' })) })),
  );
  mocks.macie.on(MacieListAdmins).callsFake(
    regional('macie.ListOrganizationAdminAccounts', (r) => ({ adminAccounts: admins('macie.amazonaws.com', r).map((accountId) => ({ accountId, status: 'ENABLED' })) })),
  );
  mocks.inspector.on(ListDelegatedAdminAccountsCommand).callsFake(
    regional('inspector2.ListDelegatedAdminAccounts', (r) => ({ delegatedAdminAccounts: admins('inspector2.amazonaws.com', r).map((accountId) => ({ accountId, status: 'ENABLED' })) })),
  );
  mocks.detective.on(DetectiveListAdmins).callsFake(
    regional('detective.ListOrganizationAdminAccounts', (r) => ({ Administrators: admins('detective.amazonaws.com', r).map((AccountId) => ({ AccountId, GraphArn: `arn:aws:detective:us-east-1:${AccountId}:graph:abc` })) })),
  );
  mocks.analyzer.on(ListAnalyzersCommand).callsFake(regional('ListAnalyzers', (r) => ({ analyzers: (r.analyzers ?? []).map((name) => ({ name, type: 'ACCOUNT' })) })));
  mocks.ec2.on(GetEbsEncryptionByDefaultCommand).callsFake(regional('GetEbsEncryptionByDefault', (r) => ({ EbsEncryptionByDefault: r.ebs ?? false })));
  mocks.s3control.on(GetPublicAccessBlockCommand).callsFake(
    regional('GetPublicAccessBlock', (_r, a) => {
      if (!a.publicAccessBlock) throw awsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404);
      return { PublicAccessBlockConfiguration: { BlockPublicAcls: true } };
    }),
  );
  mocks.iam.on(GetAccountPasswordPolicyCommand).callsFake(
    regional('GetAccountPasswordPolicy', (_r, a) => {
      if (!a.passwordPolicy) throw awsError('NoSuchEntityException', 'The Password Policy with domain name 111111111111 cannot be found.', 404);
      return { PasswordPolicy: { MinimumPasswordLength: 14 } };
    }),
  );
  mocks.iam.on(GetRoleCommand).callsFake(
    regional('GetRole', (_r, a, input: { RoleName: string }) => {
      if (!(a.roles ?? []).includes(input.RoleName)) throw awsError('NoSuchEntityException', `The role with name ${input.RoleName} cannot be found.`, 404);
      return { Role: { RoleName: input.RoleName } };
    }),
  );
  mocks.account.on(GetAlternateContactCommand).callsFake(
    regional('GetAlternateContact', (_r, a, input: { AlternateContactType: string }) => {
      if (!(a.contacts ?? []).includes(input.AlternateContactType)) throw awsError('ResourceNotFoundException', 'No contact of the inputted alternate contact type found.', 404);
      return { AlternateContact: { AlternateContactType: input.AlternateContactType } };
    }),
  );
  mocks.budgets.on(DescribeBudgetCommand).callsFake(
    regional('DescribeBudget', (_r, a, input: { BudgetName: string }) => {
      if (!(a.budgets ?? []).includes(input.BudgetName)) throw awsError('NotFoundException', `Unable to get budget: ${input.BudgetName} - the budget doesn't exist.`, 404);
      return { Budget: { BudgetName: input.BudgetName } };
    }),
  );
  mocks.sso.on(ListInstancesCommand).callsFake(async (_input: never, getClient: () => unknown) => {
    const { id, region } = await caller(getClient);
    return { Instances: (world.accounts[id]?.identityCenter ?? []).includes(region) ? [{ InstanceArn: 'arn:aws:sso:::instance/ssoins-1', OwnerAccountId: id }] : [] };
  });

  fetchSpy?.mockRestore();
  fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => controlTowerAnswer(world, String(url), init));
}

/** The Control Tower API's answer to one request. */
function controlTowerAnswer(world: FakeWorld, url: string, init?: RequestInit): Response {
  const ct = world.controlTower;
  const json = (body: unknown, status = 200, type?: string) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...(type ? { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazonaws.controltower/` } : {}) } });
  const region = /controltower\.([a-z0-9-]+)\.amazonaws\.com/.exec(url)?.[1];
  if (!String((init?.headers as Record<string, string>)?.authorization ?? '').includes('/controltower/aws4_request')) return json({ message: 'not signed' }, 403, 'UnrecognizedClientException');
  if (!ct) return json({ landingZones: [] });
  if (ct.error) return json({ message: ct.error.type }, ct.error.status, ct.error.type);
  const here = region === (ct.homeRegion ?? 'us-east-1');
  const arn = `arn:aws:controltower:${ct.homeRegion ?? 'us-east-1'}:${MANAGEMENT}:landingzone/1A2B3C4D5E6F7G8H`;
  if (url.endsWith('/list-landingzones')) return json({ landingZones: here ? [{ arn }] : [] });
  if (url.endsWith('/get-landingzone')) return json({ landingZone: { arn, version: ct.version ?? '3.3', status: 'ACTIVE', manifest: ct.manifest ?? {} } });
  if (url.endsWith('/list-enabled-baselines')) {
    return json({
      enabledBaselines: (ct.baselines ?? []).map((b) => ({
        arn: `arn:aws:controltower:${ct.homeRegion}:${MANAGEMENT}:enabledbaseline/XYZ`,
        baselineIdentifier: 'arn:aws:controltower:us-east-1::baseline/17BSJV3IGJ2QSGA2',
        targetIdentifier: b.targetIdentifier,
        statusSummary: { status: b.status ?? 'SUCCEEDED' },
      })),
    });
  }
  return json({ message: 'unknown operation' }, 404, 'ResourceNotFoundException');
}

/** Restores fetch. */
export function uninstallFakeAws(): void {
  fetchSpy?.mockRestore();
  fetchSpy = undefined;
}

/** An OU ARN as Control Tower names baseline targets. */
export const ouArn = (ouId: string) => `arn:aws:organizations::${MANAGEMENT}:ou/o-exist12345/${ouId}`;

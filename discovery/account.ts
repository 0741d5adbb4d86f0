import { RegionDisabledError, reason } from './aws/errors';
import type { Skippable } from './skippable';
import type { AccountSession } from './aws/session';
import { CONTROL_TOWER } from '../config/schema/control-tower';
import { controlTowerOwned } from './control-tower';
import { readAccountAnalyzers } from './access-analyzers';
import { readAlternateContacts, type AlternateContactType } from './alternate-contacts';
import { readBudgets } from './budgets';
import { readConfigRecorder, type RegionConfigRecorder } from './config-recorders';
import { readEbsEncryptionByDefault } from './ebs-encryption';
import { readGuardDutyDetector } from './guardduty';
import { CONFIG_SERVICE_LINKED_ROLE, roleExists } from './iam-roles';
import { readPasswordPolicy } from './password-policy';
import { readS3PublicAccessBlock } from './s3-public-access-block';
import { readSecurityHub } from './security-hub';
import { readTrails, type FoundTrail } from './trails';

/** One account to discover: its id, its config name, and whether it is the management account. */
export interface AccountTarget {
  readonly id: string;
  readonly name: string;
  readonly management: boolean;
}

/** What one region of one account runs. */
export interface RegionFindings {
  readonly config: RegionConfigRecorder;
  readonly guardDutyDetector?: string;
  readonly securityHub: boolean;
  readonly trails: readonly FoundTrail[];
  /** Account analyzers, the landing zone's name first. */
  readonly accessAnalyzers: readonly string[];
  readonly ebsEncryptionByDefault: boolean;
}

/** What one reachable account runs, and what could not be read. */
export interface AccountFindings {
  readonly account: AccountTarget;
  /** The role assumed; undefined: the management account's own credentials. */
  readonly role?: string;
  /** By region, for the regions that could be read. */
  readonly regions: Readonly<Record<string, RegionFindings>>;
  /** Opt-in regions not enabled for the account, with AWS's answer. */
  readonly disabledRegions: ReadonlyArray<{ readonly region: string; readonly reason: string }>;
  readonly passwordPolicy: boolean;
  readonly s3PublicAccessBlock: boolean;
  readonly alternateContacts: readonly AlternateContactType[];
  readonly budgets: readonly string[];
  readonly configServiceLinkedRole: boolean;
  readonly controlTowerExecutionRole: boolean;
  /**
   * Whether Control Tower's Config recorder (aws-controltower-*) runs in any region read: Control Tower has enrolled
   * the account (controlTower.enrolledAccounts).
   */
  readonly controlTowerRecorder: boolean;
  /** Reads that failed (not "absent"): `what in where: reason`. Their entries are missing from the findings. */
  readonly failures: readonly string[];
  /** Reads that failed where a value was assumed and written: `what in where: reason; what was assumed`. */
  readonly assumptions: readonly string[];
}

export interface AccountDiscoveryOptions {
  /** Reads left out (--skip): their entries are not written. @default - none */
  readonly skip?: ReadonlySet<Skippable>;
  /** Regions to read (organization.governedRegions), the home region first. */
  readonly regions: readonly string[];
  /** Name of the landing zone's account analyzer (`<organization>-account`), preferred when there are several. */
  readonly analyzerName: string;
  /** Budget names the landing zone gives this account. */
  readonly budgetNames: readonly string[];
}

/** Runs `call`; on failure records `what` with the reason and returns `fallback`. */
async function attempt<T>(failures: string[], what: string, call: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await call();
  } catch (e) {
    // A global service (IAM, Account, Budgets) refusing the credentials is a failure, not a disabled region.
    failures.push(`${what}: ${reason(e instanceof RegionDisabledError ? e.cause : e)}`);
    return fallback;
  }
}

/** Reads one region; a RegionDisabledError from any read marks the whole region as not enabled. */
async function discoverRegion(session: AccountSession, region: string, options: AccountDiscoveryOptions, failures: string[]): Promise<RegionFindings> {
  const calls = [
    ['AWS Config (DescribeConfigurationRecorders)', () => readConfigRecorder(session, region), {}, 'config-recorders'],
    ['GuardDuty (ListDetectors)', () => readGuardDutyDetector(session, region), undefined, 'guardduty'],
    ['Security Hub (DescribeHub)', () => readSecurityHub(session, region), false, 'security-hub'],
    ['CloudTrail (DescribeTrails)', () => readTrails(session, region), [], 'trails'],
    ['Access Analyzer (ListAnalyzers)', () => readAccountAnalyzers(session, region, options.analyzerName), [], 'access-analyzer'],
    ['EC2 (GetEbsEncryptionByDefault)', () => readEbsEncryptionByDefault(session, region), false, 'ebs-encryption'],
  ] as const;
  const settled = await Promise.allSettled(calls.map(([, call, fallback, key]) => (options.skip?.has(key) ? Promise.resolve(fallback) : (call as () => Promise<unknown>)())));
  const disabled = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && s.reason instanceof RegionDisabledError);
  if (disabled) throw disabled.reason;
  const value = <T>(i: number): T => {
    const s = settled[i];
    if (s.status === 'fulfilled') return s.value as T;
    failures.push(`${calls[i][0]} in ${region}: ${reason(s.reason)}`);
    return calls[i][2] as T;
  };
  return {
    config: value<RegionConfigRecorder>(0),
    guardDutyDetector: value<string | undefined>(1),
    securityHub: value<boolean>(2),
    trails: value<FoundTrail[]>(3),
    accessAnalyzers: value<string[]>(4),
    ebsEncryptionByDefault: value<boolean>(5),
  };
}

/**
 * Everything the baseline and the security stack manage that the account already runs: per region (Config
 * recorder and channel, GuardDuty detector, Security Hub, trails, account analyzers, EBS default encryption), and
 * account-wide (password policy, S3 public access block, alternate contacts, the landing zone's budgets, the
 * Config service-linked role, Control Tower's execution role). A region that is not enabled for the account and a
 * read that fails are recorded; they never stop the rest.
 */
export async function discoverAccount(session: AccountSession, account: AccountTarget, options: AccountDiscoveryOptions): Promise<AccountFindings> {
  const failures: string[] = [];
  const regions: Record<string, RegionFindings> = {};
  const disabledRegions: Array<{ region: string; reason: string }> = [];
  for (const region of options.regions) {
    try {
      regions[region] = await discoverRegion(session, region, options, failures);
    } catch (e) {
      if (!(e instanceof RegionDisabledError)) throw e;
      disabledRegions.push({ region, reason: reason(e.cause) });
    }
  }
  const home = options.regions[0];
  const skipped = <T>(key: Skippable, fallback: T, read: () => Promise<T>): Promise<T> => (options.skip?.has(key) ? Promise.resolve(fallback) : read());
  const [passwordPolicy, s3PublicAccessBlock, alternateContacts, budgets, configServiceLinkedRole, controlTowerExecutionRole] = await Promise.all([
    skipped('password-policy', false, () => attempt(failures, 'IAM (GetAccountPasswordPolicy)', () => readPasswordPolicy(session), false)),
    disabledRegions.some((d) => d.region === home)
      ? false
      : skipped('s3-public-access-block', false, () => attempt(failures, `S3 Control (GetPublicAccessBlock) in ${home}`, () => readS3PublicAccessBlock(session, home), false)),
    skipped('alternate-contacts', [] as AlternateContactType[], () => attempt(failures, 'Account (GetAlternateContact)', () => readAlternateContacts(session), [] as AlternateContactType[])),
    skipped('budgets', [] as string[], () => attempt(failures, 'Budgets (DescribeBudget)', () => readBudgets(session, options.budgetNames), [] as string[])),
    skipped('service-roles', false, () => attempt(failures, `IAM (GetRole ${CONFIG_SERVICE_LINKED_ROLE})`, () => roleExists(session, CONFIG_SERVICE_LINKED_ROLE), false)),
    account.management ? Promise.resolve(false) : skipped('service-roles', false, () => attempt(failures, `IAM (GetRole ${CONTROL_TOWER.executionRole})`, () => roleExists(session, CONTROL_TOWER.executionRole), false)),
  ]);
  const assumptions = Object.values(regions).flatMap((r) =>
    r.trails.filter((t) => t.selectorsUnread).map((t) => `CloudTrail (GetEventSelectors) of trail "${t.name}" in ${t.region}: ${t.selectorsUnread}; taken as recording management events`),
  );
  return {
    account,
    ...(session.role ? { role: session.role } : {}),
    regions,
    disabledRegions,
    passwordPolicy,
    s3PublicAccessBlock,
    alternateContacts,
    budgets,
    configServiceLinkedRole,
    controlTowerExecutionRole,
    controlTowerRecorder: Object.values(regions).some((r) => controlTowerOwned('recorder', r.config.recorder)),
    failures,
    assumptions,
  };
}

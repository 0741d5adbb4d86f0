import type { App } from '../lib/cdktf';
import type { LandingZoneConfig } from '../config/schema';
import { coreAccount, hasBootstrapStack, workloadAccounts, workloadStackId } from '../config/model';
import { BootstrapStack } from './bootstrap-stack';
import { ManagementStack } from './management-stack';
import { LogArchiveStack } from './log-archive-stack';
import { ManagementBaselineStack } from './management-baseline-stack';
import { SecurityStack } from './security-stack';
import { WorkloadStack } from './workload-stack';
import { AccountStack } from './account-stack';
import { accountLayout, accountsHeldBy, MANAGEMENT_HOLDER } from '../config/account-stacks';

export { landingZoneStackIds } from '../config/stack-ids';

/** The stacks of one landing zone. */
export interface LandingZoneStacks {
  readonly bootstrap?: BootstrapStack;
  readonly management: ManagementStack;
  readonly logArchive: LogArchiveStack;
  /** The management account's own baseline (AWS Config, hardening), after the log bucket exists. */
  readonly managementBaseline: ManagementBaselineStack;
  readonly security: SecurityStack;
  /** Account stacks (accounts-1, ...) by id: the per-account resources of the accounts the management stack does not hold. */
  readonly accountStacks: ReadonlyMap<string, AccountStack>;
  /** Workload stacks by account name. */
  readonly workloads: ReadonlyMap<string, WorkloadStack>;
}

export interface BuildOptions {
  /**
   * Which workload stacks to build (by stack id).
   * @default - every workload stack
   */
  readonly includeWorkload?: (stackId: string) => boolean;
}

/** The core stacks (everything but the account and workload stacks), which reference each other. */
export type CoreStacks = Omit<LandingZoneStacks, 'workloads' | 'accountStacks'>;

/**
 * Builds the core stacks in `app`, in dependency order:
 * bootstrap → management → log-archive → management-baseline and security (in parallel).
 */
export function buildCoreStacks(app: App, config: LandingZoneConfig): CoreStacks {
  const bootstrap = hasBootstrapStack(config) ? new BootstrapStack(app, 'bootstrap', { config }) : undefined;

  const management = new ManagementStack(app, 'management', { config });
  if (bootstrap) management.addDependency(bootstrap);

  const securityAccount = management.accounts.get(coreAccount(config, 'security').name);
  const logArchive = new LogArchiveStack(app, 'log-archive', {
    config,
    account: management.accounts.get(coreAccount(config, 'log-archive').name),
    organizationId: management.organization.organizationId,
    securityAccountId: securityAccount.id,
  });
  logArchive.addDependency(management);

  // Its Config delivery channels write to the log bucket the log-archive stack creates.
  const managementBaseline = new ManagementBaselineStack(app, 'management-baseline', { config });
  managementBaseline.addDependency(logArchive);

  const security = new SecurityStack(app, 'security', {
    config,
    account: securityAccount,
    logKeyArn: logArchive.logKey.keyArn,
    organization: { id: management.organization.organizationId, rootId: management.organization.rootId, ouId: (path) => management.ouId(path) },
    memberAccounts: accountsHeldBy(config, MANAGEMENT_HOLDER)
      // Suspended accounts stay enrolled: monitoring goes on while they are frozen, and removing an organization
      // account from Macie fails in provider 5.100 (hashicorp/terraform-provider-aws#26219).
      .filter((a) => a.name !== securityAccount.name)
      .map((a) => ({ name: a.name, accountId: management.accounts.get(a.name).id, email: a.email })),
  });
  security.addDependency(logArchive);
  return { bootstrap, management, logArchive, managementBaseline, security };
}

/**
 * Builds account stacks in `app` (all, or those `include` accepts). Like workload stacks they need no other stack in
 * the app: they read what they use of the management and security stacks from their states (stacks/accounts/inputs.ts).
 */
export function buildAccountStacks(app: App, config: LandingZoneConfig, include?: (stackId: string) => boolean): Map<string, AccountStack> {
  const stacks = new Map<string, AccountStack>();
  for (const stackId of accountLayout(config).accountStackIds) {
    if (include && !include(stackId)) continue;
    stacks.set(stackId, new AccountStack(app, stackId, { config }));
  }
  return stacks;
}

/**
 * Builds workload stacks in `app` (all, or those `include` accepts). They need no other stack in the
 * app: each reads its account id from the management stack's state (stacks/management/account-outputs.ts),
 * which is what lets them be synthesized in batches, in other processes (synth/synth.ts).
 */
export function buildWorkloadStacks(app: App, config: LandingZoneConfig, include?: (stackId: string) => boolean): Map<string, WorkloadStack> {
  const workloads = new Map<string, WorkloadStack>();
  for (const accountConfig of workloadAccounts(config)) {
    const stackId = workloadStackId(accountConfig.name);
    if (include && !include(stackId)) continue;
    workloads.set(accountConfig.name, new WorkloadStack(app, stackId, { config, accountConfig }));
  }
  return workloads;
}

/**
 * Builds every stack of the landing zone in `app`, in dependency order:
 * bootstrap → management → log-archive → management-baseline and security (in parallel) → accounts-* (in parallel)
 * → workload-* (in parallel).
 */
export function buildLandingZone(app: App, config: LandingZoneConfig, options: BuildOptions = {}): LandingZoneStacks {
  const core = buildCoreStacks(app, config);
  return { ...core, accountStacks: buildAccountStacks(app, config), workloads: buildWorkloadStacks(app, config, options.includeWorkload) };
}

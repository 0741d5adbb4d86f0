import type { App } from '../lib/cdktf';
import type { LandingZoneConfig } from '../config/schema';
import { coreAccount, hasBootstrapStack, workloadAccounts, workloadStackId } from '../config/model';
import { BootstrapStack } from './bootstrap-stack';
import { ManagementStack } from './management-stack';
import { LogArchiveStack } from './log-archive-stack';
import { ManagementBaselineStack } from './management-baseline-stack';
import { SecurityStack } from './security-stack';
import { WorkloadStack } from './workload-stack';

/** The stacks of one landing zone. */
export interface LandingZoneStacks {
  readonly bootstrap?: BootstrapStack;
  readonly management: ManagementStack;
  readonly logArchive: LogArchiveStack;
  /** The management account's own baseline (AWS Config, hardening), after the log bucket exists. */
  readonly managementBaseline: ManagementBaselineStack;
  readonly security: SecurityStack;
  /** Workload stacks by account name. */
  readonly workloads: ReadonlyMap<string, WorkloadStack>;
}

export interface BuildOptions {
  /**
   * Which workload stacks to build (by stack id); stack selection (lib/synth.ts) builds only the selected
   * ones. The core stacks are always built: workload stacks reference management and depend on security.
   * @default - every workload stack
   */
  readonly includeWorkload?: (stackId: string) => boolean;
}

/** Every stack id of the landing zone, in dependency order, without building anything. */
export function landingZoneStackIds(config: LandingZoneConfig): string[] {
  return [
    ...(hasBootstrapStack(config) ? ['bootstrap'] : []),
    'management',
    'log-archive',
    'management-baseline',
    'security',
    ...workloadAccounts(config).map((a) => workloadStackId(a.name)),
  ];
}

/**
 * Builds every stack of the landing zone in `app`, in dependency order:
 * bootstrap → management → log-archive → management-baseline and security (in parallel) → workload-* (in parallel).
 */
export function buildLandingZone(app: App, config: LandingZoneConfig, options: BuildOptions = {}): LandingZoneStacks {
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
    organization: { rootId: management.organization.rootId, ouId: (path) => management.ouId(path) },
    memberAccounts: config.accounts
      // Suspended accounts stay enrolled: monitoring goes on while they are frozen, and removing an organization
      // account from Macie fails in provider 5.100 (hashicorp/terraform-provider-aws#26219).
      .filter((a) => a.name !== securityAccount.name)
      .map((a) => ({ name: a.name, accountId: management.accounts.get(a.name).id, email: a.email })),
  });
  security.addDependency(logArchive);

  const workloads = new Map<string, WorkloadStack>();
  for (const accountConfig of workloadAccounts(config)) {
    const stackId = workloadStackId(accountConfig.name);
    if (options.includeWorkload && !options.includeWorkload(stackId)) continue;
    const stack = new WorkloadStack(app, stackId, {
      config,
      accountConfig,
      account: management.accounts.get(accountConfig.name),
    });
    stack.addDependency(security);
    workloads.set(accountConfig.name, stack);
  }
  return { bootstrap, management, logArchive, managementBaseline, security, workloads };
}

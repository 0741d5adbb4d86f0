import type { App } from '../lib/cdktf';
import type { LandingZoneConfig } from '../config/schema';
import { coreAccount, workloadAccounts, workloadStackId } from '../config/model';
import { BootstrapStack } from './bootstrap-stack';
import { ManagementStack } from './management-stack';
import { LogArchiveStack } from './log-archive-stack';
import { SecurityStack } from './security-stack';
import { WorkloadStack } from './workload-stack';

/** The stacks of one landing zone. */
export interface LandingZoneStacks {
  readonly bootstrap?: BootstrapStack;
  readonly management: ManagementStack;
  readonly logArchive: LogArchiveStack;
  readonly security: SecurityStack;
  /** Workload stacks by account name. */
  readonly workloads: ReadonlyMap<string, WorkloadStack>;
}

/**
 * Builds every stack of the landing zone in `app`, in dependency order:
 * bootstrap → management → log-archive → security → workload-* (in parallel).
 */
export function buildLandingZone(app: App, config: LandingZoneConfig): LandingZoneStacks {
  const { state } = config;
  const bootstrap = state.backend === 's3' && state.bootstrap ? new BootstrapStack(app, 'bootstrap', { config }) : undefined;

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

  const security = new SecurityStack(app, 'security', {
    config,
    account: securityAccount,
    logKeyArn: logArchive.logKey.keyArn,
    organization: { rootId: management.organization.rootId, ouId: (path) => management.ouId(path) },
    memberAccountIds: config.accounts.filter((a) => a.state === 'active').map((a) => management.accounts.get(a.name).id),
  });
  security.addDependency(logArchive);

  const workloads = new Map<string, WorkloadStack>();
  for (const accountConfig of workloadAccounts(config)) {
    const stack = new WorkloadStack(app, workloadStackId(accountConfig.name), {
      config,
      accountConfig,
      account: management.accounts.get(accountConfig.name),
    });
    stack.addDependency(security);
    workloads.set(accountConfig.name, stack);
  }
  return { bootstrap, management, logArchive, security, workloads };
}

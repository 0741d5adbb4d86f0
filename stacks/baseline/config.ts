import type { ITerraformDependable } from '../../lib/cdktf';
import { AccountConfigRules, ConfigRecorder, ConfigServiceLinkedRole, configServiceLinkedRoleArn } from '../../constructs/baseline';
import { governedRegions } from '../../config/model';
import { CONFIG_DELIVERY_PREFIX, logBucketName, namingOf } from '../../lib/naming';
import type { BaselineContext } from './context';

/**
 * AWS Config in every governed region of the account (seed 004: Config everywhere, delivered to the
 * log-archive account): one service-linked role for the account, then per region a recorder, delivery
 * channel and recorder status, and the Config rules of `security.config.rules` after the recorder is on.
 * Global resource types are recorded, and account-wide rules evaluated, in the home region only.
 * `deliveryDependsOn`: what the delivery channels wait for besides their recorder (the log bucket policy
 * and key, when they are made in the same stack).
 */
export function addConfig({ stack, scope, account, baseline }: BaselineContext, deliveryDependsOn: readonly ITerraformDependable[] = []): void {
  const { config } = stack;
  const settings = baseline.config;
  if (!settings.enabled) return;
  const home = config.organization.homeRegion;
  const rules = config.security.config.enabled ? config.security.config.rules : [];
  const roleArn = settings.createServiceLinkedRole
    ? new ConfigServiceLinkedRole(scope, 'ConfigServiceRole', { provider: stack.providerFor(account, home) }).roleArn
    : configServiceLinkedRoleArn(account.id);
  for (const region of governedRegions(config)) {
    const provider = stack.providerFor(account, region);
    const recorder = new ConfigRecorder(scope, `Config-${region}`, {
      provider,
      roleArn,
      bucketName: logBucketName(namingOf(config)),
      keyPrefix: CONFIG_DELIVERY_PREFIX,
      includeGlobalResourceTypes: region === home,
      snapshotFrequency: settings.snapshotFrequency,
      recordingFrequency: settings.recordingFrequency,
      dependsOn: deliveryDependsOn.length > 0 ? deliveryDependsOn : undefined,
    });
    if (rules.length > 0) {
      new AccountConfigRules(scope, `ConfigRules-${region}`, { provider, rules, homeRegion: region === home, recorderStatus: recorder.status });
    }
  }
}

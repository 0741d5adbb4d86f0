import type { LandingZoneStack } from '../landing-zone-stack';
import type { TargetAccount } from '../../constructs/core/providers';
import { ConfigRecorder, ConfigServiceLinkedRole, configServiceLinkedRoleArn } from '../../constructs/baseline';
import type { EffectiveBaseline } from '../../config/effective-baseline';
import { governedRegions } from '../../config/model';
import { CONFIG_DELIVERY_PREFIX, logBucketName, namingOf } from '../../lib/naming';

/**
 * AWS Config in every governed region of the account (seed 004: Config everywhere, delivered to the
 * log-archive account): one service-linked role for the account, then a recorder, delivery channel
 * and recorder status per region. Global resource types are recorded in the home region only.
 */
export function addConfigRecorders(stack: LandingZoneStack, account: TargetAccount, baseline: EffectiveBaseline): void {
  const { config } = stack;
  const settings = baseline.config;
  if (!settings.enabled) return;
  const home = config.organization.homeRegion;
  const roleArn = settings.createServiceLinkedRole
    ? new ConfigServiceLinkedRole(stack, 'ConfigServiceRole', { provider: stack.providerFor(account, home) }).roleArn
    : configServiceLinkedRoleArn(account.id);
  for (const region of governedRegions(config)) {
    new ConfigRecorder(stack, `Config-${region}`, {
      provider: stack.providerFor(account, region),
      roleArn,
      bucketName: logBucketName(namingOf(config)),
      keyPrefix: CONFIG_DELIVERY_PREFIX,
      includeGlobalResourceTypes: region === home,
      snapshotFrequency: settings.snapshotFrequency,
      recordingFrequency: settings.recordingFrequency,
    });
  }
}

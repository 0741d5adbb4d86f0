import type { ITerraformDependable } from '../../lib/cdktf';
import { controlTowerOwnsConfig } from '../../config/brownfield';
import { AccountConfigRules, ConfigRecorder, ConfigServiceLinkedRole, configServiceLinkedRoleArn, type AdoptedConfigRecorderProps } from '../../constructs/baseline';
import { governedRegions } from '../../config/model';
import { CONFIG_DELIVERY_PREFIX, configLogBucketName, namingOf } from '../../lib/naming';
import type { BaselineContext } from './context';
import { adoptionIn } from './adoption';
import type { EffectiveBaseline } from '../../config/effective-baseline';

/**
 * AWS Config in every governed region of the account (seed 004: Config everywhere, delivered to the
 * log-archive account's Config log bucket, which has no Object Lock): one service-linked role for the
 * account (created, or adopted where it already exists: ConfigServiceLinkedRole), then per region a
 * recorder, delivery channel and recorder status, and the Config rules of `security.config.rules` after
 * the recorder is on.
 * Global resource types are recorded, and account-wide rules evaluated, in the home region only.
 *
 * Brownfield: AWS allows one recorder and one delivery channel per account and region
 * (https://docs.aws.amazon.com/config/latest/developerguide/configlimits.html), so a region's recorder that
 * the account already runs (`adopt.configRecorders[region]`) keeps its name and is imported with its status
 * and channel (ConfigRecorder `adopt`); none is ever created beside it. Where AWS Control Tower owns the
 * account's recorder in a region (controlTowerOwnsConfig: an enrolled account in a Control Tower region),
 * the baseline makes no recorder, channel or status there, and its rules depend on nothing of ours; when
 * Control Tower owns every governed region of the account, the Config service-linked role is not made
 * either (Control Tower's recorders use their own role).
 * `deliveryDependsOn`: what the delivery channels wait for besides their recorder (the log bucket policy
 * and key, when they are made in the same stack).
 */
export function addConfig({ stack, scope, account, baseline, providerIn }: BaselineContext, deliveryDependsOn: readonly ITerraformDependable[] = []): void {
  const { config } = stack;
  const settings = baseline.config;
  if (!settings.enabled) return;
  const home = config.organization.homeRegion;
  const rules = config.security.config.enabled ? config.security.config.rules : [];
  const recorders = adoptionIn({ stack, account }).adopt.configRecorders as Partial<Record<string, AdoptedConfigRecorderProps>>;
  const regions = governedRegions(config);
  const ours = new Set(regions.filter((region) => !controlTowerOwnsConfig(config, account.name, region)));
  let roleArn: string | undefined;
  if (ours.size > 0) {
    roleArn = settings.createServiceLinkedRole
      ? new ConfigServiceLinkedRole(scope, 'ConfigServiceRole', { provider: providerIn(home) }).roleArn
      : configServiceLinkedRoleArn(account.id);
  }
  for (const region of regions) {
    const provider = providerIn(region);
    const recorder =
      roleArn !== undefined && ours.has(region)
        ? new ConfigRecorder(scope, `Config-${region}`, {
            provider,
            roleArn,
            bucketName: configLogBucketName(namingOf(config)),
            keyPrefix: CONFIG_DELIVERY_PREFIX,
            includeGlobalResourceTypes: region === home,
            snapshotFrequency: settings.snapshotFrequency,
            recordingFrequency: settings.recordingFrequency,
            dependsOn: deliveryDependsOn.length > 0 ? deliveryDependsOn : undefined,
            adopt: recorders[region],
          })
        : undefined;
    if (rules.length > 0) {
      new AccountConfigRules(scope, `ConfigRules-${region}`, {
        provider,
        rules,
        homeRegion: region === home,
        recorderStatus: recorder?.status,
        inputParameters: baseline.passwordPolicy.enabled ? { 'iam-password-policy': passwordRuleParameters(baseline.passwordPolicy) } : undefined,
      });
    }
  }
}

/**
 * IAM_PASSWORD_POLICY parameters that check the password policy this account's baseline sets, so
 * an override (e.g. a longer minimum length for one OU) is what the rule evaluates against.
 * MaxPasswordAge and PasswordReusePrevention are left out when the policy turns them off (0).
 * @see https://docs.aws.amazon.com/config/latest/developerguide/iam-password-policy.html
 */
export function passwordRuleParameters(policy: EffectiveBaseline['passwordPolicy']): Record<string, string> {
  const parameters: Record<string, string> = {
    RequireUppercaseCharacters: String(policy.requireUppercase),
    RequireLowercaseCharacters: String(policy.requireLowercase),
    RequireSymbols: String(policy.requireSymbols),
    RequireNumbers: String(policy.requireNumbers),
    MinimumPasswordLength: String(policy.minimumLength),
  };
  if (policy.reusePrevention > 0) parameters.PasswordReusePrevention = String(policy.reusePrevention);
  if (policy.maxAgeDays > 0) parameters.MaxPasswordAge = String(policy.maxAgeDays);
  return parameters;
}

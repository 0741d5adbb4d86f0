import { resourcesOf, type StackJson } from '../harness/synth';

/** Account-wide managed rules of the default `security.config.rules`: evaluated in the home region only. */
export const GLOBAL_RULE_IDENTIFIERS = [
  'ROOT_ACCOUNT_MFA_ENABLED',
  'IAM_ROOT_ACCESS_KEY_CHECK',
  'IAM_PASSWORD_POLICY',
  'MULTI_REGION_CLOUD_TRAIL_ENABLED',
  'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED',
  'S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC',
];
/** Regional managed rules of the default `security.config.rules`: evaluated in every governed region. */
export const REGIONAL_RULE_IDENTIFIERS = [
  'ENCRYPTED_VOLUMES',
  'EC2_EBS_ENCRYPTION_BY_DEFAULT',
  'EC2_IMDSV2_CHECK',
  'S3_BUCKET_PUBLIC_READ_PROHIBITED',
  'S3_BUCKET_PUBLIC_WRITE_PROHIBITED',
  'S3_BUCKET_SSL_REQUESTS_ONLY',
  'INCOMING_SSH_DISABLED',
  'GUARDDUTY_ENABLED_CENTRALIZED',
  'SECURITYHUB_ENABLED',
];

/**
 * Asserts the account's AWS Config baseline in `stack` with the default rules: a recorder (global types
 * only in `home`), delivery channel and status in every governed region through the account's alias, and
 * the managed rules in each region through the same alias, each depending on exactly that region's
 * recorder status; account-wide rules only in the home region.
 */
export function expectAccountConfig(stack: StackJson, account: string, governed: readonly string[], home: string): void {
  const recorders = Object.values(resourcesOf(stack, 'aws_config_configuration_recorder'));
  expect(recorders.map((r) => r.provider).sort()).toEqual(governed.map((r) => `aws.${account}-${r}`).sort());
  for (const r of recorders) {
    expect([r.provider, r.recording_group]).toEqual([r.provider, { all_supported: true, include_global_resource_types: r.provider === `aws.${account}-${home}` }]);
  }
  expect(Object.values(resourcesOf(stack, 'aws_config_delivery_channel')).map((c) => c.provider).sort()).toEqual(recorders.map((r) => r.provider).sort());

  const statuses = Object.entries(resourcesOf(stack, 'aws_config_configuration_recorder_status'));
  const rules = Object.values(resourcesOf(stack, 'aws_config_config_rule'));
  for (const region of governed) {
    const provider = `aws.${account}-${region}`;
    const inRegion = statuses.filter(([, s]) => s.provider === provider);
    expect(inRegion).toHaveLength(1);
    const [statusName, status] = inRegion[0];
    expect(status.is_enabled).toBe(true);

    const regionRules = rules.filter((r) => r.provider === provider);
    const expected = region === home ? [...GLOBAL_RULE_IDENTIFIERS, ...REGIONAL_RULE_IDENTIFIERS] : REGIONAL_RULE_IDENTIFIERS;
    expect([region, regionRules.map((r) => r.source.source_identifier).sort()]).toEqual([region, [...expected].sort()]);
    for (const rule of regionRules) {
      expect(rule.name).toMatch(/^lz-[a-z0-9-]+$/);
      expect(rule.source.owner).toBe('AWS');
      expect(rule.depends_on).toEqual([`aws_config_configuration_recorder_status.${statusName}`]);
    }
  }
  expect(rules.every((r) => governed.some((region) => r.provider === `aws.${account}-${region}`))).toBe(true);
}

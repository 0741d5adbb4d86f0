/**
 * Physical names of the landing zone's shared resources, from one place.
 *
 * Names are deterministic from the organization name and the management account id (both
 * literal in the config), so any stack can refer to the central log bucket or key alias
 * without a cross-stack reference, and the meaning checks can prove length limits before
 * any Terraform is written.
 */

/** AWS limits of the names below. */
export const PHYSICAL_NAME_LIMITS = {
  logBucket: 63,
  accessLogBucket: 63,
  logKeyAlias: 256,
  findingsTopic: 256,
} as const;

export type PhysicalNameKind = keyof typeof PHYSICAL_NAME_LIMITS;

export interface NamingInput {
  /** organization.name */
  readonly orgName: string;
  /** organization.managementAccountId */
  readonly managementAccountId: string;
}

/** Central CloudTrail + Config bucket in the log-archive account. */
export function logBucketName({ orgName, managementAccountId }: NamingInput): string {
  return `${orgName}-logs-${managementAccountId}`;
}

/** Server access logs of the central log bucket. */
export function accessLogBucketName({ orgName, managementAccountId }: NamingInput): string {
  return `${orgName}-access-logs-${managementAccountId}`;
}

/** Alias of the log-archive KMS key (`alias/<org>-logs`); usable wherever a key ARN is asked. */
export function logKeyAliasName({ orgName }: NamingInput): string {
  return `alias/${orgName}-logs`;
}

/** SNS topic in the security account that receives findings and non-compliance. */
export function findingsTopicName({ orgName }: NamingInput): string {
  return `${orgName}-security-findings`;
}

/** Folder of the central log bucket under which every account's AWS Config deliveries land (for the bucket policy: `config/*`). */
export const CONFIG_KEY_PREFIX_ROOT = 'config';

/**
 * Key prefix of one account's AWS Config deliveries in the central log bucket: `config/<account-name>`;
 * Config appends `/AWSLogs/<account-id>/Config/<region>/...`.
 */
export function configKeyPrefix(accountName: string): string {
  return `${CONFIG_KEY_PREFIX_ROOT}/${accountName}`;
}

/** Every length-limited name, for the meaning checks. */
export function physicalNames(input: NamingInput): Record<PhysicalNameKind, string> {
  return {
    logBucket: logBucketName(input),
    accessLogBucket: accessLogBucketName(input),
    logKeyAlias: logKeyAliasName(input),
    findingsTopic: findingsTopicName(input),
  };
}

/** Naming input of a config. */
export function namingOf(config: { organization: { name: string; managementAccountId: string } }): NamingInput {
  return { orgName: config.organization.name, managementAccountId: config.organization.managementAccountId };
}

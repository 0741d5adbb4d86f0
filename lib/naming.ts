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
  configLogBucket: 63,
  accessLogBucket: 63,
  logKeyAlias: 256,
  findingsTopic: 256,
  findingsKeyAlias: 256,
  organizationTrail: 128,
  eventDataStore: 128,
  configAggregator: 256,
  externalAccessAnalyzer: 255,
  unusedAccessAnalyzer: 255,
  securityHubPolicy: 128,
} as const;

export type PhysicalNameKind = keyof typeof PHYSICAL_NAME_LIMITS;

export interface NamingInput {
  /** organization.name */
  readonly orgName: string;
  /** organization.managementAccountId */
  readonly managementAccountId: string;
}

/**
 * Central CloudTrail bucket in the log-archive account: the organization trail writes here, and it is
 * the bucket that may carry S3 Object Lock (`logging.objectLock`).
 */
export function logBucketName({ orgName, managementAccountId }: NamingInput): string {
  return `${orgName}-logs-${managementAccountId}`;
}

/**
 * Bucket in the log-archive account that every account's AWS Config delivery channel and the security
 * account's GuardDuty findings export write to. It never has Object Lock: AWS Config does not support a
 * delivery channel to a bucket where Object Lock is enabled, and GuardDuty's export documentation does
 * not list Object Lock buckets as a supported destination.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-config-deliverychannel.html
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html
 */
export function configLogBucketName({ orgName, managementAccountId }: NamingInput): string {
  return `${orgName}-config-logs-${managementAccountId}`;
}

/** Server access logs of the CloudTrail and Config log buckets. */
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

/**
 * ARN of the log-archive key's alias in `region` of the log-archive account. CloudTrail, Config
 * delivery channels and S3 accept it wherever a key ARN is asked; GuardDuty's publishing
 * destination needs the key ARN itself (the log-archive stack's `logKey.keyArn`).
 */
export function logKeyAliasArn(input: NamingInput, region: string, logArchiveAccountId: string): string {
  return `arn:aws:kms:${region}:${logArchiveAccountId}:${logKeyAliasName(input)}`;
}

/**
 * Key prefix under which every account's AWS Config delivery channel writes to the Config log bucket
 * (`config/AWSLogs/<account-id>/Config/...`). The bucket policy lets config.amazonaws.com write only there.
 */
export const CONFIG_DELIVERY_PREFIX = 'config';

/** The same prefix as a function, for callers that build delivery channels. */
export function configDeliveryPrefix(): string {
  return CONFIG_DELIVERY_PREFIX;
}

/**
 * Key prefix of GuardDuty findings exported from the security account into the Config log bucket
 * (`guardduty/AWSLogs/<account-id>/GuardDuty/<region>/...`).
 */
export const GUARDDUTY_FINDINGS_PREFIX = 'guardduty';

/** The organization trail (CloudTrail writes it under `AWSLogs/<org-id>/` with no prefix). */
export function organizationTrailName({ orgName }: NamingInput): string {
  return `${orgName}-organization-trail`;
}

/** The optional CloudTrail Lake event data store of the organization. */
export function eventDataStoreName({ orgName }: NamingInput): string {
  return `${orgName}-organization-events`;
}

/** Alias of the security account's key that encrypts the findings topic. */
export function findingsKeyAliasName({ orgName }: NamingInput): string {
  return `alias/${orgName}-security-findings`;
}

/** AWS Config organization aggregator in the security account. */
export function configAggregatorName({ orgName }: NamingInput): string {
  return `${orgName}-organization`;
}

/** IAM Access Analyzer organization analyzer for external access (one per region). */
export function externalAccessAnalyzerName({ orgName }: NamingInput): string {
  return `${orgName}-external-access`;
}

/** IAM Access Analyzer organization analyzer for unused access (home region). */
export function unusedAccessAnalyzerName({ orgName }: NamingInput): string {
  return `${orgName}-unused-access`;
}

/** Security Hub central configuration policy. */
export function securityHubPolicyName({ orgName }: NamingInput): string {
  return `${orgName}-baseline`;
}

/** A member account's monthly AWS Budget (its baseline, stacks/baseline/billing.ts). */
export function accountBudgetName(accountName: string): string {
  return `${accountName}-monthly-cost`;
}

/** The management account's budget of the whole organization's bill (stacks/management/hygiene.ts). */
export function organizationBudgetName({ orgName }: Pick<NamingInput, 'orgName'>): string {
  return `${orgName}-organization-monthly-cost`;
}

/** Every length-limited name, for the meaning checks. */
export function physicalNames(input: NamingInput): Record<PhysicalNameKind, string> {
  return {
    logBucket: logBucketName(input),
    configLogBucket: configLogBucketName(input),
    accessLogBucket: accessLogBucketName(input),
    logKeyAlias: logKeyAliasName(input),
    findingsTopic: findingsTopicName(input),
    findingsKeyAlias: findingsKeyAliasName(input),
    organizationTrail: organizationTrailName(input),
    eventDataStore: eventDataStoreName(input),
    configAggregator: configAggregatorName(input),
    externalAccessAnalyzer: externalAccessAnalyzerName(input),
    unusedAccessAnalyzer: unusedAccessAnalyzerName(input),
    securityHubPolicy: securityHubPolicyName(input),
  };
}

/** Naming input of a config. */
export function namingOf(config: { organization: { name: string; managementAccountId: string } }): NamingInput {
  return { orgName: config.organization.name, managementAccountId: config.organization.managementAccountId };
}

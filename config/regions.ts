/**
 * Commercial-partition AWS Regions a landing zone can govern.
 *
 * Source: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 * (checked 2026-11). GovCloud and China are separate partitions with their own organizations
 * and are out of scope.
 */
export const AWS_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'af-south-1',
  'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1',
  'il-central-1', 'me-south-1', 'me-central-1', 'mx-central-1', 'sa-east-1',
] as const;

export type AwsRegion = (typeof AWS_REGIONS)[number];

/**
 * Regions enabled by default in every account (no opt-in needed). `security.regions: all` runs
 * the regional security services in these plus the governed ones: services cannot run in an
 * opt-in region an account has not enabled.
 * Source: https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html
 */
export const DEFAULT_ENABLED_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ca-central-1', 'eu-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-north-1', 'sa-east-1',
] as const satisfies readonly AwsRegion[];

/**
 * Regions of the other AWS partitions, by name pattern. An organization lives in one partition,
 * and this landing zone builds `arn:aws:` ARNs for the commercial one, so these are refused with
 * their partition named, not "did you mean" a commercial Region.
 * Source: https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 */
export const OTHER_PARTITIONS: ReadonlyArray<{ readonly pattern: RegExp; readonly partition: string; readonly name: string }> = [
  { pattern: /^cn-/, partition: 'aws-cn', name: 'AWS China' },
  { pattern: /^us-gov-/, partition: 'aws-us-gov', name: 'AWS GovCloud (US)' },
  { pattern: /^[a-z]{2}-iso[a-z]?-/, partition: 'aws-iso', name: 'an AWS isolated (ISO) partition' },
  { pattern: /^eusc-/, partition: 'aws-eusc', name: 'the AWS European Sovereign Cloud' },
];

/** The error for a string that is not a commercial Region: the partition it belongs to, or a form hint. */
export function regionError(input: unknown): string {
  if (typeof input === 'string') {
    const other = OTHER_PARTITIONS.find((p) => p.pattern.test(input.trim().toLowerCase()));
    if (other) {
      return `is a Region of ${other.name} (partition ${other.partition}), which is not supported (partition): this landing zone governs an organization in the commercial partition (aws); use commercial Regions such as "us-east-1"`;
    }
    if (input !== input.trim().toLowerCase() && (AWS_REGIONS as readonly string[]).includes(input.trim().toLowerCase())) {
      return `is not an AWS Region name as written; did you mean "${input.trim().toLowerCase()}"? (Region codes are lowercase)`;
    }
  }
  return 'is not an AWS Region name; use a code such as "us-east-1" or "ap-northeast-1"';
}

/** Billing metrics (`AWS/Billing` `EstimatedCharges`) exist only in us-east-1. */
export const BILLING_REGION = 'us-east-1';

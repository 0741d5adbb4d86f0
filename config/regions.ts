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

/** Billing metrics (`AWS/Billing` `EstimatedCharges`) exist only in us-east-1. */
export const BILLING_REGION = 'us-east-1';

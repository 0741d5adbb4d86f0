import { EXAMPLES } from '../harness/config';
import { recordedPlanApiCalls } from '../emulator/plan-api-calls';
import { PLAN_CALLS_NOT_RECORDED } from '../emulator/plan-calls-not-recorded';

/** IAM service prefix of each AWS SDK service id the plans call. */
export const IAM_PREFIX_OF_SDK_SERVICE: Readonly<Record<string, string>> = {
  AccessAnalyzer: 'access-analyzer',
  Account: 'account',
  Budgets: 'budgets',
  CloudFormation: 'cloudformation',
  CloudTrail: 'cloudtrail',
  CloudWatch: 'cloudwatch',
  'Config Service': 'config',
  Detective: 'detective',
  EC2: 'ec2',
  EventBridge: 'events',
  GuardDuty: 'guardduty',
  IAM: 'iam',
  identitystore: 'identitystore',
  Inspector2: 'inspector2',
  KMS: 'kms',
  Macie2: 'macie2',
  Organizations: 'organizations',
  S3: 's3',
  'S3 Control': 's3',
  SecurityHub: 'securityhub',
  SNS: 'sns',
  'SSO Admin': 'sso',
  STS: 'sts',
};

/**
 * Operations whose IAM action has another name than the operation.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations.html (each S3 operation page names its permission)
 * @see https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-permissions.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondetective.html
 */
export const IAM_ACTION_OF_OPERATION: Readonly<Record<string, string>> = {
  'S3:HeadBucket': 's3:ListBucket',
  'S3:GetBucketAccelerateConfiguration': 's3:GetAccelerateConfiguration',
  'S3:GetBucketCors': 's3:GetBucketCORS',
  'S3:GetBucketEncryption': 's3:GetEncryptionConfiguration',
  'S3:GetBucketLifecycleConfiguration': 's3:GetLifecycleConfiguration',
  'S3:GetBucketReplication': 's3:GetReplicationConfiguration',
  'S3:GetObjectLockConfiguration': 's3:GetBucketObjectLockConfiguration',
  'S3:GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  'S3 Control:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
  'Detective:ListOrganizationAdminAccounts': 'detective:ListOrganizationAdminAccount',
  'Budgets:DescribeBudget': 'budgets:ViewBudget',
  'Budgets:DescribeNotificationsForBudget': 'budgets:ViewBudget',
  'Budgets:DescribeSubscribersForNotification': 'budgets:ViewBudget',
};

/** The IAM action an API call (`"S3:GetBucketPolicy"`) needs. */
export function iamActionOfCall(call: string): string {
  const mapped = IAM_ACTION_OF_OPERATION[call];
  if (mapped) return mapped;
  const at = call.lastIndexOf(':');
  const prefix = IAM_PREFIX_OF_SDK_SERVICE[call.slice(0, at)];
  if (!prefix) throw new Error(`no IAM service prefix for the SDK service of ${call}; add it to IAM_PREFIX_OF_SDK_SERVICE`);
  return `${prefix}:${call.slice(at + 1)}`;
}

/** Every API call the plans make (recorded on the emulator, and those listed as not recorded), with the Terraform types that make it. */
export function planApiCalls(): Map<string, Set<string>> {
  const calls = new Map<string, Set<string>>();
  const add = (call: string, type: string) => calls.set(call, new Set([...(calls.get(call) ?? []), type]));
  for (const example of EXAMPLES) {
    for (const [call, types] of Object.entries(recordedPlanApiCalls(example))) for (const type of types) add(call, type);
  }
  for (const [type, { calls: listed }] of Object.entries(PLAN_CALLS_NOT_RECORDED)) for (const call of listed) add(call, type);
  return calls;
}

/** The IAM actions of every plan call, with the Terraform types that need them. */
export function planActions(): Map<string, Set<string>> {
  const actions = new Map<string, Set<string>>();
  for (const [call, types] of planApiCalls()) {
    const action = iamActionOfCall(call);
    actions.set(action, new Set([...(actions.get(action) ?? []), ...types]));
  }
  return actions;
}

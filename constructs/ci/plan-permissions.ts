import type { Statement } from '../../lib/policy-document';

/** AWS managed policy every plan role carries: read access to configuration, maintained by AWS for new services. */
export const READ_ONLY_ACCESS_ARN = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

/**
 * Reads of data, not configuration: object and item contents, secrets, parameters, messages, log
 * events, images, source code. ReadOnlyAccess grants several of them; Terraform never needs them to
 * plan the landing zone, and code under review (a pull request) must not reach the organization's data.
 * S3 object reads are in their own list: the CI plan identity reads the state objects.
 * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/ReadOnlyAccess.html
 */
export const DATA_READ_ACTIONS: readonly string[] = [
  'athena:GetQueryResults',
  'codecommit:GetBlob',
  'codecommit:GetFile',
  'codecommit:GitPull',
  'dynamodb:BatchGetItem',
  'dynamodb:GetItem',
  'dynamodb:GetRecords',
  'dynamodb:Query',
  'dynamodb:Scan',
  'ec2:GetConsoleScreenshot',
  'ec2:GetPasswordData',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
  'kinesis:GetRecords',
  'logs:FilterLogEvents',
  'logs:GetLogEvents',
  'logs:StartQuery',
  'secretsmanager:BatchGetSecretValue',
  'secretsmanager:GetSecretValue',
  'sqs:ReceiveMessage',
  'ssm:GetParameter',
  'ssm:GetParameterHistory',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
];

/** S3 object reads (object contents). */
export const OBJECT_READ_ACTIONS: readonly string[] = ['s3:GetObject', 's3:GetObjectVersion'];

/** The S3 state a plan reads and locks (backend s3 with `use_lockfile`). */
export interface PlanStateAccess {
  readonly bucket: string;
  /** Keys are `<keyPrefix>/<stack-id>.tfstate`. */
  readonly keyPrefix: string;
  /** Region of the bucket (KMS requests come through S3 in that region). */
  readonly region: string;
  /**
   * The state is encrypted with this KMS key (id, alias or ARN).
   * @default - SSE-S3, no KMS permission
   */
  readonly kmsKeyId?: string;
}

/** Statements that keep a plan role's reads to configuration (member plan roles: no object reads at all). */
export function denyDataReads(stateObjects?: string): Statement[] {
  return [
    { Sid: 'DenyDataReads', Effect: 'Deny', Action: [...DATA_READ_ACTIONS], Resource: '*' },
    stateObjects
      ? { Sid: 'DenyObjectReadsButState', Effect: 'Deny', Action: [...OBJECT_READ_ACTIONS], NotResource: stateObjects }
      : { Sid: 'DenyObjectReads', Effect: 'Deny', Action: [...OBJECT_READ_ACTIONS], Resource: '*' },
  ];
}

/**
 * What Terraform needs beyond ReadOnlyAccess to plan with S3 state: read the state objects, and write
 * and delete the lock object `<key>.tflock` that `use_lockfile` makes next to each state (nothing else
 * in the bucket is writable).
 * @see https://developer.hashicorp.com/terraform/language/backend/s3#s3-bucket-permissions
 */
export function stateStatements(state: PlanStateAccess): Statement[] {
  const bucketArn = `arn:aws:s3:::${state.bucket}`;
  const objects = `${bucketArn}/${state.keyPrefix}/*`;
  const statements: Statement[] = [
    { Sid: 'StateList', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn },
    { Sid: 'StateRead', Effect: 'Allow', Action: 's3:GetObject', Resource: objects },
    { Sid: 'StateLock', Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: `${objects}.tflock` },
  ];
  if (state.kmsKeyId) {
    statements.push({
      Sid: 'StateKey',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:ViaService': `s3.${state.region}.amazonaws.com` },
        // With an S3 Bucket Key the context is the bucket, without it the object.
        StringLike: { 'kms:EncryptionContext:aws:s3:arn': [bucketArn, objects] },
      },
    });
  }
  return statements;
}

export interface PlanIdentityOptions {
  /** The plan role's name: the same in every account. */
  readonly planRoleName: string;
  /** Roles the plan identity must never assume: the access role, break-glass roles, the CI apply role. */
  readonly writerRoleNames: readonly string[];
  /**
   * The S3 state the plans read and lock.
   * @default - no state permissions (HCP Terraform keeps the state)
   */
  readonly state?: PlanStateAccess;
}

/**
 * Inline policy of the CI plan identity in the management account (besides ReadOnlyAccess): state read
 * and lock, `sts:AssumeRole` on the plan role of the member accounts, an explicit deny on every writer
 * role (the access role trusts the whole management account, so an allow elsewhere must not reach it),
 * and no data reads but the state.
 */
export function planIdentityStatements(options: PlanIdentityOptions): Statement[] {
  const stateObjects = options.state ? `arn:aws:s3:::${options.state.bucket}/${options.state.keyPrefix}/*` : undefined;
  return [
    ...(options.state ? stateStatements(options.state) : []),
    { Sid: 'AssumeMemberPlanRoles', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::*:role/${options.planRoleName}` },
    {
      Sid: 'DenyWriterRoles',
      Effect: 'Deny',
      Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
      Resource: [...new Set(options.writerRoleNames)].map((name) => `arn:aws:iam::*:role/${name}`),
    },
    ...denyDataReads(stateObjects),
  ];
}

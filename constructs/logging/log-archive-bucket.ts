import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketObjectLockConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { SecureBucket } from '../storage/secure-bucket';
import { accessRoleArn } from '../core/providers';
import type { Statement } from '../../lib/policy-document';
import { CONFIG_DELIVERY_PREFIX, GUARDDUTY_FINDINGS_PREFIX } from '../../lib/naming';

/** What the central log bucket's policy statements are built from. */
export interface LogArchiveBucketPolicyInput {
  /** ARN of the log bucket. */
  readonly bucketArn: string;
  /** The log-archive account, owner of the bucket. */
  readonly accountId: string;
  /** Organization id (o-...): services write only on behalf of this organization. */
  readonly organizationId: string;
  /** Roles (names in the log-archive account) that may still change the buckets' configuration: the access role Terraform uses. */
  readonly adminRoleNames: readonly string[];
  /**
   * Account whose GuardDuty exports findings into the bucket (the security account).
   * @default - GuardDuty may not write
   */
  readonly guardDutyAccountId?: string;
}

/** Actions nobody may perform on the log bucket or its objects: logs are write-once. */
export const LOG_DELETION_ACTIONS = [
  's3:DeleteObject',
  's3:DeleteObjectVersion',
  's3:BypassGovernanceRetention',
  's3:DeleteBucket',
] as const;

/** Actions that could weaken the bucket, allowed only to the admin roles (Terraform's access role). */
export const LOG_BUCKET_CONFIGURATION_ACTIONS = [
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
  's3:PutBucketVersioning',
  's3:PutBucketObjectLockConfiguration',
  's3:PutLifecycleConfiguration',
  's3:PutEncryptionConfiguration',
  's3:PutBucketPublicAccessBlock',
  's3:PutBucketOwnershipControls',
  's3:PutBucketLogging',
  's3:PutBucketAcl',
  's3:PutObjectAcl',
] as const;

/**
 * Statements every log bucket's policy ends with: nobody deletes logs, and only the admin roles (the
 * access role Terraform uses) change the bucket.
 */
export function logProtectionStatements(arn: string, input: Pick<LogArchiveBucketPolicyInput, 'accountId' | 'adminRoleNames'>): Statement[] {
  return [
    {
      Sid: 'DenyLogDeletion',
      Effect: 'Deny',
      Principal: '*',
      Action: [...LOG_DELETION_ACTIONS],
      Resource: [arn, `${arn}/*`],
    },
    {
      Sid: 'DenyWeakeningExceptAdminRoles',
      Effect: 'Deny',
      Principal: '*',
      Action: [...LOG_BUCKET_CONFIGURATION_ACTIONS],
      Resource: [arn, `${arn}/*`],
      Condition: {
        ArnNotLike: { 'aws:PrincipalArn': input.adminRoleNames.map((name) => accessRoleArn(input.accountId, name)) },
      },
    },
  ];
}

/**
 * Bucket policy statements of the CloudTrail log bucket (added after SecureBucket's TLS-only deny):
 * CloudTrail writes only this organization's trail logs (`AWSLogs/<org-id>/`); nobody deletes logs, and
 * only the admin roles change the bucket. Config and GuardDuty have no access here: they write to the
 * Config log bucket (configLogBucketStatements), which never has Object Lock.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
 */
export function trailBucketStatements(input: LogArchiveBucketPolicyInput): Statement[] {
  const arn = input.bucketArn;
  const orgOnly = { StringEquals: { 'aws:SourceOrgID': input.organizationId } };
  return [
    {
      Sid: 'CloudTrailAclCheck',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:GetBucketAcl',
      Resource: arn,
      Condition: orgOnly,
    },
    {
      Sid: 'CloudTrailWritesOrganizationTrail',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${arn}/AWSLogs/${input.organizationId}/*`,
      Condition: orgOnly,
    },
    ...logProtectionStatements(arn, input),
  ];
}

/**
 * Bucket policy statements of the Config log bucket (added after SecureBucket's TLS-only deny): Config
 * of every account of this organization delivers under `config/AWSLogs/<account>/Config/`
 * (`aws:SourceOrgID`), GuardDuty of the security account exports findings under `guardduty/`; nobody
 * deletes logs, and only the admin roles change the bucket.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html
 */
export function configLogBucketStatements(input: LogArchiveBucketPolicyInput): Statement[] {
  const arn = input.bucketArn;
  const orgOnly = { StringEquals: { 'aws:SourceOrgID': input.organizationId } };
  const statements: Statement[] = [
    {
      Sid: 'ConfigBucketChecks',
      Effect: 'Allow',
      Principal: { Service: 'config.amazonaws.com' },
      Action: ['s3:GetBucketAcl', 's3:ListBucket'],
      Resource: arn,
      Condition: orgOnly,
    },
    {
      Sid: 'ConfigDelivers',
      Effect: 'Allow',
      Principal: { Service: 'config.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${arn}/${CONFIG_DELIVERY_PREFIX}/AWSLogs/*/Config/*`,
      Condition: orgOnly,
    },
  ];
  if (input.guardDutyAccountId) {
    const fromSecurity = { StringEquals: { 'aws:SourceAccount': input.guardDutyAccountId } };
    statements.push(
      {
        Sid: 'GuardDutyLocatesBucket',
        Effect: 'Allow',
        Principal: { Service: 'guardduty.amazonaws.com' },
        Action: 's3:GetBucketLocation',
        Resource: arn,
        Condition: fromSecurity,
      },
      {
        Sid: 'GuardDutyExportsFindings',
        Effect: 'Allow',
        Principal: { Service: 'guardduty.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${arn}/${GUARDDUTY_FINDINGS_PREFIX}/*`,
        Condition: fromSecurity,
      },
    );
  }
  return [...statements, ...logProtectionStatements(arn, input)];
}

export interface LogArchiveBucketProps {
  /** Provider of the log-archive account in the home region. */
  readonly provider: AwsProvider;
  /** Physical name of the CloudTrail log bucket (naming helper). */
  readonly bucketName: string;
  /** Physical name of the Config log bucket, which also receives GuardDuty findings (naming helper). */
  readonly configBucketName: string;
  /** Physical name of their access-log bucket (naming helper). */
  readonly accessLogBucketName: string;
  /** KMS key (ARN) for SSE-KMS with an S3 bucket key, on both log buckets. */
  readonly kmsKeyArn: string;
  /** Inputs of the bucket policies (everything but the bucket ARN). */
  readonly policy: Omit<LogArchiveBucketPolicyInput, 'bucketArn'>;
  /** Days before log objects expire. */
  readonly retentionDays: number;
  /** Transition to colder storage. */
  readonly coldStorage: { readonly afterDays: number; readonly storageClass: string };
  /** Days a noncurrent version is kept. */
  readonly noncurrentVersionDays: number;
  /**
   * Default Object Lock retention of the CloudTrail log bucket; Object Lock is turned on at its creation
   * when set. The Config log bucket never gets Object Lock.
   * @default - no Object Lock
   */
  readonly objectLock?: { readonly mode: 'GOVERNANCE' | 'COMPLIANCE'; readonly retentionDays: number };
  /**
   * Days the server access logs are kept.
   * @default 365
   */
  readonly accessLogRetentionDays?: number;
}

/**
 * The central log buckets (seed 004, 1B), both versioned, SSE-KMS with a bucket key, lifecycle to colder
 * storage then expiry, public access blocked, BucketOwnerEnforced, TLS only, deletion denied to everyone,
 * server access logs to the access-log bucket, organization-scoped policies, `prevent_destroy`:
 * - the CloudTrail bucket (`Logs`), with Object Lock default retention when configured;
 * - the Config bucket (`ConfigLogs`), without Object Lock, for every account's Config delivery channel
 *   and GuardDuty's findings export. AWS Config does not support delivery to a bucket where Object Lock
 *   is enabled (AWS::Config::DeliveryChannel), and uploads into a bucket with default retention must carry
 *   a Content-MD5 or checksum header (S3 PutObject), which GuardDuty's export documentation does not promise.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-config-deliverychannel.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
 */
export class LogArchiveBucket extends Construct {
  /** The CloudTrail log bucket. */
  readonly bucket: SecureBucket;
  /** The Config (and GuardDuty findings) log bucket. */
  readonly configBucket: SecureBucket;
  readonly accessLogBucket: SecureBucket;
  readonly bucketName: string;
  readonly bucketArn: string;
  readonly configBucketName: string;
  /** The CloudTrail bucket's policy: trails wait for it. */
  readonly policy: S3BucketPolicy;
  /** The Config bucket's policy: writers that check access on creation (Config delivery channels) wait for it. */
  readonly configPolicy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: LogArchiveBucketProps) {
    super(scope, id);
    const { provider } = props;

    this.accessLogBucket = new SecureBucket(this, 'AccessLogs', {
      provider,
      bucketName: props.accessLogBucketName,
      // Server access logging delivers only to SSE-S3 buckets.
      policyStatements: (accessArn) => [
        {
          Sid: 'S3ServerAccessLogs',
          Effect: 'Allow',
          Principal: { Service: 'logging.s3.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `${accessArn}/*`,
          Condition: {
            StringEquals: { 'aws:SourceAccount': props.policy.accountId },
            ArnLike: { 'aws:SourceArn': [`arn:aws:s3:::${props.bucketName}`, `arn:aws:s3:::${props.configBucketName}`] },
          },
        },
      ],
    });
    new S3BucketLifecycleConfiguration(this, 'AccessLogsLifecycle', {
      provider,
      bucket: this.accessLogBucket.resource.id,
      rule: [
        {
          id: 'expire',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          expiration: [{ days: props.accessLogRetentionDays ?? 365 }],
          noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
      dependsOn: [this.accessLogBucket.versioning],
    });

    this.bucket = new SecureBucket(this, 'Logs', {
      provider,
      bucketName: props.bucketName,
      kmsKeyArn: props.kmsKeyArn,
      objectLockEnabled: props.objectLock !== undefined,
      policyStatements: (bucketArn) => trailBucketStatements({ ...props.policy, bucketArn }),
    });
    this.bucketName = this.bucket.bucketName;
    this.bucketArn = this.bucket.bucketArn;
    this.policy = this.bucket.policy;
    if (props.objectLock) {
      new S3BucketObjectLockConfigurationA(this, 'ObjectLock', {
        provider,
        bucket: this.bucket.resource.id,
        rule: { defaultRetention: { mode: props.objectLock.mode, days: props.objectLock.retentionDays } },
        dependsOn: [this.bucket.versioning],
      });
    }
    this.archive(this.bucket, props.bucketName, { lifecycle: 'Lifecycle', logging: 'AccessLogging' }, props);

    this.configBucket = new SecureBucket(this, 'ConfigLogs', {
      provider,
      bucketName: props.configBucketName,
      kmsKeyArn: props.kmsKeyArn,
      policyStatements: (bucketArn) => configLogBucketStatements({ ...props.policy, bucketArn }),
    });
    this.configBucketName = this.configBucket.bucketName;
    this.configPolicy = this.configBucket.policy;
    this.archive(this.configBucket, props.configBucketName, { lifecycle: 'ConfigLogsLifecycle', logging: 'ConfigLogsAccessLogging' }, props);
  }

  /** Lifecycle (colder storage, expiry) and server access logging of one log bucket. */
  private archive(target: SecureBucket, name: string, ids: { lifecycle: string; logging: string }, props: LogArchiveBucketProps): void {
    const { provider } = props;
    const bucket = target.resource.id;
    new S3BucketLifecycleConfiguration(this, ids.lifecycle, {
      provider,
      bucket,
      rule: [
        {
          id: 'archive-then-expire',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          transition: [{ days: props.coldStorage.afterDays, storageClass: props.coldStorage.storageClass }],
          expiration: [{ days: props.retentionDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
      dependsOn: [target.versioning],
    });
    new S3BucketLoggingA(this, ids.logging, {
      provider,
      bucket,
      targetBucket: this.accessLogBucket.resource.id,
      targetPrefix: `${name}/`,
      dependsOn: [this.accessLogBucket.policy],
    });
  }
}

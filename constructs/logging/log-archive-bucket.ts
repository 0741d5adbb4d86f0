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
import { guardDutyDetectorArns, guardDutyServicePrincipals, servicePrincipal, type GuardDutyExport } from './guardduty-export';

/** What the central log buckets' policy statements are built from. */
export interface LogArchiveBucketPolicyInput {
  /** ARN of the log bucket. */
  readonly bucketArn: string;
  /** The log-archive account, owner of the bucket. */
  readonly accountId: string;
  /** Organization id (o-...): CloudTrail's organization path, and Config writes only on behalf of this organization. */
  readonly organizationId: string;
  /**
   * The management account: CloudTrail's documented policy for an organization trail also lets it write under
   * `AWSLogs/<management account id>/` (the trail's own account).
   */
  readonly managementAccountId: string;
  /** Roles (names in the log-archive account) that may still change the buckets' configuration: the access role Terraform uses. */
  readonly adminRoleNames: readonly string[];
  /**
   * ARNs of the trails that deliver into the CloudTrail bucket (config/organization-trail.ts landingZoneTrailArn):
   * the `aws:SourceArn` CloudTrail sends.
   * @default - CloudTrail may not write
   */
  readonly trailArns?: readonly string[];
  /**
   * The GuardDuty detectors that export findings into the Config bucket (the security account's).
   * @default - GuardDuty may not write
   */
  readonly guardDuty?: GuardDutyExport;
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
 * Bucket policy statements of the CloudTrail log bucket (added after SecureBucket's TLS-only deny), in the form AWS
 * documents for an organization trail: CloudTrail's ACL check, its writes under `AWSLogs/<management account id>/`
 * (without which CreateTrail is reported to fail with InsufficientS3BucketPolicyException) and under
 * `AWSLogs/<organization id>/`, each only for the landing zone's trail (`aws:SourceArn`, which for an organization
 * trail is an ARN of the management account) and the writes with `s3:x-amz-acl` = `bucket-owner-full-control`; then
 * nobody deletes logs, and only the admin roles change the bucket. Without trail ARNs, CloudTrail gets nothing.
 * Config and GuardDuty have no access here: they write to the Config log bucket (configLogBucketStatements), which
 * never has Object Lock.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-and-update-an-organizational-trail-by-using-the-aws-cli.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
 */
export function trailBucketStatements(input: LogArchiveBucketPolicyInput): Statement[] {
  const arn = input.bucketArn;
  const trailArns = input.trailArns ?? [];
  const statements: Statement[] = [];
  if (trailArns.length > 0) {
    const fromTrails = { 'aws:SourceArn': [...trailArns] };
    const write = (sid: string, path: string): Statement => ({
      Sid: sid,
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${arn}/AWSLogs/${path}/*`,
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...fromTrails } },
    });
    statements.push(
      {
        Sid: 'CloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: arn,
        Condition: { StringEquals: fromTrails },
      },
      write('CloudTrailWritesManagementAccount', input.managementAccountId),
      write('CloudTrailWritesOrganization', input.organizationId),
    );
  }
  return [...statements, ...logProtectionStatements(arn, input)];
}

/**
 * Bucket policy statements of the Config log bucket (added after SecureBucket's TLS-only deny):
 * - Config of every account of this organization (delivering as its service principal, as it does with the
 *   service-linked role): the bucket checks (`GetBucketAcl`, `ListBucket`) and `PutObject` under
 *   `config/AWSLogs/<account>/Config/` with `s3:x-amz-acl` = `bucket-owner-full-control`, on behalf of an account of
 *   this organization (`aws:SourceOrgID`, present with the `aws:SourceAccount` Config sends; AWS Control Tower's log
 *   bucket policy grants Config delivery the same way);
 * - GuardDuty of the security account (`aws:SourceAccount`, `aws:SourceArn` = its detectors): `GetBucketLocation`
 *   and `PutObject` under `guardduty/`;
 * then nobody deletes logs, and only the admin roles change the bucket.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/logging-s3-audit-bucket.html
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html
 */
export function configLogBucketStatements(input: LogArchiveBucketPolicyInput): Statement[] {
  const arn = input.bucketArn;
  const orgOnly = { 'aws:SourceOrgID': input.organizationId };
  const statements: Statement[] = [
    {
      Sid: 'ConfigBucketChecks',
      Effect: 'Allow',
      Principal: { Service: 'config.amazonaws.com' },
      Action: ['s3:GetBucketAcl', 's3:ListBucket'],
      Resource: arn,
      Condition: { StringEquals: orgOnly },
    },
    {
      Sid: 'ConfigDelivers',
      Effect: 'Allow',
      Principal: { Service: 'config.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${arn}/${CONFIG_DELIVERY_PREFIX}/AWSLogs/*/Config/*`,
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...orgOnly } },
    },
  ];
  if (input.guardDuty) {
    const principal = { Service: servicePrincipal(guardDutyServicePrincipals(input.guardDuty.regions)) };
    const fromDetectors = {
      StringEquals: { 'aws:SourceAccount': input.guardDuty.accountId },
      ArnLike: { 'aws:SourceArn': guardDutyDetectorArns(input.guardDuty) },
    };
    statements.push(
      {
        Sid: 'GuardDutyLocatesBucket',
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:GetBucketLocation',
        Resource: arn,
        Condition: fromDetectors,
      },
      {
        Sid: 'GuardDutyExportsFindings',
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:PutObject',
        Resource: `${arn}/${GUARDDUTY_FINDINGS_PREFIX}/*`,
        Condition: fromDetectors,
      },
    );
  }
  return [...statements, ...logProtectionStatements(arn, input)];
}

/**
 * The access-log bucket's statement: S3 server access logging (`logging.s3.amazonaws.com`) writes the logs of the
 * two log buckets, each under its own prefix (the bucket name, as the logging configuration sets it), only for those
 * buckets (`aws:SourceArn`) of the log-archive account (`aws:SourceAccount`).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 */
export function accessLogBucketStatements(accessLogBucketArn: string, accountId: string, sourceBucketNames: readonly string[]): Statement[] {
  return [
    {
      Sid: 'S3ServerAccessLogs',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: sourceBucketNames.map((name) => `${accessLogBucketArn}/${name}/*`),
      Condition: {
        StringEquals: { 'aws:SourceAccount': accountId },
        ArnLike: { 'aws:SourceArn': sourceBucketNames.map((name) => `arn:aws:s3:::${name}`) },
      },
    },
  ];
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
      policyStatements: (accessArn) => accessLogBucketStatements(accessArn, props.policy.accountId, [props.bucketName, props.configBucketName]),
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

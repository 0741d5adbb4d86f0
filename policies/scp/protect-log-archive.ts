import { policyDocument, type PolicyDocument } from '../../lib/policy-document';
import { exceptRoles } from '../common';

export interface ProtectLogArchiveOptions {
  /** The only role that may change the log buckets and key: the access role (Terraform). */
  readonly accessRoleName: string;
  /**
   * Other roles Terraform may come as (Control Tower's execution role in Control Tower mode); the log buckets'
   * own policies list the same roles.
   * @default - only the access role
   */
  readonly otherAccessRoleNames?: readonly string[];
  /** The central log bucket and its access-log bucket. */
  readonly logBucketNames: readonly string[];
}

/**
 * Attached to the log-archive account: denies deleting log objects and deleting or weakening the
 * log buckets (policy, ACL, versioning, encryption, lifecycle, Object Lock, public access block,
 * replication) and the log KMS key (deletion, disabling, key policy, aliases), for everyone but the
 * access role. The archive is the evidence for audits and incidents (seed 004), so only Terraform touches it:
 * unlike the other guardrails, this one does not exempt the break-glass roles (an emergency role must not
 * be able to weaken the record of its own use), and the log buckets' policies agree (only the access role
 * may change them). docs/operations.md says the same.
 */
export function protectLogArchive(options: ProtectLogArchiveOptions): PolicyDocument {
  const except = exceptRoles([options.accessRoleName, ...(options.otherAccessRoleNames ?? [])]);
  const buckets = options.logBucketNames.map((b) => `arn:aws:s3:::${b}`);
  return policyDocument(
    {
      Sid: 'ProtectLogBuckets',
      Effect: 'Deny',
      Action: [
        's3:BypassGovernanceRetention',
        's3:DeleteBucket',
        's3:DeleteBucketPolicy',
        's3:PutBucketAcl',
        's3:PutBucketLogging',
        's3:PutBucketObjectLockConfiguration',
        's3:PutBucketOwnershipControls',
        's3:PutBucketPolicy',
        's3:PutBucketPublicAccessBlock',
        's3:PutBucketVersioning',
        's3:PutEncryptionConfiguration',
        's3:PutLifecycleConfiguration',
        's3:PutReplicationConfiguration',
      ],
      Resource: buckets,
      Condition: except,
    },
    {
      Sid: 'ProtectLogObjects',
      Effect: 'Deny',
      Action: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutObjectLegalHold', 's3:PutObjectRetention'],
      Resource: buckets.map((b) => `${b}/*`),
      Condition: except,
    },
    {
      Sid: 'ProtectLogKey',
      Effect: 'Deny',
      Action: [
        'kms:CreateAlias',
        'kms:DeleteAlias',
        'kms:DisableKey',
        'kms:DisableKeyRotation',
        'kms:PutKeyPolicy',
        'kms:ScheduleKeyDeletion',
        'kms:UpdateAlias',
      ],
      Resource: '*',
      Condition: except,
    },
  );
}

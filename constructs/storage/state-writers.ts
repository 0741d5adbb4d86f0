import type { Statement } from '../../lib/policy-document';

/**
 * Every S3 action that writes, deletes or changes an object or its version, ACL, tags, retention, legal hold or
 * annotations, or replicates or restores one (the IAM actions whose resource type is `object` and whose
 * access level is not Read or List; a test holds the list to the IAM action data).
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 */
export const OBJECT_WRITE_ACTIONS: readonly string[] = [
  's3:PutObject*',
  's3:DeleteObject*',
  's3:Replicate*',
  's3:RestoreObject',
  's3:AbortMultipartUpload',
  's3:BypassGovernanceRetention',
  's3:ObjectOwnerOverrideToBucketOwner',
  's3:InitiateReplication',
  's3:UpdateObjectEncryption',
];

/**
 * Bucket-policy statement that lets only `writers` (IAM principal ARNs, wildcards allowed) write the objects of
 * the bucket: every other principal, of this account or another, with whatever identity policy, is denied
 * every object write (`aws:PrincipalArn` is a role's ARN for its sessions, `arn:aws:iam::<account>:root` for
 * the root user, and absent for AWS services, which are denied too).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
export function onlyWritersWriteObjects(bucketArn: string, writers: readonly string[]): Statement {
  if (writers.length === 0) throw new Error('onlyWritersWriteObjects needs at least one writer (nobody could write the objects)');
  return {
    Sid: 'OnlyStateWritersWriteObjects',
    Effect: 'Deny',
    Principal: '*',
    Action: [...OBJECT_WRITE_ACTIONS],
    Resource: `${bucketArn}/*`,
    Condition: { ArnNotLike: { 'aws:PrincipalArn': [...new Set(writers)] } },
  };
}

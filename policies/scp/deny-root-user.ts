import { policyDocument, type PolicyDocument } from '../../lib/policy-document';

/**
 * Denies every action by a member account's root user (`arn:aws:iam::*:root`), nobody exempt:
 * people sign in through IAM Identity Center and root tasks go through centralized root access
 * management (seed 002). Sessions opened with `sts:AssumeRoot` from the management account
 * (aws:AssumedRoot true) are left alone, so the privileged root tasks keep working.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html
 */
export function denyRootUser(): PolicyDocument {
  return policyDocument({
    Sid: 'DenyRootUser',
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: {
      ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' },
      BoolIfExists: { 'aws:AssumedRoot': 'false' },
    },
  });
}

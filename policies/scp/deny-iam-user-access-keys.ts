import { policyDocument, type PolicyDocument } from '../../lib/policy-document';
import { exceptRoles, type ExemptRolesOptions } from '../common';

/**
 * Denies creating IAM users and access keys: people come through IAM Identity Center with short
 * sessions, and long-lived keys are the most common leaked credential (seeds 002 and 004).
 * The access role and the break-glass roles are exempt.
 */
export function denyIamUserAccessKeys(options: ExemptRolesOptions): PolicyDocument {
  return policyDocument({
    Sid: 'DenyIamUsersAndAccessKeys',
    Effect: 'Deny',
    Action: ['iam:CreateUser', 'iam:CreateAccessKey'],
    Resource: '*',
    Condition: exceptRoles(options.exemptRoleNames),
  });
}

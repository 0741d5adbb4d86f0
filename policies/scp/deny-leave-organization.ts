import { policyDocument, type PolicyDocument } from '../../lib/policy-document';

/**
 * Denies `organizations:LeaveOrganization` to everyone in member accounts, the access role included:
 * an account that leaves takes itself out of every guardrail, the organization trail and Config
 * (seed 004: preventive controls). Removing an account is done from the management account, which SCPs do not affect.
 */
export function denyLeaveOrganization(): PolicyDocument {
  return policyDocument({ Sid: 'DenyLeaveOrganization', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' });
}

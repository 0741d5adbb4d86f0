import { policyDocument, type PolicyDocument } from '../../lib/policy-document';
import { exceptRoles } from '../common';

export interface DenyAllOptions {
  /** The access role: Terraform still has to manage (and later close) the suspended account. */
  readonly accessRoleName: string;
  /**
   * The read-only plan role (ci.planRoleName): plans of a suspended account's stack still read it; its
   * own policy allows no writes.
   * @default - only the access role is exempt
   */
  readonly planRoleName?: string;
  /**
   * More roles left out: Control Tower's execution role, which keeps managing an enrolled account that is suspended
   * (and is Terraform there); not Control Tower's service roles, which none of Control Tower's controls exempts beyond
   * its Region deny (policies/control-tower-roles.ts).
   * @default - none
   */
  readonly otherRoleNames?: readonly string[];
}

/**
 * Denies every action to everyone but the access role (and the read-only plan role). Attached to the Suspended OU, where
 * `state: suspended` moves an account, so nothing runs there until it is closed or returned.
 */
export function denyAll(options: DenyAllOptions): PolicyDocument {
  return policyDocument({
    Sid: 'DenyAllButAccessRole',
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: exceptRoles([options.accessRoleName, ...(options.planRoleName ? [options.planRoleName] : []), ...(options.otherRoleNames ?? [])]),
  });
}

import { policyDocument, type PolicyDocument } from '../../lib/policy-document';
import { exceptRoles, type ExemptRolesOptions } from '../common';
import { GLOBAL_SERVICE_ACTIONS } from '../global-services';

export interface RegionDenyOptions extends ExemptRolesOptions {
  /** Regions where requests are allowed (organization.governedRegions plus allowedRegions). */
  readonly allowedRegions: readonly string[];
}

/**
 * Denies any request whose aws:RequestedRegion is not a governed Region (seed 004: keep data
 * and workloads where the organization governs them). Global services are exempt through
 * `NotAction` (their endpoints live in us-east-1, so their requests name that Region), and so
 * are the access role (Terraform) and the break-glass roles.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-deny-region
 */
export function regionDeny(options: RegionDenyOptions): PolicyDocument {
  const regions = [...new Set(options.allowedRegions)];
  return policyDocument({
    Sid: 'DenyOutsideGovernedRegions',
    Effect: 'Deny',
    NotAction: [...GLOBAL_SERVICE_ACTIONS],
    Resource: '*',
    Condition: {
      StringNotEquals: { 'aws:RequestedRegion': regions },
      ...exceptRoles(options.exemptRoleNames),
    },
  });
}

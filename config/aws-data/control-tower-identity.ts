/**
 * What AWS Control Tower creates in IAM Identity Center when it sets up its landing zone with Identity Center (its
 * default): its permission sets and its groups. Identity Center keeps one permission set per name in an instance and
 * one group per display name (ignoring case) in the identity store, so a landing zone beside Control Tower makes
 * none of these names.
 *
 * Hand-kept. Source, checked 2026-11: "IAM Identity Center Groups for AWS Control Tower",
 * https://docs.aws.amazon.com/controltower/latest/userguide/sso-groups.html (each group and the permission sets it
 * gets per account).
 */
export const CONTROL_TOWER_PERMISSION_SETS: readonly string[] = [
  'AWSAdministratorAccess',
  'AWSOrganizationsFullAccess',
  'AWSPowerUserAccess',
  'AWSReadOnlyAccess',
  'AWSServiceCatalogAdminFullAccess',
  'AWSServiceCatalogEndUserAccess',
];

/** Control Tower's Identity Center groups (same page). */
export const CONTROL_TOWER_GROUPS: readonly string[] = [
  'AWSAccountFactory',
  'AWSAuditAccountAdmins',
  'AWSControlTowerAdmins',
  'AWSLogArchiveAdmins',
  'AWSLogArchiveViewers',
  'AWSSecurityAuditors',
  'AWSSecurityAuditPowerUsers',
  'AWSServiceCatalogAdmins',
];

export const CONTROL_TOWER_IDENTITY_SOURCE = 'https://docs.aws.amazon.com/controltower/latest/userguide/sso-groups.html';

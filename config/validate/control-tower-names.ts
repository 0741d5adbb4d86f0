import type { Rule } from './rule';
import type { PathSegment, Problem } from '../problems';
import { show } from '../problems';
import type { LandingZoneConfig } from '../schema';
import { CONTROL_TOWER } from '../schema/control-tower';
import { CONTROL_TOWER_GROUPS, CONTROL_TOWER_IDENTITY_SOURCE, CONTROL_TOWER_PERMISSION_SETS } from '../aws-data/control-tower-identity';
import { POLICY_KINDS } from '../../policies/kinds';

const ROLES_PAGE = 'https://docs.aws.amazon.com/controltower/latest/userguide/roles-how.html';

/** IAM role names are unique per account ignoring case. */
const sameRole = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Names AWS Control Tower fixes are not used for anything else:
 * - AWSControlTowerExecution is Control Tower's execution role: Control Tower creates it in every account it enrolls
 *   (its StackSet AWSControlTowerExecutionRole) and its mandatory controls exempt that name. As
 *   organization.accessRoleName, a break-glass role or an exemptRoleNames entry it is only right where the config says
 *   Control Tower runs with that execution role (controlTower.executionRoleName); without a controlTower section the
 *   landing zone would create, assume and exempt a role that is Control Tower's, and treat the accounts Control Tower
 *   enrolled as its own (Config recorders, trail);
 * - with a controlTower section, the permission sets and groups Control Tower makes in IAM Identity Center
 *   (AWSAdministratorAccess, ..., AWSControlTowerAdmins, ...): a permission set of the same name is refused by
 *   CreatePermissionSet (ConflictException), a created group of the same display name by the identity store; an
 *   existing group (existing: true) is Control Tower's own and may be assigned.
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/roles-how.html
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/sso-groups.html
 */
export const checkControlTowerNames: Rule = (config) => {
  const problems: Problem[] = [...executionRoleProblems(config)];
  const ct = config.controlTower;
  const { identityCenter } = config;
  if (!ct || !identityCenter.enabled) return problems;
  identityCenter.permissionSets.forEach((set, i) => {
    if (!CONTROL_TOWER_PERMISSION_SETS.includes(set.name)) return;
    problems.push({
      path: ['identityCenter', 'permissionSets', i, 'name'],
      message:
        `${show(set.name)} is a permission set AWS Control Tower creates in IAM Identity Center (${CONTROL_TOWER_IDENTITY_SOURCE}), and a permission set name is unique in the instance: ` +
        `CreatePermissionSet would fail with ConflictException. Give yours another name (e.g. ${show(`Lz${set.name.slice(3)}`)}) and change its assignments with it`,
    });
  });
  identityCenter.groups.forEach((group, i) => {
    if (group.existing) return;
    const theirs = CONTROL_TOWER_GROUPS.find((g) => g.toLowerCase() === group.name.toLowerCase());
    if (!theirs) return;
    problems.push({
      path: ['identityCenter', 'groups', i, 'name'],
      message:
        `${show(group.name)} is a group AWS Control Tower creates in IAM Identity Center (${theirs}, ${CONTROL_TOWER_IDENTITY_SOURCE}), and display names are unique in the identity store (ignoring case), so creating it fails; ` +
        `set existing: true to assign Control Tower's group, or give yours another name`,
    });
  });
  return problems;
};

function executionRoleProblems(config: LandingZoneConfig): Problem[] {
  const ct = config.controlTower;
  if (ct && sameRole(ct.executionRoleName, CONTROL_TOWER.executionRole)) return [];
  const name = CONTROL_TOWER.executionRole;
  const why = ct
    ? `controlTower.executionRoleName is ${show(ct.executionRoleName)}, so the landing zone takes ${name} for a role of its own, while Control Tower's enrolment creates and replaces a role of that name`
    : `without a controlTower section the landing zone takes it for a role of its own, while it is AWS Control Tower's execution role: Control Tower creates and replaces it in every account it enrolls, and its controls exempt that name (${ROLES_PAGE})`;
  const fix = ct
    ? `set controlTower.executionRoleName: ${name} (Control Tower's role has that name), or use another name here`
    : `if Control Tower governs this organization, add the controlTower section (lz import writes it); otherwise use another name`;
  const problems: Problem[] = [];
  const report = (path: PathSegment[], value: string, what: string, example: string) => {
    if (!sameRole(value, name)) return;
    problems.push({ path, message: `${show(value)} as ${what}: ${why}; ${fix}, e.g. ${show(example)}` });
  };
  report(['organization', 'accessRoleName'], config.organization.accessRoleName, 'the access role', 'OrganizationAccountAccessRole');
  config.organization.breakGlassRoleNames.forEach((role, i) => report(['organization', 'breakGlassRoleNames', i], role, 'a break-glass role', 'BreakGlass'));
  for (const kind of POLICY_KINDS) {
    config.guardrails[kind].forEach((entry, i) =>
      (entry.options?.exemptRoleNames ?? []).forEach((role, j) => report(['guardrails', kind, i, 'options', 'exemptRoleNames', j], role, 'an exempt role', 'PlatformAutomation')),
    );
  }
  return problems;
}

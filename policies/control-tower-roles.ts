import type { LandingZoneConfig } from '../config/schema';
import { CONTROL_TOWER } from '../config/schema/control-tower';

/*
 * Control Tower's roles in enrolled accounts, and which of the landing zone's guardrails leave them out: exactly where
 * Control Tower's own controls leave them out, no further.
 *
 * - Its execution role (controlTower.executionRoleName, and AWSControlTowerExecution itself) deploys and updates Control
 *   Tower's baseline (the Config recorder and delivery channel, its trail, log groups, SNS topics, Lambda functions and
 *   roles). The mandatory controls that protect Config, CloudTrail, Config rules, SNS, Lambda, CloudWatch and the audit
 *   buckets exempt it and only it (the IAM role control also the StackSet execution roles), and so does the Region deny
 *   control. Terraform also comes as it in enrolled accounts (config/brownfield.ts accessRoleNames), so it is exempt
 *   wherever the access role is.
 * - Its service roles (CONTROL_TOWER_SERVICE_ROLES) are exempted by the Region deny control alone: the Config and
 *   CloudTrail controls (GRCONFIGENABLED, GRCLOUDTRAILENABLED) let nobody but the execution role change Config or
 *   CloudTrail, and no control exempts them from anything else. They are service roles whose work the other guardrails
 *   do not touch (the Config service records and delivers as aws-controltower-ConfigRecorderRole, which calls no Config
 *   or CloudTrail write; the notification forwarder publishes to SNS; flow logs write to CloudWatch Logs), so region-deny
 *   is the only guardrail that exempts them. Not in deny-all (a suspended account runs nothing but what manages or plans
 *   it) and not in deny-iam-user-access-keys.
 * - Not the other aws-controltower-* roles: AdministratorExecutionRole and ReadOnlyExecutionRole are people's access
 *   from the audit account, which the guardrails bind like any other admin.
 *
 * protect-security-services protects all these names wherever it is attached, so nobody can make a role that passes
 * for one (Control Tower's mandatory control AWS-GR_IAM_ROLE_CHANGE_PROHIBITED does the same in enrolled accounts).
 * Unlike that control it does not open them to the StackSet execution roles, which any StackSets delegated
 * administrator's StackSet runs as: Control Tower's baseline StackSets run as the execution role, but its
 * StackSet-AWSControlTowerExecutionRole, which adds the execution role to the accounts of an OU being registered,
 * runs as a StackSet execution role and is denied. So create the role with the access role before registering an OU
 * or enrolling an account (docs/control-tower.md); where the role exists, Control Tower documents that StackSet's
 * failure as expected.
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/importing-existing.html
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/update-existing-accounts.html
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/primary-region-deny-policy.html
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/ou-region-deny.html
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/roles-how.html
 */

/** Control Tower's service roles its Region deny control exempts besides the execution role. */
export const CONTROL_TOWER_SERVICE_ROLES: readonly string[] = [
  `${CONTROL_TOWER.resourcePrefix}ConfigRecorderRole`,
  `${CONTROL_TOWER.resourcePrefix}ForwardSnsNotificationRole`,
  'AWSControlTower_VPCFlowLogsRole',
];

/**
 * Control Tower's execution role (controlTower.executionRoleName and AWSControlTowerExecution, which its controls
 * name): exempt wherever the access role is. Empty without a controlTower section.
 */
export function controlTowerExecutionRoleNames(config: LandingZoneConfig): string[] {
  const ct = config.controlTower;
  if (!ct) return [];
  return [...new Set([ct.executionRoleName, CONTROL_TOWER.executionRole])];
}

/** Control Tower's service roles (CONTROL_TOWER_SERVICE_ROLES): exempt from region-deny only. Empty without a controlTower section. */
export function controlTowerServiceRoleNames(config: LandingZoneConfig): string[] {
  return config.controlTower ? [...CONTROL_TOWER_SERVICE_ROLES] : [];
}

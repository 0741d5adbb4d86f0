import type { LandingZoneConfig } from '../config/schema';
import { CONTROL_TOWER } from '../config/schema/control-tower';

/**
 * Control Tower's roles in enrolled accounts that the landing zone's guardrails leave out: exactly the roles
 * Control Tower's own Region deny control exempts. Its execution role (controlTower.executionRoleName, and
 * AWSControlTowerExecution itself) deploys and updates Control Tower's baseline StackSets (the Config recorder and
 * delivery channel, the trail's log group, SNS topics and Lambda functions); aws-controltower-ConfigRecorderRole is
 * the recorder's role; aws-controltower-ForwardSnsNotificationRole forwards Config notifications; and
 * AWSControlTower_VPCFlowLogsRole writes Account Factory VPC flow logs. Not the other aws-controltower-* roles:
 * AdministratorExecutionRole and ReadOnlyExecutionRole are people's access from the audit account, which the
 * guardrails bind like any other admin. The landing zone's protect-security-services protects these names
 * wherever it is attached, so nobody can make a role that passes for one (Control Tower's mandatory control
 * AWS-GR_IAM_ROLE_CHANGE_PROHIBITED does the same in enrolled accounts). Empty without a controlTower section.
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/primary-region-deny-policy.html
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/roles-how.html
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html
 */
export function controlTowerRoleNames(config: LandingZoneConfig): string[] {
  const ct = config.controlTower;
  if (!ct) return [];
  return [...new Set([ct.executionRoleName, CONTROL_TOWER.executionRole, ...CONTROL_TOWER_SERVICE_ROLES])];
}

/** Control Tower's service roles its Region deny control exempts besides the execution role. */
export const CONTROL_TOWER_SERVICE_ROLES: readonly string[] = [
  `${CONTROL_TOWER.resourcePrefix}ConfigRecorderRole`,
  `${CONTROL_TOWER.resourcePrefix}ForwardSnsNotificationRole`,
  'AWSControlTower_VPCFlowLogsRole',
];

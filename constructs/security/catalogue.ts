import type { GuardDutyFeature, SecurityHubStandard } from '../../config/schema/security';

/**
 * ARN of a Security Hub standard in `region` (CIS 1.2.0 keeps its older region-less ruleset ARN).
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html
 */
export function standardArn(standard: SecurityHubStandard, region: string): string {
  if (standard === 'cis-aws-foundations-benchmark/v/1.2.0') return `arn:aws:securityhub:::ruleset/${standard}`;
  return `arn:aws:securityhub:${region}::standards/${standard}`;
}

/** Sub-features GuardDuty protection plans take, all switched with their plan. */
export const GUARDDUTY_ADDITIONAL_CONFIGURATION: Partial<Record<GuardDutyFeature, readonly string[]>> = {
  RUNTIME_MONITORING: ['EKS_ADDON_MANAGEMENT', 'ECS_FARGATE_AGENT_MANAGEMENT', 'EC2_AGENT_MANAGEMENT'],
};

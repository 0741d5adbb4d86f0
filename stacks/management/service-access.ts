import type { LandingZoneConfig } from '../../config/schema';

/**
 * Service principals trusted to act across the organization (aws_service_access_principals),
 * computed from the config, sorted.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html
 */
export function serviceAccessPrincipals(config: LandingZoneConfig): string[] {
  const { security, stackSets } = config;
  const principals = [
    'cloudtrail.amazonaws.com', // organization trail (security stack)
    'config.amazonaws.com', // Config aggregator
    'config-multiaccountsetup.amazonaws.com', // organization Config rules and conformance packs
    'guardduty.amazonaws.com',
    'securityhub.amazonaws.com',
    'access-analyzer.amazonaws.com',
    'sso.amazonaws.com', // IAM Identity Center
    'iam.amazonaws.com', // centralized root access management
    'health.amazonaws.com', // organizational view of AWS Health events
  ];
  if (stackSets.length > 0) principals.push('member.org.stacksets.cloudformation.amazonaws.com');
  if (security.detective.enabled) principals.push('detective.amazonaws.com');
  if (security.inspector.enabled) principals.push('inspector2.amazonaws.com');
  if (security.macie.enabled) principals.push('macie.amazonaws.com');
  return [...new Set(principals)].sort();
}

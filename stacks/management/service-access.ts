import type { LandingZoneConfig } from '../../config/schema';
import { CONTROL_TOWER } from '../../config/schema/control-tower';

/**
 * GuardDuty's Malware Protection for EC2 needs its own trusted access when the GuardDuty administrator
 * is not the management account: with it, the delegated administrator creates the Malware Protection
 * service-linked role in the member accounts.
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/configure-malware-protection-guardduty-initiated-multi-account.html
 */
export const GUARDDUTY_MALWARE_PROTECTION_PRINCIPAL = 'malware-protection.guardduty.amazonaws.com';

/** Trusted access Control Tower's landing zone needs (with its own principal first). */
export const CONTROL_TOWER_PRINCIPALS: readonly string[] = [CONTROL_TOWER.servicePrincipal, 'cloudtrail.amazonaws.com', 'config.amazonaws.com', 'sso.amazonaws.com'];

/**
 * Service principals trusted to act across the organization (aws_service_access_principals),
 * computed from the config, sorted. The list is authoritative (the provider disables trusted access for
 * every principal not in it), so `organization.additionalServiceAccessPrincipals` keeps the ones the
 * landing zone does not use itself but the organization relies on (Control Tower, Backup, ...).
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
  if (security.guardDuty.enabled && security.guardDuty.features.includes('EBS_MALWARE_PROTECTION')) principals.push(GUARDDUTY_MALWARE_PROTECTION_PRINCIPAL);
  // Control Tower mode: the list is authoritative, so it keeps every principal Control Tower's landing zone relies on:
  // controltower.amazonaws.com itself, and CloudTrail (its organization trail), Config (its recorders and
  // aggregator) and IAM Identity Center, which are in the list above anyway. Disabling any of them breaks (drifts)
  // the landing zone.
  // @see https://docs.aws.amazon.com/controltower/latest/userguide/integrated-services.html
  // @see https://docs.aws.amazon.com/organizations/latest/userguide/services-that-can-integrate-ct.html
  if (config.controlTower) principals.push(...CONTROL_TOWER_PRINCIPALS);
  principals.push(...config.organization.additionalServiceAccessPrincipals);
  return [...new Set(principals)].sort();
}

import type { LandingZoneConfig } from '../../config/schema';
import { coreAccount, securityRegions } from '../../config/model';
import { DelegatedAdministrator, ServiceAdministrator, type ServiceWithAdminApi } from '../../constructs/organization';
import type { ManagementScope } from './scope';
import type { TerraformResource } from '../../lib/cdktf';
import { makesOrganizationCloudTrail } from '../security/trail';

/** StackSets' delegated administration (needed for `callAs: DELEGATED_ADMIN` StackSets). */
export const STACKSETS_PRINCIPAL = 'member.org.stacksets.cloudformation.amazonaws.com';

interface ServiceDesignation {
  readonly service: ServiceWithAdminApi;
  readonly enabled: (config: LandingZoneConfig) => boolean;
  /** every: designate in each region the service runs in; home: once, in the home region. */
  readonly regions: 'every' | 'home';
}

/**
 * Services designated through their own API, in the management account. GuardDuty, Detective,
 * Inspector and Macie designate per region. Security Hub designates once, in the home region:
 * with central configuration the home (aggregation) region's administrator applies to the linked regions.
 * CloudTrail designates once (global) through CloudTrail itself, which also creates CloudTrail's
 * service-linked role in the management account (constructs/organization/service-administrator.ts).
 */
const DESIGNATIONS: readonly ServiceDesignation[] = [
  // Not when Control Tower runs the only organization trail (stacks/security/trail.ts): nothing of CloudTrail's is delegated then.
  { service: 'cloudtrail', enabled: makesOrganizationCloudTrail, regions: 'home' },
  { service: 'guardduty', enabled: (c) => c.security.guardDuty.enabled, regions: 'every' },
  { service: 'securityhub', enabled: (c) => c.security.securityHub.enabled, regions: 'home' },
  { service: 'detective', enabled: (c) => c.security.detective.enabled, regions: 'every' },
  { service: 'inspector2', enabled: (c) => c.security.inspector.enabled, regions: 'every' },
  { service: 'macie2', enabled: (c) => c.security.macie.enabled, regions: 'every' },
];

/** Services without their own admin API: registered in Organizations (global, once). */
const ORGANIZATIONS_REGISTRATIONS: readonly { principal: string; enabled: (c: LandingZoneConfig) => boolean }[] = [
  { principal: 'config.amazonaws.com', enabled: (c) => c.security.config.enabled },
  { principal: 'config-multiaccountsetup.amazonaws.com', enabled: (c) => c.security.config.enabled },
  { principal: 'access-analyzer.amazonaws.com', enabled: (c) => c.security.accessAnalyzer.enabled },
  { principal: STACKSETS_PRINCIPAL, enabled: (c) => c.stackSets.some((s) => s.callAs === 'DELEGATED_ADMIN') },
];

/**
 * Delegated administration of every enabled security service to the security account, so the
 * management account runs nothing but the organization (seed 001 / 004). Each service is
 * registered exactly once: the service-specific resources already register the account in
 * Organizations, so `aws_organizations_delegated_administrator` is only for the others.
 *
 * Order: on a fresh organization, registering the same account for several services or regions at
 * once fails (Organizations answers ConcurrentModificationException; GuardDuty and Macie in the other
 * regions fail until the first region's designation has finished). So the Organizations registrations
 * and every designation run one after another in a single depends_on chain: each service's home-region
 * designation first, then the other regions, one at a time (lz check's delegated-admin-ordering).
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_delegated_admin.html
 * @see https://github.com/aws-samples/aws-secure-environment-accelerator/issues/778
 */
export function addDelegatedAdministrators(stack: ManagementScope): ReadonlyMap<string, DelegatedAdministrator> {
  const registrations = new Map<string, DelegatedAdministrator>();
  const { config } = stack;
  const accountId = stack.accounts.get(coreAccount(config, 'security').name).id;
  let previous: TerraformResource = stack.organization.resource;

  for (const { principal, enabled } of ORGANIZATIONS_REGISTRATIONS) {
    if (!enabled(config)) continue;
    const registration = new DelegatedAdministrator(stack, `DelegatedAdmin-${principal}`, { servicePrincipal: principal, accountId, dependsOn: [previous] });
    registrations.set(principal, registration);
    previous = registration.resource;
  }

  const home = config.organization.homeRegion;
  const designations = DESIGNATIONS.filter(({ enabled }) => enabled(config));
  const designate = (service: ServiceWithAdminApi, region: string, after: TerraformResource) =>
    new ServiceAdministrator(stack, `ServiceAdmin-${service}-${region}`, {
      service,
      accountId,
      provider: stack.providerForRegion(region),
      dependsOn: [after],
    }).resource;
  for (const { service } of designations) previous = designate(service, home, previous);
  const others = securityRegions(config).filter((r) => r !== home);
  for (const { service, regions: where } of designations) {
    if (where !== 'every') continue;
    for (const region of others) previous = designate(service, region, previous);
  }
  return registrations;
}

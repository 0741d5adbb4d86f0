import { coreAccount } from '../../config/model';
import { landingZoneDelegations, securityAccountRegistration } from '../../config/delegated-administrators';
import { DelegatedAdministrator, ServiceAdministrator } from '../../constructs/organization';
import type { ManagementScope } from './scope';
import type { TerraformResource } from '../../lib/cdktf';

/**
 * Delegated administration of every enabled security service to the security account, so the
 * management account runs nothing but the organization (seed 001 / 004). Each service is
 * registered exactly once: the service-specific resources already register the account in
 * Organizations, so `aws_organizations_delegated_administrator` is only for the others
 * (config/delegated-administrators.ts landingZoneDelegations says which is which).
 *
 * A registration that already exists (organization.delegatedAdministrators, written by lz import: the security
 * account, in the Regions recorded) is imported, never made again: Organizations refuses a second registration of
 * the same account (AccountAlreadyRegisteredException).
 *
 * Order: on a fresh organization, registering the same account for several services or regions at
 * once fails (Organizations answers ConcurrentModificationException; GuardDuty and Macie in the other
 * regions fail until the first region's designation has finished). So the Organizations registrations
 * and every designation run one after another in a single depends_on chain: each service's home-region
 * designation first, then the other regions, one at a time (lz check's delegated-admin-ordering).
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_delegated_admin.html
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_RegisterDelegatedAdministrator.html
 * @see https://github.com/aws-samples/aws-secure-environment-accelerator/issues/778
 */
export function addDelegatedAdministrators(stack: ManagementScope): ReadonlyMap<string, DelegatedAdministrator> {
  const registrations = new Map<string, DelegatedAdministrator>();
  const { config } = stack;
  const security = coreAccount(config, 'security');
  const accountId = stack.accounts.get(security.name).id;
  // An existing registration is imported by the account's literal id (a registration implies an existing account).
  const existingIn = (principal: string) => securityAccountRegistration(config, principal);
  let previous: TerraformResource = stack.organization.resource;

  const delegations = landingZoneDelegations(config);
  for (const { principal, service } of delegations) {
    if (service) continue;
    const existing = existingIn(principal) !== undefined && security.id !== undefined;
    const registration = new DelegatedAdministrator(stack, `DelegatedAdmin-${principal}`, {
      servicePrincipal: principal,
      accountId: existing ? security.id! : accountId,
      dependsOn: [previous],
      existing,
    });
    registrations.set(principal, registration);
    previous = registration.resource;
  }

  const home = config.organization.homeRegion;
  const designations = delegations.filter((d) => d.service !== undefined);
  const designate = (d: (typeof designations)[number], region: string, after: TerraformResource) => {
    const recorded = existingIn(d.principal);
    // CloudTrail's designation is global: one recorded registration covers it; the others are per Region.
    const existing = security.id !== undefined && recorded !== undefined && (d.service === 'cloudtrail' || recorded.regions.includes(region));
    return new ServiceAdministrator(stack, `ServiceAdmin-${d.service}-${region}`, {
      service: d.service!,
      accountId: existing ? security.id! : accountId,
      provider: stack.providerForRegion(region),
      dependsOn: [after],
      existing,
    }).resource;
  };
  for (const d of designations) previous = designate(d, home, previous);
  for (const d of designations) {
    for (const region of d.regions) if (region !== home) previous = designate(d, region, previous);
  }
  return registrations;
}

import type { ManagementScope } from './scope';
import { ServiceManagedStackSet, StackSetsOrganizationsAccess } from '../../constructs/baseline';
import { dependable } from '../../lib/cdktf';
import { coreAccount, governedRegions } from '../../config/model';
import { ROOT_TARGET } from '../../config/schema';
import { STACKSETS_PRINCIPAL } from '../../config/delegated-administrators';

/**
 * Service-managed CloudFormation StackSets from `stackSets` (seed 001: a baseline kept as CloudFormation
 * templates, applied to OUs, following accounts that join them). SELF StackSets are administered from the
 * management account (the stack's default provider); DELEGATED_ADMIN ones from the security account, which
 * must be registered as the StackSets delegated administrator. Templates were read by the config loader.
 *
 * Service-managed StackSets need CloudFormation's own trusted-access activation (StackSetsOrganizationsAccess),
 * after the organization exists with all features and the StackSets service principal; the StackSets and
 * the StackSets delegated-administrator registration wait for it (CloudFormation: "Activate trusted access
 * with AWS Organizations" comes before registering a delegated administrator or creating a StackSet).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-activate-trusted-access.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-delegated-admin.html
 */
export function addStackSets(stack: ManagementScope): void {
  const { config } = stack;
  const home = config.organization.homeRegion;
  if (config.stackSets.length === 0) return;
  const organization = stack.organization.resource;
  const access = new StackSetsOrganizationsAccess(stack, 'StackSetsOrganizationsAccess', {
    organizationId: stack.organization.organizationId,
    region: home,
    dependsOn: [organization],
  });
  const registration = stack.delegatedAdministrators.get(STACKSETS_PRINCIPAL);
  if (registration) registration.resource.dependsOn = [...(registration.resource.dependsOn ?? []), dependable(access.resource)];
  for (const stackSet of config.stackSets) {
    if (stackSet.templateBody === undefined) {
      throw new Error(`stackSets "${stackSet.name}" has no templateBody; load the config with config/load.ts, which reads the template file`);
    }
    const delegated = stackSet.callAs === 'DELEGATED_ADMIN' ? stack.delegatedAdministrators.get(STACKSETS_PRINCIPAL) : undefined;
    const provider =
      stackSet.callAs === 'DELEGATED_ADMIN'
        ? stack.providerFor(stack.accounts.get(coreAccount(config, 'security').name), home)
        : stack.defaultProvider;
    new ServiceManagedStackSet(stack, `StackSet-${stackSet.name}`, {
      provider,
      stackSetName: stackSet.name,
      templateBody: stackSet.templateBody,
      description: stackSet.description,
      parameters: stackSet.parameters,
      capabilities: stackSet.capabilities,
      organizationalUnitIds: stackSet.targets.map((t) => (t === ROOT_TARGET ? stack.organization.rootId : stack.ouId(t))),
      regions: stackSet.regions ?? governedRegions(config),
      autoDeploymentEnabled: stackSet.autoDeployment.enabled,
      retainStacksOnAccountRemoval: stackSet.autoDeployment.retainStacksOnAccountRemoval,
      callAs: stackSet.callAs,
      dependsOn: [organization, access.resource, ...(delegated ? [delegated.resource] : [])],
      maxConcurrentPercentage: stackSet.maxConcurrentPercentage,
      failureTolerancePercentage: stackSet.failureTolerancePercentage,
    });
  }
}

import type { ManagementScope } from './scope';
import { ServiceManagedStackSet } from '../../constructs/baseline';
import { coreAccount, governedRegions } from '../../config/model';
import { ROOT_TARGET } from '../../config/schema';
import { STACKSETS_PRINCIPAL } from './delegated-admins';

/**
 * Service-managed CloudFormation StackSets from `stackSets` (seed 001: a baseline kept as CloudFormation
 * templates, applied to OUs, following accounts that join them). SELF StackSets are administered from the
 * management account (the stack's default provider); DELEGATED_ADMIN ones from the security account, which
 * must be registered as the StackSets delegated administrator. Templates were read by the config loader.
 */
export function addStackSets(stack: ManagementScope): void {
  const { config } = stack;
  const home = config.organization.homeRegion;
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
      dependsOn: delegated ? [delegated.resource] : undefined,
      maxConcurrentPercentage: stackSet.maxConcurrentPercentage,
      failureTolerancePercentage: stackSet.failureTolerancePercentage,
    });
  }
}

import { accountsOfTargets, effectivePermissionSets } from '../../config/identity';
import { AccountAssignment, IdentityCenterInstance, IdentityGroup, PermissionSet } from '../../constructs/identity';
import type { PolicyDocument } from '../../lib/policy-document';
import type { ManagementScope } from './scope';
import { assignmentConstructId } from '../accounts/per-account';

/** What addIdentityCenter built, for tests and other families. */
export interface IdentityCenterResources {
  readonly instance: IdentityCenterInstance;
  /** Permission sets by name. */
  readonly permissionSets: ReadonlyMap<string, PermissionSet>;
  /** Groups by display name. */
  readonly groups: ReadonlyMap<string, IdentityGroup>;
  /** Assignments by `<group>|<permission set>|<account name>`. */
  readonly assignments: ReadonlyMap<string, AccountAssignment>;
}

/**
 * IAM Identity Center (seed 002): permission sets, groups, and group assignments expanded to
 * accounts. An OU target stands for every account in it and below at synth time, so an account
 * added to the OU in the file gets the assignment on the next synth. Construct ids come from
 * names (`Assignment-<group>|<set>|<account>`), so reordering targets changes nothing.
 *
 * A new organization (no organization.id) has no instance before its first apply, and AWS enables one only from the
 * console: there everything here has `count` 0 until the instance exists, and the apply that creates the organization
 * stops at the instance lookup with the console step; the next plan and apply create the rest (IdentityCenterInstance).
 */
export function addIdentityCenter(stack: ManagementScope): IdentityCenterResources | undefined {
  const { config } = stack;
  const { identityCenter } = config;
  if (!identityCenter.enabled) return undefined;

  // The instance lives in one region (identityCenter.region, default the home region); everything that uses it
  // goes through that region's provider.
  const region = identityCenter.region ?? config.organization.homeRegion;
  const provider = region === config.organization.homeRegion ? undefined : stack.providerForRegion(region);
  const newOrganization = config.organization.id ? undefined : stack.organization.resource;
  const instance = new IdentityCenterInstance(stack, 'IdentityCenter', { region, provider, newOrganization });
  const { instanceArn, identityStoreId, count } = instance;

  const permissionSets = new Map<string, PermissionSet>();
  for (const ps of effectivePermissionSets(config)) {
    permissionSets.set(
      ps.name,
      new PermissionSet(stack, `PermissionSet-${ps.name}`, {
        provider,
        count,
        instanceArn,
        name: ps.name,
        description: ps.description,
        sessionDuration: ps.sessionDuration,
        managedPolicies: ps.managedPolicies,
        customerManagedPolicies: ps.customerManagedPolicies,
        inlinePolicy: ps.inlinePolicy as PolicyDocument | undefined,
        relayState: ps.relayState,
        tags: ps.tags,
      }),
    );
  }

  const groups = new Map<string, IdentityGroup>();
  for (const g of identityCenter.groups) {
    groups.set(
      g.name,
      new IdentityGroup(stack, `Group-${g.name}`, { identityStoreId, displayName: g.name, description: g.description, existing: g.existing, provider, count }),
    );
  }

  const assignments = new Map<string, AccountAssignment>();
  for (const a of identityCenter.assignments) {
    const group = groups.get(a.group);
    const permissionSet = permissionSets.get(a.permissionSet);
    if (!group || !permissionSet) throw new Error(`assignment of ${a.permissionSet} to ${a.group} names an unknown group or permission set (the loader should have reported this)`);
    for (const account of accountsOfTargets(config, a.targets)) {
      const key = `${a.group}|${a.permissionSet}|${account.name}`;
      // An account that an account stack holds gets its assignments there (stacks/account-stack.ts).
      if (assignments.has(key) || !stack.accounts.has(account.name)) continue;
      assignments.set(
        key,
        new AccountAssignment(stack, assignmentConstructId(key), {
          provider,
          count,
          instanceArn,
          permissionSetArn: permissionSet.arn,
          groupId: group.groupId,
          accountId: stack.accounts.get(account.name).id,
          dependsOn: permissionSet.policyResources,
        }),
      );
    }
  }
  return { instance, permissionSets, groups, assignments };
}

import type { Construct } from 'constructs';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import { AccountDirectory, ClosedAccount, type DelegatedAdministrator, MemberAccount, Organization, OrganizationalUnit, RootAccessManagement } from '../constructs/organization';
import { allOuPaths, effectiveOu, parentOf } from '../config/model';
import { enabledPolicyTypes } from '../policies/policy-types';
import { serviceAccessPrincipals } from './management/service-access';
import { addDelegatedAdministrators } from './management/delegated-admins';
import { addIdentityCenter, type IdentityCenterResources } from './management/identity-center';
import { addGuardrails } from './management/guardrails';
import { addStackSets } from './management/stacksets';
import { addManagementAccountHygiene } from './management/hygiene';
import { exportAccountIds, exportOrganizationId, ORGANIZATION_CONSTRUCT_ID } from './management/account-outputs';
import { accessRoleNameFor } from '../config/brownfield';
import { accountLayout, accountsHeldBy, MANAGEMENT_HOLDER } from '../config/account-stacks';
import type { OrganizationPolicy } from '../constructs/guardrails';
import { forgetAccountsMovedFrom } from './accounts/moves';
import { exportManagementInputs } from './accounts/management-inputs';

/**
 * The management account's stack: the organization, its OU tree and member accounts,
 * delegated administrators, root access management, Identity Center, and the families in
 * stacks/management/. Runs with the management account's own credentials (CI role).
 */
export class ManagementStack extends LandingZoneStack {
  readonly organization: Organization;
  /** OUs by path (`Workloads/Prod`). */
  readonly organizationalUnits = new Map<string, OrganizationalUnit>();
  /** Member accounts by name, with ids other stacks use. */
  readonly accounts = new AccountDirectory();
  /** Member account constructs by name. */
  readonly memberAccounts = new Map<string, MemberAccount>();
  /** Centralized root access management (no root credentials in member accounts). */
  readonly rootAccess: RootAccessManagement;
  /** Organizations delegated-administrator registrations by service principal. */
  readonly delegatedAdministrators: ReadonlyMap<string, DelegatedAdministrator>;
  /** Identity Center permission sets, groups and assignments; undefined when identityCenter.enabled is false. */
  readonly identityCenter?: IdentityCenterResources;
  /** Organization policies by construct id (`Policy-<kind>-<name>`). */
  readonly policies: ReadonlyMap<string, OrganizationPolicy>;

  constructor(scope: Construct, id: string, props: LandingZoneStackProps) {
    super(scope, id, props);
    const { config } = props;

    const policyTypes = enabledPolicyTypes(config);
    this.organization = new Organization(this, ORGANIZATION_CONSTRUCT_ID, {
      serviceAccessPrincipals: serviceAccessPrincipals(config),
      enabledPolicyTypes: policyTypes.types,
      policyTypesOutsideProvider: policyTypes.outsideProvider,
      existingOrganizationId: config.organization.id,
      existingRootId: config.organization.rootId,
    });

    for (const path of allOuPaths(config)) {
      const parent = parentOf(path);
      const parentId = parent === undefined ? this.organization.rootId : this.ouId(parent);
      this.organizationalUnits.set(
        path,
        new OrganizationalUnit(this, `OU-${path}`, { name: path.split('/').pop()!, parentId, existingId: config.organization.ouIds[path] }),
      );
    }

    // The accounts this stack holds (config/account-stacks.ts); account stacks hold the rest.
    for (const account of accountsHeldBy(config, MANAGEMENT_HOLDER)) {
      const member = new MemberAccount(this, `Account-${account.name}`, {
        accountName: account.name,
        email: account.email,
        parentId: this.ouId(effectiveOu(account)),
        // Control Tower's execution role for an account created into a registered OU, so Control Tower can enroll it.
        accessRoleName: accessRoleNameFor(config, account),
        existingAccountId: account.id,
        tags: account.tags,
      });
      this.memberAccounts.set(account.name, member);
      this.accounts.add({ name: account.name, id: member.accountId });
    }
    // Same construct id as the account had, so the `removed` block forgets that very address.
    const { closedHolders } = accountLayout(config);
    for (const closed of config.closedAccounts) {
      if (closedHolders.get(closed.name) === MANAGEMENT_HOLDER) new ClosedAccount(this, `Account-${closed.name}`, { accountName: closed.name });
    }

    this.rootAccess = new RootAccessManagement(this, 'RootAccessManagement', { dependsOn: [this.organization.resource] });
    this.delegatedAdministrators = addDelegatedAdministrators(this);
    this.identityCenter = addIdentityCenter(this);

    this.policies = addGuardrails(this);
    addStackSets(this);
    addManagementAccountHygiene(this);
    forgetAccountsMovedFrom(this, config, MANAGEMENT_HOLDER);
    exportAccountIds(this);
    exportManagementInputs(this);
    exportOrganizationId(this);
  }

  /** Id of the OU at `path`; throws for an OU that is not in the config. */
  ouId(path: string): string {
    const ou = this.organizationalUnits.get(path);
    if (!ou) throw new Error(`OU "${path}" is not in the landing zone`);
    return ou.ouId;
  }
}

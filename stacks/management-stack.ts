import type { Construct } from 'constructs';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import { AccountDirectory, MemberAccount, Organization, OrganizationalUnit } from '../constructs/organization';
import { allOuPaths, effectiveOu, parentOf } from '../config/model';
import { addGuardrails } from './management/guardrails';
import { addStackSets } from './management/stacksets';
import { addManagementAccountHygiene } from './management/hygiene';

/** Service principals the foundation always trusts across the organization. */
const BASE_SERVICE_ACCESS_PRINCIPALS = [
  'cloudtrail.amazonaws.com',
  'config.amazonaws.com',
  'config-multiaccountsetup.amazonaws.com',
  'guardduty.amazonaws.com',
];

/**
 * The management account's stack: the organization, its OU tree and member accounts.
 * Runs with the management account's own credentials (CI role).
 */
export class ManagementStack extends LandingZoneStack {
  readonly organization: Organization;
  /** OUs by path (`Workloads/Prod`). */
  readonly organizationalUnits = new Map<string, OrganizationalUnit>();
  /** Member accounts by name, with ids other stacks use. */
  readonly accounts = new AccountDirectory();
  /** Member account constructs by name. */
  readonly memberAccounts = new Map<string, MemberAccount>();

  constructor(scope: Construct, id: string, props: LandingZoneStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.organization = new Organization(this, 'Organization', {
      serviceAccessPrincipals: BASE_SERVICE_ACCESS_PRINCIPALS,
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
      existingOrganizationId: config.organization.id,
    });

    for (const path of allOuPaths(config)) {
      const parent = parentOf(path);
      const parentId = parent === undefined ? this.organization.rootId : this.ouId(parent);
      this.organizationalUnits.set(
        path,
        new OrganizationalUnit(this, `OU-${path}`, { name: path.split('/').pop()!, parentId }),
      );
    }

    for (const account of config.accounts) {
      const member = new MemberAccount(this, `Account-${account.name}`, {
        accountName: account.name,
        email: account.email,
        parentId: this.ouId(effectiveOu(account)),
        accessRoleName: config.organization.accessRoleName,
        existingAccountId: account.id,
        tags: account.tags,
      });
      this.memberAccounts.set(account.name, member);
      this.accounts.add({ name: account.name, id: member.accountId });
    }

    addGuardrails(this);
    addStackSets(this);
    addManagementAccountHygiene(this);
  }

  /** Id of the OU at `path`; throws for an OU that is not in the config. */
  ouId(path: string): string {
    const ou = this.organizationalUnits.get(path);
    if (!ou) throw new Error(`OU "${path}" is not in the landing zone`);
    return ou.ouId;
  }
}

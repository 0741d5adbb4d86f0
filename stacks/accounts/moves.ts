import { Construct } from 'constructs';
import { DataAwsOrganizationsOrganizationalUnitChildAccounts } from '@cdktf/provider-aws/lib/data-aws-organizations-organizational-unit-child-accounts';
import type { AccountConfig, LandingZoneConfig } from '../../config/schema';
import { accountsMovedFrom, MANAGEMENT_HOLDER, type MovedFrom } from '../../config/account-stacks';
import { securityRegions } from '../../config/model';
import { RemovedBlock } from '../../constructs/organization';
import { accountConstructId } from '../management/account-outputs';
import { assignmentConstructId, assignmentsOfAccount, attachmentConstructId, policiesOfAccount, policyConstructId } from './per-account';

/*
 * Accounts that move between stacks (config/account-stacks.ts): the stack they leave forgets their resources with
 * `removed` blocks (`destroy = false`: nothing in AWS changes), and the stack they join imports the same resources
 * with `import` blocks. Both sit at the same construct paths in both stacks, so the addresses match. Terraform has
 * no move across states; the stack that leaves runs first (management, security before the account stacks), and a
 * removed or import block whose work is done is a no-op, so the blocks may stay until the account moves again.
 * @see https://developer.hashicorp.com/terraform/language/resources/syntax#removing-resources
 * @see https://developer.hashicorp.com/terraform/language/import
 */

/** The stack that holds the security-service enrolments of the accounts `holder` holds: security for management's. */
export function enrolmentHolder(holder: string): string {
  return holder === MANAGEMENT_HOLDER ? 'security' : holder;
}

/** The child `id` of `scope`, made as a plain construct when it does not exist yet (a path segment shared by several resources). */
export function childScope(scope: Construct, id: string): Construct {
  return (scope.node.tryFindChild(id) as Construct | undefined) ?? new Construct(scope, id);
}

/** A `removed` block at `path` below `scope`, making the constructs on the way that do not exist yet. */
export function forgetAt(scope: Construct, path: readonly string[], resourceType: string): RemovedBlock {
  const parent = path.slice(0, -1).reduce(childScope, scope);
  return new RemovedBlock(parent, path[path.length - 1], resourceType);
}

/**
 * In the stack `stackId` that an account stack's accounts left (management, or an account stack): forgets each moved
 * account, its own policy attachments and its Identity Center assignments.
 */
export function forgetAccountsMovedFrom(scope: Construct, config: LandingZoneConfig, stackId: string): void {
  for (const { account } of accountsMovedFrom(config, stackId)) {
    forgetAt(scope, [accountConstructId(account.name), 'Resource'], 'aws_organizations_account');
    for (const p of policiesOfAccount(config, account.name)) {
      forgetAt(scope, [policyConstructId(p), attachmentConstructId(account.name), 'Resource'], 'aws_organizations_policy_attachment');
    }
    if (config.identityCenter.enabled) {
      for (const a of assignmentsOfAccount(config, account.name)) forgetAt(scope, [assignmentConstructId(a.key), 'Resource'], 'aws_ssoadmin_account_assignment');
    }
  }
}

/** Which security services enrol members, and where (the security stack's regions). */
export interface EnrolledServices {
  readonly detective: boolean;
  readonly inspector: boolean;
  readonly macie: boolean;
  readonly regions: readonly string[];
}

/** The services of the config that enrol existing members one by one (stacks/security/optional-services.ts). */
export function enrolledServices(config: LandingZoneConfig): EnrolledServices {
  const { detective, inspector, macie } = config.security;
  return { detective: detective.enabled, inspector: inspector.enabled, macie: macie.enabled, regions: securityRegions(config) };
}

/**
 * In the stack that held the enrolments of accounts that left `holderId` (security for management's accounts, else
 * the account stack itself): forgets their Detective, Inspector and Macie enrolments in every region.
 */
export function forgetEnrolmentsMovedFrom(scope: Construct, config: LandingZoneConfig, holderId: string, services: EnrolledServices): void {
  for (const { account } of accountsMovedFrom(config, holderId)) {
    for (const region of services.regions) {
      if (services.detective) forgetAt(scope, [`Detective-${region}`, `Member-${account.name}`], 'aws_detective_member');
      if (services.inspector) {
        forgetAt(scope, [`Inspector-${region}`, `Member-${account.name}`], 'aws_inspector2_member_association');
        forgetAt(scope, [`Inspector-${region}`, `MemberEnabler-${account.name}`], 'aws_inspector2_enabler');
      }
      if (services.macie) forgetAt(scope, [`Macie-${region}`, `Member-${account.name}`], 'aws_macie2_member');
    }
  }
}

/**
 * The ids of accounts that moved into a stack, for its import blocks: the literal id of an adopted account, else
 * looked up by root e-mail among the accounts of the OU it was in when it moved (one ListAccountsForParent per OU,
 * only while a move is on record). An account that is no longer there fails the plan on a null import id instead of
 * being created a second time.
 */
export class MovedAccountIds extends Construct {
  private readonly lookups = new Map<string, DataAwsOrganizationsOrganizationalUnitChildAccounts>();

  constructor(
    scope: Construct,
    id: string,
    private readonly ouId: (path: string) => string,
  ) {
    super(scope, id);
  }

  /** The id of `account`, which moved here from `movedFrom`. */
  idOf(account: AccountConfig, movedFrom: MovedFrom): string {
    if (account.id) return account.id;
    let lookup = this.lookups.get(movedFrom.ou);
    if (!lookup) {
      lookup = new DataAwsOrganizationsOrganizationalUnitChildAccounts(this, `In-${movedFrom.ou}`, { parentId: this.ouId(movedFrom.ou) });
      this.lookups.set(movedFrom.ou, lookup);
    }
    const accounts = `data.${lookup.terraformResourceType}.${lookup.friendlyUniqueId}.accounts`;
    return `\${one([for a in ${accounts} : a.id if lower(a.email) == ${JSON.stringify(account.email.toLowerCase())}])}`;
  }
}

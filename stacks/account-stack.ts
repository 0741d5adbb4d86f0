import type { Construct } from 'constructs';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import type { TargetAccount } from '../constructs/core/providers';
import { ClosedAccount, MemberAccount } from '../constructs/organization';
import { PolicyAttachment } from '../constructs/guardrails';
import { AccountAssignment, IdentityCenterInstance } from '../constructs/identity';
import { addDetectiveMember, addInspectorMember, addMacieMember, inspectorEnablerImportId } from '../constructs/security';
import { accountLayout, accountsHeldBy } from '../config/account-stacks';
import { coreAccount, effectiveOu } from '../config/model';
import { accessRoleNameFor } from '../config/brownfield';
import { existingTargetId } from '../config/existing-policies';
import type { AccountConfig } from '../config/schema';
import { accountConstructId, exportAccountIds, readAccountId } from './management/account-outputs';
import { readInput } from './accounts/inputs';
import { assignmentConstructId, assignmentsOfAccount, attachmentConstructId, policiesOfAccount, policyConstructId } from './accounts/per-account';
import { childScope, enrolledServices, forgetAccountsMovedFrom, forgetEnrolmentsMovedFrom, MovedAccountIds, type EnrolledServices } from './accounts/moves';

/**
 * An account stack (`accounts-<n>`, docs/performance.md "Account stacks"): the per-account resources of up to
 * layout.accountsPerStack accounts, so that no stack grows with the organization. Runs with the management
 * account's credentials, after the security stack: each account (created or imported), the policies attached to the
 * account itself, its Identity Center assignments, its account-id output, and, through the security account's
 * providers, its Detective, Inspector and Macie enrolments. Accounts that moved here are imported; accounts that
 * moved away are forgotten (stacks/accounts/moves.ts). Construct paths are those of the management and security
 * stacks, so an account's addresses are the same in every stack that holds it.
 */
export class AccountStack extends LandingZoneStack {
  /** Member account constructs by name. */
  readonly memberAccounts = new Map<string, MemberAccount>();

  constructor(scope: Construct, id: string, props: LandingZoneStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.dependOn('security');
    const organization = organizationInputs(this);
    const security = securityInputs(this);
    const { placements, closedHolders } = accountLayout(config);
    const movedIds = new MovedAccountIds(this, 'MovedAccounts', (path) => organization.ouId(path));
    const identity = config.identityCenter.enabled ? identityOf(this, config.identityCenter.region ?? config.organization.homeRegion) : undefined;

    for (const account of accountsHeldBy(config, id)) {
      const movedFrom = placements.get(account.name)!.movedFrom;
      const imported = movedFrom ? movedIds.idOf(account, movedFrom) : undefined;
      const member = new MemberAccount(this, accountConstructId(account.name), {
        accountName: account.name,
        email: account.email,
        parentId: organization.ouId(effectiveOu(account)),
        accessRoleName: accessRoleNameFor(config, account),
        existingAccountId: account.id,
        tags: account.tags,
      });
      if (imported && !account.id) member.resource.importFrom(imported);
      this.memberAccounts.set(account.name, member);
      const accountId = member.accountId;

      for (const p of policiesOfAccount(config, account.name)) {
        const policyId = p.adoptId ?? readInput(this, 'policy-id', policyConstructId(p));
        const existingTarget = p.adoptId ? existingTargetId(config, p.adoptId, account.name) : undefined;
        const existing = existingTarget ? { targetId: existingTarget, policyId: p.adoptId! } : imported ? { targetId: imported, policyId } : undefined;
        new PolicyAttachment(childScope(this, policyConstructId(p)), attachmentConstructId(account.name), { policyId, targetId: accountId, existing });
      }
      if (identity) {
        for (const a of assignmentsOfAccount(config, account.name)) {
          const groupId = readInput(this, 'group-id', a.group);
          const permissionSetArn = readInput(this, 'permission-set-arn', a.permissionSet);
          const assignment = new AccountAssignment(this, assignmentConstructId(a.key), { ...identity, permissionSetArn, groupId, accountId });
          if (imported) assignment.resource.importFrom(`${groupId},GROUP,${imported},AWS_ACCOUNT,${permissionSetArn},${identity.instanceArn}`, identity.provider);
        }
      }
      this.addEnrolments(account, accountId, security, imported);
    }
    for (const closed of config.closedAccounts) {
      if (closedHolders.get(closed.name) === id) new ClosedAccount(this, accountConstructId(closed.name), { accountName: closed.name });
    }
    forgetAccountsMovedFrom(this, config, id);
    forgetEnrolmentsMovedFrom(this, config, id, security.services);
    exportAccountIds(this);
  }

  /** The account's Detective, Inspector and Macie enrolments in every security region, run by the security account. */
  private addEnrolments(account: AccountConfig, accountId: string, security: SecurityInputs, imported: string | undefined): void {
    const { services } = security;
    const member = { name: account.name, accountId, email: account.email };
    for (const region of services.regions) {
      const provider = this.providerFor(security.account, region);
      const inRegion = (service: string) => childScope(this, `${service}-${region}`);
      if (services.detective) {
        const graphArn = security.detectiveGraphArn(region);
        const m = addDetectiveMember(inRegion('Detective'), member, { provider, graphArn });
        if (imported) m.importFrom(`${graphArn}/${imported}`, provider);
      }
      if (services.inspector) {
        const m = addInspectorMember(inRegion('Inspector'), member, { provider, resourceTypes: this.config.security.inspector.resourceTypes });
        if (imported) {
          m.association.importFrom(imported, provider);
          m.enabler.importFrom(inspectorEnablerImportId(imported, this.config.security.inspector.resourceTypes), provider);
        }
      }
      if (services.macie) {
        const m = addMacieMember(inRegion('Macie'), member, { provider });
        if (imported) m.importFrom(imported, provider);
      }
    }
  }
}

/** What an account stack reads of the management stack: OU ids (literal for an adopted OU). */
function organizationInputs(stack: LandingZoneStack): { ouId(path: string): string } {
  return { ouId: (path) => stack.config.organization.ouIds[path] ?? readInput(stack, 'ou-id', path) };
}

/** What an account stack uses of the security stack. */
interface SecurityInputs {
  /** The security account: the enrolments run as its delegated administrator. */
  readonly account: TargetAccount;
  /** Which services enrol members, in which regions. */
  readonly services: EnrolledServices;
  /** ARN of the Detective behavior graph in `region`. */
  detectiveGraphArn(region: string): string;
}

function securityInputs(stack: LandingZoneStack): SecurityInputs {
  const { config } = stack;
  const security = coreAccount(config, 'security');
  return {
    account: { name: security.name, id: security.id ?? readAccountId(stack, security.name) },
    services: enrolledServices(config),
    detectiveGraphArn: (region) => readInput(stack, 'detective-graph-arn', region),
  };
}

/** The Identity Center instance, looked up in this stack (it must exist: an account stack runs after the first apply). */
function identityOf(stack: LandingZoneStack, region: string) {
  const provider = region === stack.config.organization.homeRegion ? undefined : stack.providerForRegion(region);
  const instance = new IdentityCenterInstance(stack, 'IdentityCenter', { region, provider });
  return { provider, instanceArn: instance.instanceArn };
}

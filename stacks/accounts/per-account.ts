import type { LandingZoneConfig } from '../../config/schema';
import { accountsOfTargets } from '../../config/identity';
import { planGuardrailsOrThrow, type PlannedPolicy } from '../../policies/plan';

/*
 * What the landing zone makes per account besides the account itself, by account name: the stack that holds the
 * account makes it (stacks/account-stack.ts, or the management stack for its own accounts), and a stack the account
 * moves out of forgets it at the same construct paths (stacks/accounts/moves.ts).
 */

/** Construct id of a planned policy in the management stack (stacks/management/guardrails.ts). */
export function policyConstructId(p: Pick<PlannedPolicy, 'kind' | 'name'>): string {
  return `Policy-${p.kind}-${p.name}`;
}

/** Construct id of an attachment inside its policy's construct (constructs/guardrails/organization-policy.ts attachTo). */
export function attachmentConstructId(target: string): string {
  return `Attachment-${target}`;
}

/** One Identity Center assignment of a group and a permission set to an account. */
export interface AccountAssignmentItem {
  /** `<group>|<permission set>|<account name>`, the construct id's tail (`Assignment-<key>`). */
  readonly key: string;
  readonly group: string;
  readonly permissionSet: string;
}

/** Construct id of an assignment in the stack that holds its account (stacks/management/identity-center.ts). */
export function assignmentConstructId(key: string): string {
  return `Assignment-${key}`;
}

interface PerAccount {
  /** Planned policies with the account among their targets. */
  readonly policies: ReadonlyMap<string, readonly PlannedPolicy[]>;
  readonly assignments: ReadonlyMap<string, readonly AccountAssignmentItem[]>;
}

const cache = new WeakMap<LandingZoneConfig, PerAccount>();

function perAccount(config: LandingZoneConfig): PerAccount {
  let found = cache.get(config);
  if (found) return found;
  const accountNames = new Set(config.accounts.map((a) => a.name));
  const policies = new Map<string, PlannedPolicy[]>();
  for (const p of planGuardrailsOrThrow(config)) {
    for (const target of p.targets) if (accountNames.has(target)) policies.set(target, [...(policies.get(target) ?? []), p]);
  }
  const assignments = new Map<string, AccountAssignmentItem[]>();
  const seen = new Set<string>();
  if (config.identityCenter.enabled) {
    for (const a of config.identityCenter.assignments) {
      for (const account of accountsOfTargets(config, a.targets)) {
        const key = `${a.group}|${a.permissionSet}|${account.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        assignments.set(account.name, [...(assignments.get(account.name) ?? []), { key, group: a.group, permissionSet: a.permissionSet }]);
      }
    }
  }
  found = { policies, assignments };
  cache.set(config, found);
  return found;
}

/** The planned policies attached to `accountName` itself (not through an OU or Root). */
export function policiesOfAccount(config: LandingZoneConfig, accountName: string): readonly PlannedPolicy[] {
  return perAccount(config).policies.get(accountName) ?? [];
}

/** The Identity Center assignments in `accountName` (from its own, its OUs' and Root's targets). */
export function assignmentsOfAccount(config: LandingZoneConfig, accountName: string): readonly AccountAssignmentItem[] {
  return perAccount(config).assignments.get(accountName) ?? [];
}

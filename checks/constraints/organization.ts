import type { CheckContext } from '../checklist/types';
import { find, isRootTarget, type FoundResource } from '../checklist/resources';
import { accountKey } from './resources';

/* The organization as the synthesized stacks declare it: trusted access, OU tree, who a policy reaches. */

/** The aws_organizations_organization of the output, if it declares one. */
export function organizationOf(ctx: CheckContext): FoundResource | undefined {
  return find(ctx, 'aws_organizations_organization')[0];
}

/** The organization's trusted-access list (aws_service_access_principals); undefined without an organization resource. */
export function trustedPrincipals(ctx: CheckContext): Set<string> | undefined {
  const org = organizationOf(ctx);
  return org ? new Set<string>((org.body.aws_service_access_principals ?? []).map(String)) : undefined;
}

/** Name of the OU resource an expression reads the id of (`${aws_organizations_organizational_unit.OU-X.id}`). */
export function ouResourceName(value: unknown): string | undefined {
  const text = String(value);
  return (/aws_organizations_organizational_unit\.([A-Za-z0-9_-]+)\.id/.exec(text) ?? /cross-stack-output-aws_organizations_organizational_unit([A-Za-z0-9_-]+?)id\}/.exec(text))?.[1];
}

const ouCache = new WeakMap<CheckContext, Map<string, FoundResource>>();

/** OU resource names from `ouName` up to the root (the OU itself first). */
export function ouChain(ctx: CheckContext, ouName: string): string[] {
  let ous = ouCache.get(ctx);
  if (!ous) {
    ous = new Map(find(ctx, 'aws_organizations_organizational_unit').map((o) => [o.name, o] as const));
    ouCache.set(ctx, ous);
  }
  const chain: string[] = [];
  for (let current: string | undefined = ouName; current && ous.has(current) && !chain.includes(current); ) {
    chain.push(current);
    current = ouResourceName(ous.get(current)?.body.parent_id);
  }
  return chain;
}

/** The OU path (`Workloads/Prod`) of the OU an expression reads the id of; undefined for the root or an account. */
export function ouPathOf(ctx: CheckContext, targetId: unknown): string | undefined {
  const ou = ouResourceName(targetId);
  if (!ou) return undefined;
  const names = new Map(find(ctx, 'aws_organizations_organizational_unit').map((o) => [o.name, String(o.body.name)] as const));
  const chain = ouChain(ctx, ou);
  return chain.length > 0 ? chain.map((n) => names.get(n)).reverse().join('/') : undefined;
}

/** Keys (see accountKey) of the accounts a policy attached to `targetId` reaches; `all` for the root. */
export function accountsReachedBy(ctx: CheckContext, targetId: unknown): 'all' | Set<string> {
  if (isRootTarget(targetId)) return 'all';
  const ou = ouResourceName(targetId);
  if (!ou) return new Set([accountKey(ctx, targetId)]);
  const reached = new Set<string>();
  for (const account of find(ctx, 'aws_organizations_account')) {
    const parent = ouResourceName(account.body.parent_id);
    if (parent && ouChain(ctx, parent).includes(ou)) reached.add(accountKey(ctx, `\${aws_organizations_account.${account.name}.id}`));
  }
  return reached;
}

import { address, regionOf, type StackJson } from '../../lib/stack-json';
import type { CheckContext } from '../checklist/types';
import { find, type FoundResource } from '../checklist/resources';

/*
 * Lookups the constraint rules share: which account a resource runs in (from its provider's
 * assume_role), what a resource depends on (depends_on and references, transitively), and the
 * organization's structure as the management stack declares it.
 */

/** The aws provider block a resource uses (its alias, or the default provider). */
export function providerOf(stack: StackJson, body: Record<string, any>): Record<string, any> | undefined {
  const ref = typeof body.provider === 'string' ? body.provider : 'aws';
  const alias = ref.includes('.') ? ref.slice(ref.indexOf('.') + 1) : undefined;
  return (stack.provider?.aws ?? []).find((p) => p.alias === alias);
}

/** Name of the aws_organizations_account a Terraform expression reads the id of, if any. */
function accountResourceName(token: string): string | undefined {
  return (/aws_organizations_account\.([A-Za-z0-9_-]+)\.id/.exec(token) ?? /cross-stack-output-aws_organizations_account([A-Za-z0-9_-]+?)id\}/.exec(token))?.[1];
}

const adoptedCache = new WeakMap<CheckContext, Map<string, string>>();

/** Account ids of adopted accounts by the name of their aws_organizations_account (import blocks). */
function adoptedAccountIds(ctx: CheckContext): Map<string, string> {
  const cached = adoptedCache.get(ctx);
  if (cached) return cached;
  const ids = new Map<string, string>();
  adoptedCache.set(ctx, ids);
  for (const stack of Object.values(ctx.stacks)) {
    for (const imp of stack.import ?? []) {
      const m = /^aws_organizations_account\.(.+)$/.exec(imp.to);
      if (m) ids.set(m[1], imp.id);
    }
  }
  return ids;
}

/**
 * A comparable key for an account id as it appears in the output: a literal id stays as it is,
 * a reference to an adopted account becomes its id, a reference to a new account becomes
 * `account:<resource name>`, anything else stays the expression it is.
 */
export function accountKey(ctx: CheckContext, value: unknown): string {
  const text = String(value);
  if (/^\d{12}$/.test(text)) return text;
  const name = accountResourceName(text);
  if (!name) return text;
  return adoptedAccountIds(ctx).get(name) ?? `account:${name}`;
}

/** The management account's key (its id, or `management` when the context does not know it). */
export function managementKey(ctx: CheckContext): string {
  return ctx.managementAccountId ?? 'management';
}

/** The account a provider works in: the account of the role it assumes, else the management account (the credentials every stack runs with). */
export function accountOfProvider(ctx: CheckContext, provider: Record<string, any> | undefined): string {
  const assume = provider?.assume_role;
  const roleArn = Array.isArray(assume) ? assume[0]?.role_arn : assume?.role_arn;
  if (typeof roleArn !== 'string') return managementKey(ctx);
  const m = /^arn:[^:]+:iam::(.+):role\//.exec(roleArn);
  return accountKey(ctx, m ? m[1] : roleArn);
}

/** The account a resource runs in. */
export function accountOf(ctx: CheckContext, r: FoundResource): string {
  return accountOfProvider(ctx, providerOf(ctx.stacks[r.stack], r.body));
}

/** `account:Account-network_5B51C8B7` → the account's name in the management stack (network); ids stay ids. */
export function accountLabel(ctx: CheckContext, key: string): string {
  if (key === managementKey(ctx)) return `${key} (management account)`;
  const adopted = [...adoptedAccountIds(ctx)].find(([, id]) => id === key)?.[0];
  const name = key.startsWith('account:') ? key.slice('account:'.length) : adopted;
  if (!name) return key;
  const account = find(ctx, 'aws_organizations_account').find((a) => a.name === name);
  if (!account?.body.name) return key;
  return adopted ? `the ${account.body.name} account (${key})` : `the ${account.body.name} account`;
}

/** `type.name` addresses a resource names directly: its depends_on and the resources its expressions reference. */
export function directDependencies(stack: StackJson, body: Record<string, any>): string[] {
  const found = new Set<string>((body.depends_on ?? []).map(String));
  const text = JSON.stringify({ ...body, depends_on: undefined, '//': undefined });
  for (const m of text.matchAll(/(?<![A-Za-z0-9_.-])((?:aws|terraform|null|time)_[a-z0-9_]*|terraform_data)\.([A-Za-z0-9_-]+)/g)) {
    if (stack.resource?.[m[1]]?.[m[2]]) found.add(`${m[1]}.${m[2]}`);
  }
  return [...found];
}

/** Every resource address `from` waits for in its stack (transitively). */
export function dependencyClosure(stack: StackJson, fromAddress: string): Set<string> {
  const seen = new Set<string>();
  const queue = [fromAddress];
  while (queue.length > 0) {
    const next = queue.pop() as string;
    const [type, name] = [next.slice(0, next.indexOf('.')), next.slice(next.indexOf('.') + 1)];
    const body = stack.resource?.[type]?.[name];
    if (!body) continue;
    for (const dep of directDependencies(stack, body)) {
      if (!seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  return seen;
}

/** True when resource `a` waits for `b` (same stack). */
export function waitsFor(ctx: CheckContext, a: FoundResource, b: FoundResource): boolean {
  return a.stack === b.stack && dependencyClosure(ctx.stacks[a.stack], address(a.type, a.name)).has(address(b.type, b.name));
}

/** True when a value refers to resource `r` (`${type.name.attr}`, or a cross-stack output of it), or equals `literal`. */
export function refersTo(value: unknown, r: FoundResource, literal?: unknown): boolean {
  const text = String(value);
  if (literal !== undefined && text === String(literal)) return true;
  if (text.includes(`${r.type}.${r.name}.`)) return true;
  // cross-stack-output-<type><name><attribute>}: the attribute is lower case, so Logs does not match Logs_Access.
  const escaped = `${r.type}${r.name}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`cross-stack-output-${escaped}[a-z_]+\\}`).test(text);
}

/** Region of a resource, or `?` when its provider has none. */
export function regionLabel(r: FoundResource): string {
  return r.region ?? '?';
}

/** Parses a JSON document (policy, content); undefined when it is not JSON (e.g. a Terraform expression). */
export function parseJson(text: unknown): any {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export { regionOf };

import { attribute, forgets, imports, managedChanges, plannedResources } from '../changes';
import type { ResourceChange } from '../plan-json';
import { finding, type PlanRule, type StackPlan } from '../types';

/** Characters that continue an id: a match must not sit inside a longer name (`lz-role` in `lz-role-2`). */
const ID_CHAR = '[A-Za-z0-9_-]';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether any string inside `value` holds one of `tokens` as a whole word (an id, an ARN). */
function mentions(value: unknown, patterns: readonly RegExp[]): boolean {
  if (typeof value === 'string') return patterns.some((p) => p.test(value));
  if (Array.isArray(value)) return value.some((v) => mentions(v, patterns));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => mentions(v, patterns));
  return false;
}

/**
 * Attributes that only list what exists, read back from AWS (the organization's and an OU's `accounts`): naming an
 * account there is not using it.
 */
const LISTINGS: Readonly<Record<string, readonly string[]>> = {
  aws_organizations_organization: ['accounts', 'non_master_accounts'],
  aws_organizations_organizational_unit: ['accounts'],
};

function withoutListings(type: string, values: Readonly<Record<string, unknown>> | undefined): Readonly<Record<string, unknown>> | undefined {
  const listed = LISTINGS[type];
  if (!listed || !values) return values;
  return Object.fromEntries(Object.entries(values).filter(([key]) => !listed.includes(key)));
}

/** `aws_x.y (stack security)` for every resource of every plan, other than the forgotten one, whose planned values name it. */
function referrers(plans: readonly StackPlan[], forgotten: { stack: string; address: string }, tokens: readonly string[]): string[] {
  const patterns = tokens.map((t) => new RegExp(`(^|[^A-Za-z0-9_-])${escape(t)}(?!${ID_CHAR})`));
  return plans.flatMap((p) =>
    plannedResources(p)
      .filter((r) => r.mode === 'managed' && !(p.stack === forgotten.stack && r.address === forgotten.address) && mentions(withoutListings(r.type, r.values), patterns))
      .map((r) => `${r.address}${p.stack === forgotten.stack ? '' : ` (stack ${p.stack})`}`),
  );
}

/** Another plan of the set imports the same object (same type, same id): the forget is half of a move. */
function importedElsewhere(plans: readonly StackPlan[], rc: ResourceChange, id: string): boolean {
  return plans.some((p) =>
    managedChanges(p).some((other) => other !== rc && other.type === rc.type && imports(other) && (other.change.importing?.id === id || other.change.after?.id === id)),
  );
}

/**
 * A `removed` block with `lifecycle { destroy = false }` makes Terraform forget an object and leave it in AWS
 * (action `forget`). That is safe only when nothing the landing zone keeps still uses the object, or another stack
 * takes it over in the same change (imports it: a move between stacks). An account forgotten without being listed
 * in `closedAccounts` (or moved to another stack of the landing zone, config/account-stacks.ts) leaves the organization's records and the account inventory out of step; an object still named
 * by another resource (a policy attached to it, a role in a trust) is no longer managed where it is used.
 * @see https://developer.hashicorp.com/terraform/language/resources/syntax#removing-resources
 * @see https://developer.hashicorp.com/terraform/language/import
 */
export const forget: PlanRule = (plans, ctx) =>
  plans.flatMap((p) =>
    managedChanges(p)
      .filter(forgets)
      .flatMap((rc) => {
        const id = attribute(rc, 'id') ?? '';
        if (id !== '' && importedElsewhere(plans, rc, id)) return [];
        const reasons: string[] = [];
        const name = attribute(rc, 'name');
        // An account that moves to another stack of the landing zone is imported there in a later wave (config/account-stacks.ts):
        // it stays managed, only elsewhere.
        if (rc.type === 'aws_organizations_account' && name !== undefined && ctx.movedAccounts.get(p.stack)?.has(name)) return [];
        if (rc.type === 'aws_organizations_account' && !ctx.closedAccountIds.has(id)) {
          reasons.push(
            `account ${id}${name ? ` (${name})` : ''} is not in closedAccounts: an account leaves the landing zone only through closedAccounts (with its id), docs/accounts.md`,
          );
        }
        const tokens = [id, attribute(rc, 'arn') ?? ''].filter((t) => t !== '');
        const users = tokens.length > 0 ? referrers(plans, { stack: p.stack, address: rc.address }, tokens) : [];
        if (users.length > 0) {
          const listed = users.slice(0, 3).join(', ') + (users.length > 3 ? ` and ${users.length - 3} more` : '');
          reasons.push(`it is still referenced by ${listed}`);
        }
        if (reasons.length === 0) return [];
        return [finding('forget', p.stack, rc.address, `forgotten (removed, destroy = false)${id ? ` (id ${JSON.stringify(id)})` : ''}: ${reasons.join('; ')}`)];
      }),
  );

import { configResources, stateResources, type ResourceChange, type ResourceConfig, type StateResource, type Values } from './plan-json';
import type { StackPlan } from './types';

/*
 * Reading resource changes: what kind of change each one is, which attributes it changes, and what its
 * configuration refers to. Shared by the rules; every function is pure.
 */

/** The managed resources' changes of a plan (data sources are read, never changed). */
export function managedChanges(plan: StackPlan): ResourceChange[] {
  return (plan.plan.resource_changes ?? []).filter((rc) => rc.mode === 'managed');
}

/** Whether the change removes the object: a destroy or a replacement (any actions with `delete`). */
export function deletes(rc: ResourceChange): boolean {
  return rc.change.actions.includes('delete');
}

/** A replacement: delete-then-create or create-then-delete. */
export function replaces(rc: ResourceChange): boolean {
  return deletes(rc) && rc.change.actions.includes('create');
}

/** A plain create (an addition, no replacement). */
export function creates(rc: ResourceChange): boolean {
  return rc.change.actions.length === 1 && rc.change.actions[0] === 'create';
}

/** An in-place update (of a managed or an imported object). */
export function updates(rc: ResourceChange): boolean {
  return rc.change.actions.length === 1 && rc.change.actions[0] === 'update';
}

/** A `removed { lifecycle { destroy = false } }`: Terraform forgets the object and leaves it alone. */
export function forgets(rc: ResourceChange): boolean {
  return rc.change.actions.includes('forget');
}

/** The plan imports the object (an `import` block). */
export function imports(rc: ResourceChange): boolean {
  return rc.change.importing !== undefined && rc.change.importing !== null;
}

/** Whether an `after_unknown` entry says that (part of) the value is known only after the apply. */
function unknown(marker: unknown): boolean {
  if (marker === true) return true;
  if (Array.isArray(marker)) return marker.some(unknown);
  if (marker !== null && typeof marker === 'object') return Object.values(marker).some(unknown);
  return false;
}

/** Whether attribute `key` changes: its value differs, or its new value is known only after the apply. */
export function attributeChanges(rc: ResourceChange, key: string): boolean {
  const before = rc.change.before?.[key];
  const after = rc.change.after?.[key];
  return unknown(rc.change.after_unknown?.[key]) || JSON.stringify(before ?? null) !== JSON.stringify(after ?? null);
}

/** The top-level attributes a change changes, sorted, without those in `ignore`. */
export function changedAttributes(rc: ResourceChange, ignore: readonly string[] = []): string[] {
  const keys = new Set([...Object.keys(rc.change.before ?? {}), ...Object.keys(rc.change.after ?? {}), ...Object.keys(rc.change.after_unknown ?? {})]);
  return [...keys].filter((k) => !ignore.includes(k) && attributeChanges(rc, k)).sort();
}

/** A value as a reviewer reads it in one line: JSON, cut at 80 characters; `(known after apply)` when unknown. */
export function show(value: unknown, isUnknown = false): string {
  if (isUnknown) return '(known after apply)';
  const text = JSON.stringify(value ?? null);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `description ("a" → "b")` for each changed attribute. */
export function describeChanges(rc: ResourceChange, attributes: readonly string[]): string {
  return attributes.map((k) => `${k} (${show(rc.change.before?.[k])} → ${show(rc.change.after?.[k], unknown(rc.change.after_unknown?.[k]))})`).join(', ');
}

/** A string attribute of the object before the change, else after it. */
export function attribute(rc: ResourceChange, key: string): string | undefined {
  const v = rc.change.before?.[key] ?? rc.change.after?.[key];
  return typeof v === 'string' ? v : undefined;
}

/** A list-of-strings attribute of `values` (null when absent). */
export function stringList(values: Values | null | undefined, key: string): string[] | undefined {
  const v = values?.[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/**
 * The values an update of the organization takes out of one of its authoritative lists (enabled_policy_types,
 * aws_service_access_principals), with the plan and change they are in. A list unknown until apply is skipped.
 */
export function removedFromOrganizationList(plans: readonly StackPlan[], attribute: string): Array<{ plan: StackPlan; change: ResourceChange; value: string }> {
  return plans.flatMap((plan) =>
    managedChanges(plan)
      .filter((rc) => rc.type === 'aws_organizations_organization' && rc.change.before !== null && rc.change.after !== null)
      .flatMap((change) => {
        const before = stringList(change.change.before, attribute) ?? [];
        const after = stringList(change.change.after, attribute);
        return after === undefined ? [] : before.filter((v) => !after.includes(v)).map((value) => ({ plan, change, value }));
      }),
  );
}

/** The configuration address of a resource change: module path and resource, without the instance key. */
export function configAddress(rc: ResourceChange): string {
  return `${rc.module_address ? `${rc.module_address}.` : ''}${rc.type}.${rc.name}`;
}

/**
 * The resource that argument `argument` of the change's configuration refers to, e.g. `aws_organizations_policy.p`
 * for `policy_id = aws_organizations_policy.p.id` (Terraform lists `aws_organizations_policy.p.id` and
 * `aws_organizations_policy.p` as its references); undefined for a constant or no configuration.
 */
export function referencedResource(plan: StackPlan, rc: ResourceChange, argument: string): string | undefined {
  const config = configurationOf(plan).get(configAddress(rc));
  const expression = config?.expressions?.[argument] as { references?: unknown } | undefined;
  const references = Array.isArray(expression?.references) ? (expression.references as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  const prefix = rc.module_address ? `${rc.module_address}.` : '';
  for (const reference of references) {
    const parts = reference.split('.');
    if (parts[0] === 'data' || parts[0] === 'var' || parts[0] === 'local' || parts[0] === 'module' || parts.length < 2) continue;
    return `${prefix}${parts[0]}.${parts[1].replace(/\[.*$/, '')}`;
  }
  return undefined;
}

/** A constant argument of the change's configuration (undefined when it is an expression or absent). */
export function constantArgument(plan: StackPlan, rc: ResourceChange, argument: string): unknown {
  const config = configurationOf(plan).get(configAddress(rc));
  return (config?.expressions?.[argument] as { constant_value?: unknown } | undefined)?.constant_value;
}

const configurations = new WeakMap<StackPlan, Map<string, ResourceConfig>>();
const known = new WeakMap<StackPlan, StateResource[]>();

/** The plan's resource blocks by address, indexed once per plan (a stack with thousands of resources stays linear). */
function configurationOf(plan: StackPlan): Map<string, ResourceConfig> {
  let index = configurations.get(plan);
  if (!index) {
    index = configResources(plan.plan.configuration?.root_module);
    configurations.set(plan, index);
  }
  return index;
}

/** Every resource of the plan's prior state and planned values (the planned one wins for the same address). */
export function knownResources(plan: StackPlan): StateResource[] {
  let list = known.get(plan);
  if (!list) {
    const byAddress = new Map<string, StateResource>();
    for (const r of stateResources(plan.plan.prior_state?.values?.root_module)) byAddress.set(r.address, r);
    for (const r of stateResources(plan.plan.planned_values?.root_module)) byAddress.set(r.address, r);
    list = [...byAddress.values()];
    known.set(plan, list);
  }
  return list;
}

/** The resources that exist after the apply: the plan's planned values. */
export function plannedResources(plan: StackPlan): StateResource[] {
  return stateResources(plan.plan.planned_values?.root_module);
}

/** The address without the instance key: `aws_x.y["k"]` → `aws_x.y`. */
export function withoutIndex(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}

/** What Terraform's action_reason says, for a reviewer. */
const ACTION_REASONS: Readonly<Record<string, string>> = {
  delete_because_no_resource_config: 'its resource block is no longer in the configuration',
  delete_because_no_module: 'its module is no longer in the configuration',
  delete_because_wrong_repetition: 'its resource block changed between count and for_each',
  delete_because_count_index: 'its count index is no longer in the configuration',
  delete_because_each_key: 'its for_each key is no longer in the configuration',
  delete_because_no_move_target: 'a moved block points to an address that does not exist',
  replace_because_tainted: 'it is tainted',
  replace_because_cannot_update: 'an argument that forces a new resource changed',
  replace_by_request: 'the run asked for it (-replace)',
  replace_by_triggers: 'replace_triggered_by changed',
};

/** The reason of a delete or replace, in words (Terraform's code when it is a new one). */
export function actionReason(rc: ResourceChange): string | undefined {
  return rc.action_reason === undefined ? undefined : (ACTION_REASONS[rc.action_reason] ?? rc.action_reason);
}

/** `name`, `tags.Owner`, `ingress[0].from_port`: a replace path as written in configuration. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
}

/** The object's identity for a message: ` (id "lz-x")`, or nothing. */
export function identity(rc: ResourceChange): string {
  const id = attribute(rc, 'id');
  return id === undefined ? '' : ` (id ${JSON.stringify(id)})`;
}

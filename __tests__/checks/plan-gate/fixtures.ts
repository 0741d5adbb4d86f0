import type { ChangeAction, Expression, PlanJson, ResourceChange, StateResource, Values } from '../../../checks/plan-gate/plan-json';
import type { StackPlan } from '../../../checks/plan-gate/types';
import { gateContext } from '../../../checks/plan-gate/context';
import type { GateContext } from '../../../checks/plan-gate/types';
import { minimalConfig } from '../../harness/config';

/*
 * Plan JSON fixtures in the shape `terraform show -json tfplan` prints (Terraform 1.11, format_version 1.2; compare
 * fixtures/moto/moto-management.json, a real one): resource_changes with change.{actions, before, after,
 * after_unknown, importing, replace_paths}, configuration.root_module.resources[].expressions, planned_values and
 * prior_state, each derived from the same changes so that they agree as Terraform's do.
 */

/** One resource change of a fixture. */
export interface ChangeSpec {
  /** `aws_iam_role.x` or `aws_iam_role.x["k"]`. */
  readonly address: string;
  readonly actions: readonly ChangeAction[];
  readonly before?: Values | null;
  readonly after?: Values | null;
  readonly afterUnknown?: Record<string, unknown>;
  /** The import id of an `import` block. */
  readonly importing?: string;
  readonly replacePaths?: (string | number)[][];
  readonly actionReason?: string;
  /** The configuration's expressions; by default a constant_value per known `after` argument. */
  readonly expressions?: Record<string, Expression>;
}

const PROVIDER = 'registry.terraform.io/hashicorp/aws';

function parts(address: string): { type: string; name: string; index?: string | number } {
  const m = /^([a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[(.+)\])?$/.exec(address);
  if (!m) throw new Error(`fixture address ${address} is not <type>.<name>[<index>]`);
  const index = m[3] === undefined ? undefined : /^\d+$/.test(m[3]) ? Number(m[3]) : JSON.parse(m[3]);
  return { type: m[1], name: m[2], ...(index === undefined ? {} : { index }) };
}

function stateResource(address: string, values: Values): StateResource & Record<string, unknown> {
  const { type, name, index } = parts(address);
  return { address, mode: 'managed', type, name, ...(index === undefined ? {} : { index }), provider_name: PROVIDER, schema_version: 0, values, sensitive_values: {} };
}

/**
 * A plan document with these changes. `extra.planned` and `extra.prior` add resources without a change (no-ops
 * that only exist in planned_values and prior_state).
 */
export function planJson(changes: readonly ChangeSpec[], extra: { planned?: { address: string; values: Values }[]; prior?: { address: string; values: Values }[] } = {}): PlanJson {
  const resourceChanges: ResourceChange[] = changes.map((c) => {
    const { type, name, index } = parts(c.address);
    const before = c.before ?? null;
    const after = c.actions.includes('delete') && !c.actions.includes('create') ? null : c.actions.includes('forget') ? null : (c.after ?? null);
    return {
      address: c.address,
      mode: 'managed',
      type,
      name,
      ...(index === undefined ? {} : { index }),
      provider_name: PROVIDER,
      ...(c.actionReason ? { action_reason: c.actionReason } : {}),
      change: {
        actions: c.actions,
        before,
        after,
        after_unknown: c.afterUnknown ?? {},
        before_sensitive: before === null ? false : {},
        after_sensitive: after === null ? false : {},
        ...(c.importing !== undefined ? { importing: { id: c.importing } } : {}),
        ...(c.replacePaths ? { replace_paths: c.replacePaths } : {}),
      },
    } as ResourceChange;
  });
  const remains = (c: ChangeSpec) => !c.actions.includes('forget') && !(c.actions.includes('delete') && !c.actions.includes('create'));
  const planned = [
    ...changes.filter(remains).map((c) => stateResource(c.address, c.after ?? {})),
    ...(extra.planned ?? []).map((r) => stateResource(r.address, r.values)),
  ];
  const prior = [
    ...changes.filter((c) => c.before && !c.importing).map((c) => stateResource(c.address, c.before!)),
    ...(extra.prior ?? []).map((r) => stateResource(r.address, r.values)),
  ];
  const configured = new Map<string, object>();
  for (const c of changes.filter((x) => !x.actions.includes('forget') && x.actionReason !== 'delete_because_no_resource_config')) {
    const { type, name } = parts(c.address);
    const expressions =
      c.expressions ?? Object.fromEntries(Object.entries(c.after ?? {}).filter(([k]) => k !== 'id' && k !== 'arn' && !(c.afterUnknown ?? {})[k]).map(([k, v]) => [k, { constant_value: v }]));
    configured.set(`${type}.${name}`, { address: `${type}.${name}`, mode: 'managed', type, name, provider_config_key: 'aws', expressions, schema_version: 0 });
  }
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: { resources: planned } },
    ...(resourceChanges.length > 0 ? { resource_changes: resourceChanges } : {}),
    ...(prior.length > 0 ? { prior_state: { format_version: '1.0', terraform_version: '1.11.4', values: { root_module: { resources: prior } } } } : {}),
    configuration: { provider_config: { aws: { name: 'aws', full_name: PROVIDER } }, root_module: { resources: [...configured.values()] } },
    timestamp: '2026-12-07T00:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  } as PlanJson;
}

/** A stack's plan of these changes, as read from `<stack>.json`. */
export function stackPlan(stack: string, changes: readonly ChangeSpec[], extra?: Parameters<typeof planJson>[1]): StackPlan {
  return { stack, file: `plans/${stack}.json`, plan: planJson(changes, extra) };
}

/** The gate context of the minimal test config, edited. */
export function contextOf(edit: (input: any) => void = () => {}): GateContext {
  return gateContext(minimalConfig(edit));
}

/** The minimal test config as an adopted organization (organization.id), edited. */
export function adoptedContext(edit: (input: any) => void = () => {}): GateContext {
  return contextOf((input) => {
    input.organization.id = 'o-abc123defg';
    edit(input);
  });
}

/** A role's attribute values as the AWS provider plans them. */
export function role(name: string, extra: Values = {}): Values {
  return {
    arn: `arn:aws:iam::111111111111:role/${name}`,
    assume_role_policy: '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"}}],"Version":"2012-10-17"}',
    description: '',
    id: name,
    name,
    path: '/',
    tags: {},
    tags_all: {},
    ...extra,
  };
}

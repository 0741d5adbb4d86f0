/**
 * The part of Terraform's JSON plan representation (`terraform show -json <planfile>`, format_version 1.x) that the
 * plan gate reads. Everything else in the document is ignored.
 * @see https://developer.hashicorp.com/terraform/internals/json-format
 */

/** A Terraform change action. `forget` comes from a `removed` block with `lifecycle { destroy = false }`. */
export type ChangeAction = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'forget';

/** Attribute values of a resource (before or after a change, or in a state). */
export type Values = Readonly<Record<string, unknown>>;

/** `change` of one resource change: the actions and the object before and after. */
export interface Change {
  /**
   * `["create"]`, `["update"]`, `["delete"]`, `["forget"]`, `["no-op"]`, `["read"]`, or a replacement:
   * `["delete", "create"]` (delete then create) or `["create", "delete"]` (create_before_destroy).
   */
  readonly actions: readonly ChangeAction[];
  /** The object before the change; null for a create. */
  readonly before: Values | null;
  /** The object after the change; null for a delete or a forget. */
  readonly after: Values | null;
  /** The attributes known only after apply: `true` for each such attribute (nested like `after`). */
  readonly after_unknown?: Readonly<Record<string, unknown>>;
  /** Present when the resource is imported by this plan (an `import` block), with the id it is imported by. */
  readonly importing?: { readonly id?: string; readonly identity?: unknown };
  /** For a replacement: the attribute paths that force it, e.g. `[["name"]]`. */
  readonly replace_paths?: readonly (readonly (string | number)[])[];
}

/** One entry of `resource_changes`. */
export interface ResourceChange {
  /** Full address, with module path and instance key: `aws_iam_role.x`, `module.m.aws_iam_role.x["k"]`. */
  readonly address: string;
  /** `module.m` for a resource in a child module; absent in the root module. */
  readonly module_address?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  /** Why Terraform plans a delete or replace, e.g. `delete_because_no_resource_config`, `replace_because_cannot_update`. */
  readonly action_reason?: string;
  readonly change: Change;
}

/** One expression of a resource's configuration: a constant, or the references it is made of. */
export interface Expression {
  readonly constant_value?: unknown;
  /** Addresses the expression refers to, e.g. `["aws_organizations_policy.p.id", "aws_organizations_policy.p"]`. */
  readonly references?: readonly string[];
}

/** One resource block of `configuration`. */
export interface ResourceConfig {
  /** Address within its module (no module prefix, no instance key). */
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** Argument name → expression (nested blocks hold objects or arrays of expressions). */
  readonly expressions?: Readonly<Record<string, unknown>>;
}

export interface ModuleConfig {
  readonly resources?: readonly ResourceConfig[];
  readonly module_calls?: Readonly<Record<string, { readonly module?: ModuleConfig }>>;
}

/** A resource instance in `planned_values` or `prior_state`. */
export interface StateResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly values?: Values;
}

export interface StateModule {
  readonly resources?: readonly StateResource[];
  readonly child_modules?: readonly StateModule[];
}

/** The document `terraform show -json <planfile>` prints. */
export interface PlanJson {
  readonly format_version: string;
  readonly terraform_version?: string;
  /** Absent when the plan changes nothing. */
  readonly resource_changes?: readonly ResourceChange[];
  /** The resources as they will be after the apply (what is deleted or forgotten is not in it). */
  readonly planned_values?: { readonly root_module?: StateModule };
  /** The state the plan started from (absent for a stack without state). */
  readonly prior_state?: { readonly values?: { readonly root_module?: StateModule } };
  readonly configuration?: { readonly root_module?: ModuleConfig };
}

/** Every resource of a state module tree. */
export function stateResources(module: StateModule | undefined): StateResource[] {
  if (!module) return [];
  return [...(module.resources ?? []), ...(module.child_modules ?? []).flatMap(stateResources)];
}

/** Every resource block of a configuration module tree, by its full address (`module.m.aws_x.y` in a child module). */
export function configResources(module: ModuleConfig | undefined, prefix = ''): Map<string, ResourceConfig> {
  const out = new Map<string, ResourceConfig>();
  if (!module) return out;
  for (const r of module.resources ?? []) out.set(`${prefix}${r.address}`, r);
  for (const [name, call] of Object.entries(module.module_calls ?? {})) {
    for (const [address, r] of configResources(call.module, `${prefix}module.${name}.`)) out.set(address, r);
  }
  return out;
}

import type { StackJson } from '../synth';

/**
 * Which resources the emulator test switches off or changes, and why: the pure part of the
 * harness (no moto, no terraform), unit-tested in switches.test.ts.
 */

/** One emulator gap (or known product bug) from __tests__/emulator/gaps.ts. */
export interface SwitchEntry {
  /** Resource type (`aws_budgets_budget`) or data source (`data.aws_ssoadmin_instances`). */
  readonly resource: string;
  /**
   * Only resources whose Terraform name matches.
   * @default - every resource of the type
   */
  readonly name?: RegExp;
  /**
   * Only resources whose top-level arguments have these values.
   * @default - no condition
   */
  readonly where?: Readonly<Record<string, unknown>>;
  /**
   * Only resources an import block of their stack adopts (what already existed before the landing
   * zone: the brownfield scenario), e.g. an update moto refuses on what it did not create itself.
   * @default false - adopted or not
   */
  readonly imported?: boolean;
  /**
   * Keep the resource, but leave these values out of one of its list arguments (the rest of the
   * resource works on moto). Without it the resource is switched off (`count = 0`) with everything
   * that references it.
   */
  readonly withhold?: { readonly attribute: string; readonly values: readonly string[] };
  /**
   * Keep the resource, but with these top-level arguments set (e.g. `enable_logging: false` to
   * skip a call moto cannot answer). Like `withhold`, the resource itself stays on.
   */
  readonly set?: Readonly<Record<string, unknown>>;
  /** What moto does (the error or what is missing). */
  readonly moto: string;
  /** Part of moto's error message: proves, when the gap is switched back on, that moto still fails. */
  readonly failsWith: RegExp;
  /** Why real AWS differs, with the AWS page. */
  readonly aws: string;
}

export type ItemBody = Record<string, unknown>;

/** `type.name` for resources, `data.type.name` for data sources. */
export type Address = string;

/** Why an item is off: an entry of the list, or the items it references. */
export type OffReason = { readonly entry: SwitchEntry } | { readonly dependsOn: readonly string[] };

export interface StackSwitches {
  /** Items switched off (count = 0), with the reason. */
  readonly off: ReadonlyMap<Address, OffReason>;
  /** Items kept with some values left out of a list argument, or some arguments set (`withhold`, `set`). */
  readonly patched: ReadonlyMap<Address, ReadonlyArray<{ readonly entry: SwitchEntry }>>;
  /** Outputs whose value is replaced by null because they reference a switched-off item. */
  readonly nulledOutputs: ReadonlySet<string>;
}

/** Whether an entry keeps its resource and changes arguments (`withhold`, `set`) instead of switching it off. */
export function isPatch(entry: SwitchEntry): boolean {
  return entry.withhold !== undefined || entry.set !== undefined;
}

/** A short label of an entry for messages: `type {where} (withheld values) [set arguments]`. */
export function entryLabel(entry: SwitchEntry): string {
  return [
    entry.resource,
    entry.name ? ` /${entry.name.source}/` : '',
    entry.where ? ` ${JSON.stringify(entry.where)}` : '',
    entry.imported ? ' (imported)' : '',
    entry.withhold ? ` (without ${entry.withhold.values.join(', ')})` : '',
    entry.set ? ` (with ${JSON.stringify(entry.set)})` : '',
  ].join('');
}

/** Every resource and data source of a stack, by address. */
export function itemsOf(json: StackJson): Map<Address, ItemBody> {
  const items = new Map<Address, ItemBody>();
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) items.set(`${type}.${name}`, body);
  }
  for (const [type, byName] of Object.entries(json.data ?? {})) {
    for (const [name, body] of Object.entries(byName)) items.set(`data.${type}.${name}`, body);
  }
  return items;
}

/** `type.name` of an import block's `to` (without an instance key). */
const importTarget = (to: string): Address => to.replace(/\[[^\]]*\]$/, '');

/** The resources the import blocks of a stack adopt. */
export function importTargets(json: StackJson): Set<Address> {
  return new Set((json.import ?? []).map((b) => importTarget(b.to)));
}

/** Whether `entry` names the item at `address` (`adopted`: the import targets of its stack). */
export function entryMatches(entry: SwitchEntry, address: Address, body: ItemBody, adopted: ReadonlySet<Address> = new Set()): boolean {
  const dot = address.lastIndexOf('.');
  const type = address.slice(0, dot);
  const name = address.slice(dot + 1);
  if (type !== entry.resource) return false;
  if (entry.name && !entry.name.test(name)) return false;
  if (entry.imported && !adopted.has(address)) return false;
  for (const [key, value] of Object.entries(entry.where ?? {})) {
    if (JSON.stringify(body[key]) !== JSON.stringify(value)) return false;
  }
  // A value withheld only matters where the resource has it (an adopted organization enables no declarative type).
  if (entry.withhold) {
    const list = body[entry.withhold.attribute];
    if (!Array.isArray(list) || !entry.withhold.values.some((v) => list.includes(v))) return false;
  }
  return true;
}

const REFERENCE = /(?<![A-Za-z0-9_.-])((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)/g;
const REMOTE_OUTPUT = /data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/** Addresses (of `known`) that `value` references in its `${...}` expressions. */
export function referencesIn(value: unknown, known: ReadonlySet<Address> | ReadonlyMap<Address, unknown>): Address[] {
  const found = new Set<Address>();
  for (const s of strings(value)) {
    if (!s.includes('${')) continue;
    for (const m of s.matchAll(REFERENCE)) if (known.has(m[1])) found.add(m[1]);
  }
  return [...found];
}

/** `<remote-state data name>.<output>` pairs that `value` reads. */
export function remoteOutputsIn(value: unknown): Array<{ data: string; output: string }> {
  const found: Array<{ data: string; output: string }> = [];
  for (const s of strings(value)) {
    for (const m of s.matchAll(REMOTE_OUTPUT)) found.push({ data: m[1], output: m[2] });
  }
  return found;
}

/** The stack whose state a `terraform_remote_state` data source reads (from its path or key). */
export function producerOf(body: ItemBody): string | undefined {
  const config = (body.config ?? {}) as Record<string, unknown>;
  const file = String(config.path ?? config.key ?? '');
  const base = file.split('/').pop() ?? '';
  return base.endsWith('.tfstate') ? base.slice(0, -'.tfstate'.length) : undefined;
}

/** Keys of an item that are not its arguments (meta-arguments an override leaves alone). */
const META = new Set(['//', 'count', 'depends_on', 'provider', 'lifecycle', 'for_each']);

/**
 * Decides, stack by stack in apply order, what is switched off: the items `entries` name (unless
 * the entry only withholds values), everything that references a switched-off item (in the same
 * stack, or through an output of an earlier stack), and outputs that reference one.
 */
export function computeSwitches(
  stacks: Readonly<Record<string, StackJson>>,
  order: readonly string[],
  entries: readonly SwitchEntry[],
): Map<string, StackSwitches> {
  const result = new Map<string, StackSwitches>();
  for (const id of order) {
    const json = stacks[id];
    if (!json) throw new Error(`no stack "${id}" in the synthesized output`);
    const items = itemsOf(json);
    const adopted = importTargets(json);
    const off = new Map<Address, OffReason>();
    const patched = new Map<Address, Array<{ entry: SwitchEntry }>>();
    for (const [address, body] of items) {
      for (const entry of entries) {
        if (!entryMatches(entry, address, body, adopted)) continue;
        if (isPatch(entry)) patched.set(address, [...(patched.get(address) ?? []), { entry }]);
        else if (!off.has(address)) off.set(address, { entry });
      }
    }
    // Items reading a nulled output of an earlier stack.
    const producers = new Map<string, string>();
    for (const [address, body] of items) {
      if (address.startsWith('data.terraform_remote_state.')) {
        const producer = producerOf(body);
        if (producer) producers.set(address.slice('data.terraform_remote_state.'.length), producer);
      }
    }
    const readsNulled = (value: unknown) =>
      remoteOutputsIn(value).filter(({ data, output }) => {
        const producer = producers.get(data);
        return producer !== undefined && result.get(producer)?.nulledOutputs.has(output) === true;
      });
    for (const [address, body] of items) {
      if (off.has(address)) continue;
      const nulled = readsNulled(body);
      if (nulled.length > 0) off.set(address, { dependsOn: nulled.map((n) => `${producers.get(n.data)}: output ${n.output}`) });
    }
    // Everything that references a switched-off item, to a fixed point.
    for (let changed = true; changed; ) {
      changed = false;
      for (const [address, body] of items) {
        if (off.has(address)) continue;
        const refs = referencesIn(body, off);
        if (refs.length > 0) {
          off.set(address, { dependsOn: refs });
          changed = true;
        }
      }
    }
    for (const provider of json.provider?.aws ?? []) {
      const refs = [...referencesIn(provider, off), ...readsNulled(provider).map((n) => n.output)];
      if (refs.length > 0) {
        throw new Error(`stack ${id}: provider aws${provider.alias ? `.${provider.alias}` : ''} references switched-off ${refs.join(', ')}; the emulator test cannot switch off what a provider needs`);
      }
    }
    const nulledOutputs = new Set<string>();
    for (const [name, body] of Object.entries(json.output ?? {})) {
      if (referencesIn(body, off).length > 0 || readsNulled(body).length > 0) nulledOutputs.add(name);
    }
    result.set(id, { off, patched, nulledOutputs });
  }
  return result;
}

/**
 * Provider settings that point the AWS provider at the emulator (with AWS_ENDPOINT_URL in the env).
 * Not set, on purpose: skip_credentials_validation and skip_requesting_account_id (moto answers
 * sts:GetCallerIdentity, also after AssumeRole into a member account, and the provider builds ARNs
 * from that account id).
 */
export const EMULATOR_PROVIDER_SETTINGS: Readonly<Record<string, unknown>> = {
  // moto answers unimplemented calls with 500, which the SDK retries for minutes by default.
  max_retries: 2,
  // moto serves S3 on one host; virtual-host-style bucket names would need wildcard DNS.
  s3_use_path_style: true,
  // No EC2 instance metadata service here; the credentials come from the environment.
  skip_metadata_api_check: true,
};

/** Rewrites references to switched-off items as references to their (absent) first instance. */
function indexOffReferences(value: unknown, off: ReadonlyMap<Address, unknown>): unknown {
  if (typeof value === 'string') {
    if (!value.includes('${')) return value;
    return value.replace(REFERENCE, (match, address: string, offset: number, whole: string) =>
      off.has(address) && whole[offset + match.length] !== '[' ? `${address}[0]` : match,
    );
  }
  if (Array.isArray(value)) return value.map((v) => indexOffReferences(v, off));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, indexOffReferences(v, off)]));
  }
  return value;
}

/**
 * The `zz_emulator_override.tf.json` of one stack: every `provider "aws"` block (default and each
 * alias, whose region and assume_role stay as they are) gets the emulator settings; switched-off
 * items get `count = 0`, and the arguments of theirs that reference other switched-off items are
 * restated with an index (Terraform checks references to counted resources statically, even in a
 * resource with no instances); withheld values are left out of their list and `set` arguments
 * replace the original ones; outputs that reference
 * switched-off items become null.
 */
export function emulatorOverride(json: StackJson, switches: StackSwitches): Record<string, unknown> {
  const override: Record<string, any> = {
    provider: { aws: (json.provider?.aws ?? []).map((p) => ({ ...(p.alias ? { alias: p.alias } : {}), ...EMULATOR_PROVIDER_SETTINGS })) },
  };
  const items = itemsOf(json);
  const put = (address: Address, patch: Record<string, unknown>) => {
    const isData = address.startsWith('data.');
    const [type, name] = (isData ? address.slice(5) : address).split(/\.(?=[^.]+$)/);
    const section = (override[isData ? 'data' : 'resource'] ??= {});
    section[type] = { ...(section[type] ?? {}), [name]: { ...(section[type]?.[name] ?? {}), ...patch } };
  };
  for (const address of switches.off.keys()) {
    const body = items.get(address) ?? {};
    const patch: Record<string, unknown> = { count: 0 };
    for (const [key, value] of Object.entries(body)) {
      if (META.has(key) || referencesIn(value, switches.off).length === 0) continue;
      patch[key] = indexOffReferences(value, switches.off);
    }
    put(address, patch);
  }
  for (const [address, list] of switches.patched) {
    if (switches.off.has(address)) continue;
    const body = items.get(address) ?? {};
    const patch: Record<string, unknown> = {};
    for (const { entry } of list) {
      Object.assign(patch, entry.set ?? {});
      if (!entry.withhold) continue;
      const { attribute, values } = entry.withhold;
      const current = (patch[attribute] ?? body[attribute]) as unknown;
      if (!Array.isArray(current)) throw new Error(`${address}.${attribute} is not a list; a withhold entry needs a list argument`);
      patch[attribute] = current.filter((v) => !values.includes(v as string));
    }
    put(address, patch);
  }
  for (const name of switches.nulledOutputs) (override.output ??= {})[name] = { value: null };
  return override;
}

/**
 * The stack JSON the test applies: the synthesized one without the import blocks whose target is
 * switched off (or that reference a switched-off item). Terraform refuses an import into a resource
 * with `count`, and an override file cannot change import blocks; a gap switches the resource off,
 * and with it the adoption of what already exists. `dropped` names them (`to` and id), for the report.
 */
export function emulatorStackJson(json: StackJson, switches: StackSwitches): { json: StackJson; dropped: string[] } {
  const imports = json.import ?? [];
  const drop = (block: (typeof imports)[number]) => switches.off.has(importTarget(block.to)) || referencesIn(block, switches.off).length > 0;
  const dropped = imports.filter(drop).map((b) => `${b.to} (id ${b.id})`);
  if (dropped.length === 0) return { json, dropped };
  const kept = imports.filter((b) => !drop(b));
  const { import: _ignored, ...rest } = json;
  return { json: kept.length > 0 ? { ...rest, import: kept } : rest, dropped };
}

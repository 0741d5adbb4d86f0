/**
 * Several synthesized stacks as one Terraform root module, so that one `terraform validate` checks them all.
 *
 * Most of a validate's time is Terraform loading the AWS provider and its schema (about 3 s of the 4 s a stack
 * takes here); a bundle pays it once. Each stack keeps every block it has (providers, imports with their
 * `for_each` and `id`, removed blocks, variables with their validations, outputs), with every name it declares
 * prefixed by `<stack>__` and every reference to those names rewritten to match, each stack in its own
 * `<stack>.tf.json` so a diagnostic's file names its stack. Child modules would not do: Terraform allows import
 * blocks in the root module only, and nearly every stack has some.
 *
 * What changes for Terraform: a stack's default `aws` provider becomes the alias `aws.<stack>__default` (named on
 * the resources and data sources that used the default), the backend is dropped (validate runs with
 * `-backend=false` either way), and the `terraform` blocks merge into one (`required_providers` must agree).
 */
export interface StackJson {
  readonly id: string;
  readonly json: Record<string, unknown>;
}

export interface Bundle {
  /** File name (`<stack>.tf.json` or `terraform.tf.json`) to contents. */
  readonly files: Record<string, Record<string, unknown>>;
  /** The stack a diagnostic belongs to, from its file name or its address; undefined when neither names one. */
  stackOf(diagnostic: { range?: { filename?: string }; address?: string }): string | undefined;
  /** A diagnostic's text without the bundle's name prefixes. */
  unprefix(text: string): string;
}

type Blocks = Record<string, Record<string, Record<string, unknown>>>;

const SEP = '__';
const AWS = 'aws';

/** Names one stack declares, by kind, to tell its references from anything else that looks like one. */
interface Declared {
  readonly managed: Set<string>; // "<type>.<name>"
  readonly data: Set<string>; // "<type>.<name>"
  readonly variables: Set<string>;
  readonly locals: Set<string>;
  readonly aliases: Set<string>;
}

function declared(json: Record<string, unknown>): Declared {
  const pairs = (blocks: unknown) =>
    new Set(Object.entries((blocks ?? {}) as Blocks).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`)));
  const providers = ((json.provider ?? {}) as Record<string, Array<{ alias?: string }>>)[AWS] ?? [];
  return {
    managed: pairs(json.resource),
    data: pairs(json.data),
    variables: new Set(Object.keys((json.variable ?? {}) as object)),
    locals: new Set(Object.keys((json.locals ?? {}) as object)),
    aliases: new Set(providers.map((p) => p.alias ?? '').filter((a) => a !== '')),
  };
}

/** Rewrites the references in one expression (the inside of `${...}` or a bare reference string). */
function renameReferences(expr: string, d: Declared, prefix: string): string {
  return expr.replace(/(?<![\w.-])(data\.)?([A-Za-z][\w]*)\.([A-Za-z_][\w-]*)/g, (whole, dataDot: string | undefined, head: string, name: string) => {
    if (dataDot) return d.data.has(`${head}.${name}`) ? `data.${head}.${prefix}${name}` : whole;
    if (head === 'var') return d.variables.has(name) ? `var.${prefix}${name}` : whole;
    if (head === 'local') return d.locals.has(name) ? `local.${prefix}${name}` : whole;
    if (head === AWS) return d.aliases.has(name) ? `${AWS}.${prefix}${name}` : whole;
    return d.managed.has(`${head}.${name}`) ? `${head}.${prefix}${name}` : whole;
  });
}

/** Rewrites the `${...}` spans of a template string (nested braces and quoted strings inside them included). */
function renameTemplate(text: string, d: Declared, prefix: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${', i);
    if (start < 0 || text[start - 1] === '$') {
      if (start < 0) return out + text.slice(i);
      out += text.slice(i, start + 2);
      i = start + 2;
      continue;
    }
    let depth = 1;
    let j = start + 2;
    let quoted = false;
    for (; j < text.length && depth > 0; j++) {
      const c = text[j];
      if (quoted) {
        if (c === '\\') j++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    out += text.slice(i, start) + '${' + renameReferences(text.slice(start + 2, j - 1), d, prefix) + '}';
    i = j;
  }
  return out;
}

/** Keys whose string values are bare references, not templates. */
const REFERENCE_KEYS = new Set(['depends_on', 'provider', 'replace_triggered_by']);

/** The address in an import's `to` or a removed or moved block's `from` and `to`: the resource need not exist. */
function prefixAddress(address: string, prefix: string): string {
  return address.replace(/^(data\.)?([A-Za-z][\w]*)\.([A-Za-z_][\w-]*)/, (_, dataDot = '', type: string, name: string) => `${dataDot}${type}.${prefix}${name}`);
}

function prefixAddresses(blocks: unknown, prefix: string): unknown {
  if (!Array.isArray(blocks)) return blocks;
  return blocks.map((block: Record<string, unknown>) => ({
    ...block,
    ...(typeof block.to === 'string' ? { to: prefixAddress(block.to, prefix) } : {}),
    ...(typeof block.from === 'string' ? { from: prefixAddress(block.from, prefix) } : {}),
  }));
}

function rewrite(value: unknown, d: Declared, prefix: string, key?: string): unknown {
  if (typeof value === 'string') {
    return key && REFERENCE_KEYS.has(key) && !value.includes('${') ? renameReferences(value, d, prefix) : renameTemplate(value, d, prefix);
  }
  if (Array.isArray(value)) return value.map((v) => rewrite(v, d, prefix, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'ignore_changes' ? v : rewrite(v, d, prefix, k)]));
  }
  return value;
}

function prefixNames<T>(blocks: Record<string, T> | undefined, prefix: string): Record<string, T> | undefined {
  return blocks && Object.fromEntries(Object.entries(blocks).map(([name, body]) => [`${prefix}${name}`, body]));
}

function prefixBlocks(blocks: Blocks | undefined, prefix: string, defaultProvider: string): Blocks | undefined {
  if (!blocks) return undefined;
  return Object.fromEntries(
    Object.entries(blocks).map(([type, byName]) => [
      type,
      Object.fromEntries(
        Object.entries(byName).map(([name, body]) => [
          `${prefix}${name}`,
          type.startsWith(`${AWS}_`) && body.provider === undefined ? { ...body, provider: defaultProvider } : body,
        ]),
      ),
    ]),
  );
}

/** One stack's blocks, renamed. */
function bundleStack(stack: StackJson): Record<string, unknown> {
  const prefix = `${stack.id}${SEP}`;
  const d = declared(stack.json);
  const { terraform: _terraform, '//': _meta, provider, resource, data, variable, locals, output, ...rest } = stack.json;
  const defaultProvider = `${AWS}.${prefix}default`;
  const providers = (((provider ?? {}) as Record<string, Array<Record<string, unknown>>>)[AWS] ?? []).map((p) => ({
    ...p,
    alias: `${prefix}${(p.alias as string | undefined) ?? 'default'}`,
  }));
  const others = Object.fromEntries(Object.entries((provider ?? {}) as object).filter(([name]) => name !== AWS));
  if (Object.keys(others).length > 0) throw new Error(`stack ${stack.id}: providers other than aws (${Object.keys(others).join(', ')}) are not bundled`);
  const managed = prefixBlocks(resource as Blocks | undefined, prefix, defaultProvider);
  const imports = ((rest.import ?? []) as Array<Record<string, unknown>>).map((block) => {
    if (block.provider !== undefined) return block;
    const [type, name] = String(block.to).replace(/\[.*$/, '').split('.');
    return { ...block, provider: managed?.[type]?.[`${prefix}${name}`]?.provider };
  });
  const body: Record<string, unknown> = {
    ...rest,
    import: prefixAddresses(rest.import ? imports : undefined, prefix),
    removed: prefixAddresses(rest.removed, prefix),
    moved: prefixAddresses(rest.moved, prefix),
    ...(providers.length > 0 ? { provider: { [AWS]: providers } } : {}),
    resource: managed,
    data: prefixBlocks(data as Blocks | undefined, prefix, defaultProvider),
    variable: prefixNames(variable as Record<string, unknown> | undefined, prefix),
    locals: prefixNames(locals as Record<string, unknown> | undefined, prefix),
    output: prefixNames(output as Record<string, unknown> | undefined, prefix),
    check: prefixNames(rest.check as Record<string, unknown> | undefined, prefix),
  };
  // Aliases are plain strings under `alias`, which the rewrite leaves alone; their references it renames.
  const renamed = rewrite(body, d, prefix) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(renamed).filter(([, v]) => v !== undefined));
}

/** The `terraform` blocks of the stacks merged: one `required_providers`, which every stack must agree with. */
function terraformBlock(stacks: readonly StackJson[]): Record<string, unknown> {
  const required: Record<string, unknown> = {};
  for (const { id, json } of stacks) {
    const block = (json.terraform ?? {}) as { required_providers?: Record<string, unknown> };
    for (const [name, spec] of Object.entries(block.required_providers ?? {})) {
      if (required[name] !== undefined && JSON.stringify(required[name]) !== JSON.stringify(spec)) {
        throw new Error(`stack ${id}: required_providers.${name} ${JSON.stringify(spec)} differs from another stack's ${JSON.stringify(required[name])}`);
      }
      required[name] = spec;
    }
  }
  return { terraform: { required_providers: required } };
}

export function bundleStacks(stacks: readonly StackJson[]): Bundle {
  const ids = stacks.map((s) => s.id);
  if (new Set(ids).size !== ids.length) throw new Error(`a bundle needs distinct stack ids: ${ids.join(', ')}`);
  for (const id of ids) if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`stack id ${id} is not a Terraform name`);
  const files: Record<string, Record<string, unknown>> = { 'terraform.tf.json': terraformBlock(stacks) };
  for (const stack of stacks) files[`${stack.id}.tf.json`] = bundleStack(stack);
  // Longest first, so a stack id that starts another's (accounts-1, accounts-10) is not taken for it.
  const byLength = [...ids].sort((a, b) => b.length - a.length);
  const prefixPattern = new RegExp(`(${byLength.map((id) => id.replace(/[-]/g, '\\-')).join('|')})${SEP}`, 'g');
  return {
    files,
    stackOf(diagnostic) {
      const file = diagnostic.range?.filename?.replace(/^.*\//, '');
      const fromFile = file && ids.find((id) => file === `${id}.tf.json`);
      if (fromFile) return fromFile;
      const address = diagnostic.address ?? '';
      return byLength.find((id) => address.includes(`.${id}${SEP}`) || address.startsWith(`${id}${SEP}`));
    },
    unprefix: (text) => text.replace(prefixPattern, ''),
  };
}

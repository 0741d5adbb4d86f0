import { landingZoneJsonSchema } from '../../config/json-schema';

/*
 * docs/config-reference.md, generated from the zod schema (through its JSON Schema, the same one
 * published in schema/landing-zone.schema.json). One table per top-level section, one row per
 * setting path. Regenerate with `npm run docs`; a test fails when the committed file is stale.
 */

type Node = Record<string, any>;

/** One documented setting. */
export interface ReferenceRow {
  /** `accounts[].budget.monthlyUsd`; `<key>` stands for a map key. */
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly default?: string;
  readonly description: string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

function typeOf(node: Node): string {
  if (node.enum) {
    const values: unknown[] = node.enum;
    if (values.length > 12 && values.every((v) => typeof v === 'string' && REGION.test(v))) return 'AWS Region code';
    if (values.length > 12) return `one of ${values.length} values (see the JSON Schema)`;
    return values.map((v) => `\`${String(v)}\``).join(' | ');
  }
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  const variants: Node[] | undefined = node.anyOf ?? node.oneOf;
  if (variants) return [...new Set(variants.map(typeOf))].join(' or ');
  switch (node.type) {
    case 'array':
      return `list of ${node.items ? typeOf(node.items) : 'values'}`;
    case 'object':
      if (node.properties) return 'mapping';
      if (node.additionalProperties && typeof node.additionalProperties === 'object') return `map of ${typeOf(node.additionalProperties)}`;
      return 'mapping';
    case 'integer':
      return 'integer';
    case undefined:
      return 'any';
    default:
      return Array.isArray(node.type) ? node.type.join(' or ') : String(node.type);
  }
}

function constraints(node: Node): string {
  const parts: string[] = [];
  if (node.minimum !== undefined) parts.push(`≥ ${node.minimum}`);
  if (node.exclusiveMinimum !== undefined) parts.push(`> ${node.exclusiveMinimum}`);
  if (node.maximum !== undefined) parts.push(`≤ ${node.maximum}`);
  if (node.minLength !== undefined && node.minLength > 1) parts.push(`at least ${node.minLength} characters`);
  if (node.maxLength !== undefined) parts.push(`at most ${node.maxLength} characters`);
  if (node.minItems !== undefined && node.minItems > 0) parts.push(`at least ${node.minItems} items`);
  if (node.maxItems !== undefined) parts.push(`at most ${node.maxItems} items`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function showDefault(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) return Array.isArray(value) ? '`[]`' : '`{}`';
  const text = JSON.stringify(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}

/** Every setting path of a JSON Schema node, depth first, in schema order. */
export function rowsOf(node: Node, path: string, required: boolean, rows: ReferenceRow[] = []): ReferenceRow[] {
  if (path) {
    rows.push({
      path,
      type: typeOf(node) + constraints(node),
      required,
      default: showDefault(node.default),
      description: String(node.description ?? ''),
    });
  }
  const children = (n: Node, prefix: string) => {
    const req = new Set<string>(n.required ?? []);
    for (const [key, child] of Object.entries<Node>(n.properties ?? {})) {
      if (key === '$schema') continue;
      rowsOf(child, prefix ? `${prefix}.${key}` : key, req.has(key), rows);
    }
  };
  if (node.properties) children(node, path);
  else if (node.type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object' && (node.additionalProperties.properties || node.additionalProperties.anyOf)) {
    const value = node.additionalProperties as Node;
    if (value.properties) children(value, `${path}.<key>`);
    else for (const v of value.anyOf ?? []) if (v.properties) children(v, `${path}.<key>`);
  } else if (node.type === 'array' && node.items) {
    const items: Node = node.items;
    if (items.properties) children(items, `${path}[]`);
    for (const v of items.anyOf ?? items.oneOf ?? []) if (v.properties) children(v, `${path}[]`);
  } else {
    for (const v of node.anyOf ?? node.oneOf ?? []) if (v.properties) children(v, path);
  }
  return rows;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** Removes repeated rows (union variants that share a setting), keeping the first. */
function unique(rows: ReferenceRow[]): ReferenceRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.path}\u0000${r.type}\u0000${r.description}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The whole Markdown page. */
export function configReferenceMarkdown(): string {
  const schema = landingZoneJsonSchema() as Node;
  const required = new Set<string>(schema.required ?? []);
  const out: string[] = [
    '# landing-zone.yaml reference',
    '',
    '<!-- Generated from the zod schema (config/schema/*.ts) by cli/docs/generate-config-reference.ts.',
    '     Do not edit: run `npm run docs` after changing the schema. A test fails when this file is stale. -->',
    '',
    String(schema.description ?? ''),
    '',
    'Paths use `[]` for list items and `<key>` for map keys. Settings without a default are optional unless marked **required**.',
    'The same schema is published as JSON Schema in `schema/landing-zone.schema.json` for editors.',
    '',
    '## Sections',
    '',
  ];
  const sections = Object.entries<Node>(schema.properties ?? {}).filter(([k]) => k !== '$schema');
  for (const [key, node] of sections) {
    const about = cell(String(node.description ?? ''));
    out.push(`- [\`${key}\`](#${key.toLowerCase()})${required.has(key) ? ' (required)' : ''}${about ? `: ${about}` : ''}`);
  }
  for (const [key, node] of sections) {
    const about = cell(String(node.description ?? ''));
    out.push('', `## ${key}`, '', ...(about ? [about, ''] : []));
    out.push('| setting | type | default | description |', '|---|---|---|---|');
    for (const row of unique(rowsOf(node, key, required.has(key)))) {
      const def = row.default ?? (row.required ? '**required**' : '');
      out.push(`| \`${row.path}\` | ${cell(row.type)} | ${def} | ${cell(row.description)} |`);
    }
  }
  out.push('');
  return out.join('\n');
}

import type { PathSegment } from '../../config/problems';
import { didYouMean, show } from '../../config/problems';
import { isObject, PAGES, see, type DocumentFinding } from './types';

/*
 * The grammar shared by the management policy types (declarative, backup, tag and AI opt-out policies): nested objects
 * whose leaves are settings written with inheritance operators. Value-setting operators: `@@assign` (any setting),
 * `@@append` and `@@remove` (only multi-valued settings, JSON arrays); the child control operator
 * `@@operators_allowed_for_child_policies` at any level, with `@@all`, `@@none` or value-setting operators. Operator
 * names are case-sensitive. Each type says which operators it takes and describes its tree with the specs below.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_inheritance_mgmt.html
 */

export const VALUE_OPERATORS = ['@@assign', '@@append', '@@remove'] as const;
export type ValueOperator = (typeof VALUE_OPERATORS)[number];
export const CHILD_CONTROL = '@@operators_allowed_for_child_policies';

/** Why a value does not fit a setting (a sentence after the value), or undefined. */
export type ValueRule = (value: string) => string | undefined;

/** A setting: an object of operators around a string (single-valued) or a list of strings (multi-valued). */
export interface SettingSpec {
  readonly kind: 'setting';
  /** true: a list (JSON array); 'either': a value or a list, as AWS documents for some tag values. */
  readonly multi: boolean | 'either';
  readonly rule?: ValueRule;
}

/** An object of named fields (`fields`), and/or of entries under names the author picks (`entries`: plan names, tag keys ...). */
export interface ObjectSpec {
  readonly kind: 'object';
  readonly fields?: Readonly<Record<string, Spec>>;
  readonly entries?: { readonly spec: Spec; readonly name?: (key: string) => string | undefined; readonly what: string };
  /** Fields that must be present. */
  readonly required?: readonly string[];
}

/** A part AWS documents but this checker does not look inside (still an object, still operators only where allowed). */
export interface OpaqueSpec {
  readonly kind: 'opaque';
}

export type Spec = SettingSpec | ObjectSpec | OpaqueSpec;

export const setting = (rule?: ValueRule): SettingSpec => ({ kind: 'setting', multi: false, ...(rule ? { rule } : {}) });
export const list = (rule?: ValueRule): SettingSpec => ({ kind: 'setting', multi: true, ...(rule ? { rule } : {}) });
export const valueOrList = (rule?: ValueRule): SettingSpec => ({ kind: 'setting', multi: 'either', ...(rule ? { rule } : {}) });
export const object = (fields: Record<string, Spec>, required: readonly string[] = []): ObjectSpec => ({ kind: 'object', fields, required });
export const entries = (what: string, spec: Spec, name?: (key: string) => string | undefined): ObjectSpec => ({ kind: 'object', entries: { spec, what, ...(name ? { name } : {}) } });
export const opaque: OpaqueSpec = { kind: 'opaque' };

/** One of `values`, exactly as written (case-sensitive); a value of another case names the right one. */
export function oneOf(values: readonly string[], page: string): ValueRule {
  return (value) => {
    if (values.includes(value)) return undefined;
    const same = values.find((v) => v.toLowerCase() === value.toLowerCase());
    if (same) return `is not a value here as written; values are case-sensitive: write ${show(same)}${see(page)}`;
    return `is not a value here; use ${values.map((v) => show(v)).join(', ')}${didYouMean(value, values)}${see(page)}`;
  };
}

/** A whole number within [min, max]. */
export function integer(min: number, max: number, page: string, what = 'a whole number'): ValueRule {
  return (value) => {
    if (!/^-?\d+$/.test(value)) return `is not ${what}; write a whole number from ${min} to ${max}${see(page)}`;
    const n = Number(value);
    return n < min || n > max ? `is out of range; write a whole number from ${min} to ${max}${see(page)}` : undefined;
  };
}

export function matches(pattern: RegExp, what: string, page: string): ValueRule {
  return (value) => (pattern.test(value) ? undefined : `is not ${what}${see(page)}`);
}

/** The policy type's label and the value-setting operators it takes. */
export interface ManagementType {
  readonly label: string;
  readonly root: string;
  readonly operators: readonly ValueOperator[];
  readonly page: string;
}

/** Walks a management document against `spec`; `at` is the path of `node` inside the document. */
export function walkManagement(type: ManagementType, spec: Spec, node: unknown, at: readonly PathSegment[]): DocumentFinding[] {
  switch (spec.kind) {
    case 'setting':
      return checkSetting(type, spec, node, at);
    case 'object':
      return checkObject(type, spec, node, at);
    case 'opaque':
      return isObject(node) ? [] : [{ at, message: `is ${show(node)}; it is an object of settings${see(type.page)}` }];
  }
}

function checkObject(type: ManagementType, spec: ObjectSpec, node: unknown, at: readonly PathSegment[]): DocumentFinding[] {
  if (!isObject(node)) return [{ at, message: `is ${show(node)}; it is an object of settings${see(type.page)}` }];
  const out: DocumentFinding[] = [];
  const fields = spec.fields ?? {};
  for (const [key, value] of Object.entries(node)) {
    const keyAt = [...at, key];
    if (key.startsWith('@@')) {
      if (key === CHILD_CONTROL) out.push(...checkChildControl(type, value, keyAt));
      else out.push({ at: keyAt, message: operatorOutOfPlace(type, key) });
      continue;
    }
    const field = fields[key];
    if (field) {
      out.push(...walkManagement(type, field, value, keyAt));
      continue;
    }
    if (spec.entries) {
      const bad = spec.entries.name?.(key);
      if (bad) out.push({ at: keyAt, message: `${show(key)} ${bad}` });
      out.push(...walkManagement(type, spec.entries.spec, value, keyAt));
      continue;
    }
    const names = Object.keys(fields);
    const caseOnly = names.find((n) => n.toLowerCase() === key.toLowerCase());
    out.push({
      at: keyAt,
      message: caseOnly
        ? `is not a key of a ${type.label} as written; keys are case-sensitive: write ${show(caseOnly)}${see(type.page)}`
        : `is not a key of a ${type.label} here${didYouMean(key, names) || `; use ${names.join(', ')}`}${see(type.page)}`,
    });
  }
  for (const key of spec.required ?? []) {
    if (!(key in node)) out.push({ at, message: `has no ${show(key)}; a ${type.label} requires it here${see(type.page)}` });
  }
  return out;
}

/** A value-setting operator where an object of settings belongs, or an operator that does not exist. */
function operatorOutOfPlace(type: ManagementType, key: string): string {
  const all = [...VALUE_OPERATORS, CHILD_CONTROL];
  if ((VALUE_OPERATORS as readonly string[]).includes(key)) {
    return `is not allowed here: value-setting operators go on a setting, not on an object of settings${see(PAGES.managementOperators)}`;
  }
  const caseOnly = all.find((o) => o.toLowerCase() === key.toLowerCase());
  if (caseOnly) return `is not an inheritance operator as written; operators are case-sensitive: write ${show(caseOnly)}${see(PAGES.managementOperators)}`;
  return `is not an inheritance operator${didYouMean(key, all) || `; a ${type.label} takes ${[...type.operators, CHILD_CONTROL].join(', ')}`}${see(PAGES.managementOperators)}`;
}

function checkChildControl(type: ManagementType, value: unknown, at: readonly PathSegment[]): DocumentFinding[] {
  const allowed = [...type.operators, '@@all', '@@none'];
  if (!Array.isArray(value) || value.length === 0) {
    return [{ at, message: `is ${show(value)}; write a list such as ["@@none"] or ["@@assign"]${see(PAGES.managementOperators)}` }];
  }
  const out: DocumentFinding[] = [];
  value.forEach((v, i) => {
    if (typeof v === 'string' && allowed.includes(v)) return;
    const caseOnly = typeof v === 'string' ? allowed.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
    out.push({
      at: [...at, i],
      message: caseOnly
        ? `${show(v)} is not an operator as written; operators are case-sensitive: write ${show(caseOnly)}${see(PAGES.managementOperators)}`
        : `${show(v)} is not allowed here; a ${type.label} takes ${allowed.map((a) => show(a)).join(', ')}${typeof v === 'string' ? didYouMean(v, allowed) : ''}${see(PAGES.managementOperators)}`,
    });
  });
  if (value.length > 1 && value.some((v) => v === '@@all' || v === '@@none')) {
    out.push({ at, message: `mixes ${value.includes('@@none') ? '"@@none"' : '"@@all"'} with other operators; write it alone${see(PAGES.managementOperators)}` });
  }
  return out;
}

function checkSetting(type: ManagementType, spec: SettingSpec, node: unknown, at: readonly PathSegment[]): DocumentFinding[] {
  if (!isObject(node)) {
    const example = spec.multi ? `{"@@assign": [${JSON.stringify(Array.isArray(node) ? node[0] ?? 'value' : node ?? 'value')}]}` : `{"@@assign": ${JSON.stringify(typeof node === 'string' || typeof node === 'number' ? String(node) : 'value')}}`;
    return [{ at, message: `is ${show(node)}; a setting is written with an operator, e.g. ${example}${see(PAGES.managementOperators)}` }];
  }
  const out: DocumentFinding[] = [];
  const keys = Object.keys(node);
  if (keys.length === 0) out.push({ at, message: `is empty; write {"@@assign": ...}${see(PAGES.managementOperators)}` });
  for (const key of keys) {
    const keyAt = [...at, key];
    const value = node[key];
    if (key === CHILD_CONTROL) {
      out.push(...checkChildControl(type, value, keyAt));
      continue;
    }
    const operator = (VALUE_OPERATORS as readonly string[]).includes(key) ? (key as ValueOperator) : undefined;
    if (!operator) {
      out.push({ at: keyAt, message: key.startsWith('@@') ? operatorOutOfPlace(type, key) : `is not an operator; this is a setting: write {"@@assign": ...}${see(PAGES.managementOperators)}` });
      continue;
    }
    if (!type.operators.includes(operator)) {
      out.push({ at: keyAt, message: `is not allowed in a ${type.label}, which takes ${type.operators.join(', ')}${see(type.page)}` });
      continue;
    }
    if (operator !== '@@assign' && !spec.multi) {
      out.push({ at: keyAt, message: `is not allowed on a single-valued setting; ${operator} adds to or removes from lists: write {"@@assign": ...}${see(PAGES.managementOperators)}` });
      continue;
    }
    out.push(...checkSettingValue(spec, value, keyAt));
  }
  return out;
}

function checkSettingValue(spec: SettingSpec, value: unknown, at: readonly PathSegment[]): DocumentFinding[] {
  if (spec.multi === 'either' && Array.isArray(value)) return value.flatMap((v, i) => scalarProblems(spec.rule, v, [...at, i]));
  if (spec.multi === 'either') return scalarProblems(spec.rule, value, at);
  if (spec.multi) {
    if (!Array.isArray(value)) return [{ at, message: `is ${show(value)}; this setting takes a list, e.g. [${JSON.stringify(typeof value === 'string' ? value : 'value')}]${see(PAGES.managementOperators)}` }];
    return value.flatMap((v, i) => scalarProblems(spec.rule, v, [...at, i]));
  }
  if (Array.isArray(value)) return [{ at, message: `is a list; this setting takes one value${see(PAGES.managementOperators)}` }];
  return scalarProblems(spec.rule, value, at);
}

function scalarProblems(rule: ValueRule | undefined, value: unknown, at: readonly PathSegment[]): DocumentFinding[] {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    return [{ at, message: `${show(value)} is not a value; write text, e.g. "enabled"${see(PAGES.managementOperators)}` }];
  }
  const problem = rule?.(String(value));
  return problem ? [{ at, message: `${show(value)} ${problem}` }] : [];
}

/** The `@@assign` value of a setting as text, when it has one. */
export function assigned(node: unknown): string | undefined {
  if (!isObject(node)) return undefined;
  const v = node['@@assign'];
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** The document's top level: exactly the type's root key. */
export function checkRoot(type: ManagementType, doc: Record<string, unknown>): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  const keys = Object.keys(doc);
  if (!keys.includes(type.root)) out.push({ at: [], message: `has no ${show(type.root)} at the top level; a ${type.label} starts with {"${type.root}": {...}}${see(type.page)}` });
  for (const key of keys) if (key !== type.root) out.push({ at: [], message: `has ${show(key)} at the top level${didYouMean(key, [type.root]) || `; only "${type.root}" belongs there`}${see(type.page)}` });
  return out;
}

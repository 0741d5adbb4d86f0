import { didYouMean, show } from '../../config/problems';
import { PAGES, see } from './types';

/**
 * The condition operators of the IAM policy language, their value types, and the `...IfExists` suffix and
 * `ForAllValues:` / `ForAnyValue:` prefixes. Operator names are written exactly as documented.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

export interface BaseOperator {
  readonly name: string;
  readonly family: OperatorFamily;
  /** True when the operator matches what is not the value (StringNotEquals, ArnNotLike, NotIpAddress ...): a missing key matches. */
  readonly negated: boolean;
}

const op = (name: string, family: OperatorFamily, negated = false): BaseOperator => ({ name, family, negated });

export const BASE_OPERATORS: readonly BaseOperator[] = [
  op('StringEquals', 'String'),
  op('StringNotEquals', 'String', true),
  op('StringEqualsIgnoreCase', 'String'),
  op('StringNotEqualsIgnoreCase', 'String', true),
  op('StringLike', 'String'),
  op('StringNotLike', 'String', true),
  op('NumericEquals', 'Numeric'),
  op('NumericNotEquals', 'Numeric', true),
  op('NumericLessThan', 'Numeric'),
  op('NumericLessThanEquals', 'Numeric'),
  op('NumericGreaterThan', 'Numeric'),
  op('NumericGreaterThanEquals', 'Numeric'),
  op('DateEquals', 'Date'),
  op('DateNotEquals', 'Date', true),
  op('DateLessThan', 'Date'),
  op('DateLessThanEquals', 'Date'),
  op('DateGreaterThan', 'Date'),
  op('DateGreaterThanEquals', 'Date'),
  op('Bool', 'Bool'),
  op('BinaryEquals', 'Binary'),
  op('IpAddress', 'IpAddress'),
  op('NotIpAddress', 'IpAddress', true),
  op('ArnEquals', 'Arn'),
  op('ArnLike', 'Arn'),
  op('ArnNotEquals', 'Arn', true),
  op('ArnNotLike', 'Arn', true),
  op('Null', 'Null'),
];

export type SetOperator = 'ForAllValues' | 'ForAnyValue';

/** An operator as written in a Condition block, taken apart. */
export interface ParsedOperator {
  readonly text: string;
  readonly base: BaseOperator;
  readonly ifExists: boolean;
  readonly set?: SetOperator;
}

/** Every operator name that can be written: base, `...IfExists`, and both set prefixes of each. */
export function allOperatorNames(): string[] {
  const names: string[] = [];
  for (const b of BASE_OPERATORS) {
    const bare = b.family === 'Null' ? [b.name] : [b.name, `${b.name}IfExists`];
    names.push(...bare);
    if (b.family !== 'Null') for (const set of ['ForAllValues', 'ForAnyValue']) names.push(...bare.map((n) => `${set}:${n}`));
  }
  return names;
}

/** The operator `text` names, or why it names none (with the fix and the page). */
export function parseOperator(text: string): ParsedOperator | { readonly problem: string } {
  let rest = text;
  let set: SetOperator | undefined;
  const prefix = /^([^:]+):(.*)$/.exec(text);
  if (prefix) {
    const written = prefix[1];
    const known = (['ForAllValues', 'ForAnyValue'] as const).find((s) => s.toLowerCase() === written.toLowerCase());
    if (!known) {
      return { problem: `is not a condition operator: ${show(written)} is not a set operator; use ForAllValues: or ForAnyValue:${didYouMean(text, allOperatorNames())}${see(PAGES.multivalued)}` };
    }
    if (known !== written) return { problem: `is not a condition operator as written; write ${show(`${known}:${prefix[2]}`)} (operator names are written as documented)${see(PAGES.multivalued)}` };
    set = known;
    rest = prefix[2];
  }
  const ifExists = /IfExists$/i.test(rest) && rest.length > 'IfExists'.length;
  const baseName = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  const base = BASE_OPERATORS.find((b) => b.name === baseName);
  const caseOnly = BASE_OPERATORS.find((b) => b.name.toLowerCase() === baseName.toLowerCase());
  if (!base || (ifExists && !rest.endsWith('IfExists'))) {
    if (caseOnly) {
      const fixed = `${set ? `${set}:` : ''}${caseOnly.name}${ifExists ? 'IfExists' : ''}`;
      return { problem: `is not a condition operator as written; write ${show(fixed)} (operator names are written as documented)${see(PAGES.operators)}` };
    }
    return { problem: `is not a condition operator${didYouMean(text, allOperatorNames()) || '; use one of StringEquals, StringLike, ArnLike, Bool, Null, NumericLessThan, DateGreaterThan, IpAddress ... (with IfExists or ForAllValues: / ForAnyValue: where needed)'}${see(PAGES.operators)}` };
  }
  if (base.family === 'Null' && ifExists) {
    return { problem: `is not a condition operator: Null already tests whether the key is present, so it takes no IfExists; write "Null" with "true" (key absent) or "false" (key present)${see(PAGES.operators)}` };
  }
  if (base.family === 'Null' && set) {
    return { problem: `is not a condition operator: Null tests whether the key is present and takes no set operator; write "Null"${see(PAGES.operators)}` };
  }
  return { text, base, ifExists, ...(set ? { set } : {}) };
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH = /^\d{1,13}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/([0-9]|[12]\d|3[0-2]))?$/;
const IPV6_CIDR = /^[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(\/(\d|\d\d|1[01]\d|12[0-8]))?$/;
/** A policy variable such as `${aws:PrincipalAccount}`: any value, filled in at evaluation. */
const VARIABLE = /\$\{[^}]+\}/;

/** Why one condition value does not fit `family`, or undefined. `value` is a JSON scalar. */
export function conditionValueProblem(family: OperatorFamily, operator: string, value: unknown): string | undefined {
  if (value === null || typeof value === 'object') return `${show(value)} is not a condition value; write a string or a list of strings${see(PAGES.condition)}`;
  const text = String(value);
  if (typeof value === 'string' && VARIABLE.test(text) && family !== 'Bool' && family !== 'Null') return undefined;
  switch (family) {
    case 'String':
      return undefined;
    case 'Numeric':
      return NUMBER.test(text) ? undefined : `${show(value)} is not a number; ${operator} compares numbers, e.g. "3600"${see(PAGES.operators)}`;
    case 'Date':
      return ISO_DATE.test(text) || EPOCH.test(text)
        ? undefined
        : `${show(value)} is not a date; ${operator} takes ISO 8601 dates ("2026-12-31T23:59:59Z") or epoch seconds${see(PAGES.operators)}`;
    case 'Bool':
    case 'Null':
      if (text === 'true' || text === 'false') return undefined;
      if (text.toLowerCase() === 'true' || text.toLowerCase() === 'false') return `${show(value)} is not a ${operator} value as written; write "${text.toLowerCase()}"${see(PAGES.operators)}`;
      return `${show(value)} is not a ${operator} value; ${family === 'Null' ? 'Null takes "true" (the key is absent) or "false" (the key is present)' : `${operator} takes "true" or "false"`}${see(PAGES.operators)}`;
    case 'Binary':
      return BASE64.test(text) ? undefined : `${show(value)} is not base-64; BinaryEquals compares base-64 encoded bytes${see(PAGES.operators)}`;
    case 'IpAddress':
      return IPV4_CIDR.test(text) || IPV6_CIDR.test(text)
        ? undefined
        : `${show(value)} is not an IP address or CIDR range; ${operator} takes e.g. "203.0.113.0/24" or "2001:DB8:1234:5678::/64"${see(PAGES.operators)}`;
    case 'Arn':
      return /^arn:[^:]*:[^:]*:[^:]*:[^:]*:.+$/.test(text) || text === '*'
        ? undefined
        : `${show(value)} is not an ARN; ${operator} compares ARNs such as "arn:aws:iam::*:role/Admin" (use a String operator for other values)${see(PAGES.operators)}`;
  }
}

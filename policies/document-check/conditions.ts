import type { PathSegment } from '../../config/problems';
import { didYouMean, show } from '../../config/problems';
import { iamServices } from '../iam-actions';
import { conditionKeyCandidates, findConditionKey, sameConditionKey, servicesForKeyPrefix, type IamAction, type IamConditionKey } from '../iam-reference';
import { conditionValueProblem, parseOperator, type ParsedOperator } from './condition-operators';
import { isObject, PAGES, see, type DocumentFinding } from './types';

/** What a Condition block is checked against: the statement's effect and the actions it names. */
export interface ConditionContext {
  readonly effect: unknown;
  /**
   * The actions the statement names, wildcards expanded; undefined when it names `*`, uses NotAction or names an
   * action that does not exist (reported on its own): then which keys the actions put in the request is not checked.
   */
  readonly actions?: readonly IamAction[];
}

/** Key types that hold several values in one request (the ArrayOf... types). */
function isMultiValued(type: string): boolean {
  return type.startsWith('ArrayOf');
}

/** Operator families each key type takes besides the String operators. */
function familyFitsKey(op: ParsedOperator, key: IamConditionKey): boolean {
  const type = key.type.replace(/^ArrayOf/, '');
  switch (op.base.family) {
    case 'String':
    case 'Null':
    case 'Binary':
      return true;
    case 'Arn':
      return type === 'ARN' || type === 'String';
    case 'Bool':
      return type === 'Bool';
    case 'Numeric':
      return type === 'Numeric';
    case 'Date':
      return type === 'Date';
    case 'IpAddress':
      return type === 'IPAddress';
  }
}

/** What a key of a missing or misspelt name does under `op` in a statement of `effect`. */
function missingKeyEffect(op: ParsedOperator, effect: unknown): string {
  if (op.base.family === 'Null') return 'Null sees a key no request carries as always absent';
  const matches = op.ifExists || op.base.negated || op.set === 'ForAllValues';
  if (!matches) return `A key no request carries never matches, so this condition is always false and the statement never applies`;
  return `A key no request carries is missing from every request, so ${op.text} matches every request${effect === 'Deny' ? ' and this Deny applies to everyone it names: it locks the targets out' : ''}`;
}

/**
 * Problems of one Condition block: operators (documented names, IfExists and set operators used where they apply), keys
 * (global keys and each service's keys, with did-you-mean; service keys the statement's actions put in the request
 * context), and values (the type each operator compares, and set operators exactly for the multi-valued keys).
 */
export function checkCondition(condition: unknown, at: readonly PathSegment[], context: ConditionContext): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  if (!isObject(condition)) {
    out.push({ at, message: `is ${show(condition)}; a Condition maps operators to {key: value} objects, e.g. {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}${see(PAGES.condition)}` });
    return out;
  }
  for (const [operatorText, block] of Object.entries(condition)) {
    const opAt = [...at, operatorText];
    const parsed = parseOperator(operatorText);
    if ('problem' in parsed) {
      out.push({ at: opAt, message: `${show(operatorText)} ${parsed.problem}` });
      continue;
    }
    if (!isObject(block) || Object.keys(block).length === 0) {
      out.push({ at: opAt, message: `is ${show(block)}; ${operatorText} takes {key: value} pairs, e.g. {"aws:PrincipalArn": "arn:aws:iam::*:role/Admin"}${see(PAGES.condition)}` });
      continue;
    }
    for (const [key, value] of Object.entries(block)) {
      const keyAt = [...opAt, key];
      out.push(...checkKey(parsed, key, value, keyAt, context));
    }
  }
  return out;
}

function checkKey(op: ParsedOperator, key: string, value: unknown, at: readonly PathSegment[], context: ConditionContext): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  const known = findConditionKey(key);
  if (!known) {
    out.push({ at, message: unknownKeyMessage(op, key, context.effect) });
  } else {
    if (!familyFitsKey(op, known)) {
      out.push({
        at,
        message: `${show(key)} is ${/^[AEIOU]/.test(known.type) ? 'an' : 'a'} ${known.type} key, which ${op.base.name} does not compare (${op.base.family} operators take ${op.base.family === 'IpAddress' ? 'IPAddress' : op.base.family} keys); use a String${known.type.includes('ARN') ? ' or Arn' : ''} operator${see(PAGES.operators)}`,
      });
    }
    if (op.base.family !== 'Null') {
      if (isMultiValued(known.type) && !op.set) {
        out.push({
          at,
          message: `${show(key)} is multi-valued (${known.type}), so ${op.text} needs a set operator: write "ForAnyValue:${op.text}" (any value matches) or "ForAllValues:${op.text}" (every value matches)${see(PAGES.multivalued)}`,
        });
      }
      if (!isMultiValued(known.type) && op.set) {
        out.push({
          at,
          message: `${show(key)} is single-valued (${known.type}); ${op.set}: is for multi-valued keys${op.set === 'ForAllValues' ? ' and matches requests without the key' : ''}: write "${op.text.slice(op.set.length + 1)}"${see(PAGES.multivalued)}`,
        });
      }
    }
    if (!known.global && context.actions && context.actions.length > 0) {
      const supported = context.actions.some((a) => a.conditionKeys.some((k) => sameConditionKey(k, key)));
      if (!supported) {
        const names = [...new Set(context.actions.map((a) => a.id))];
        out.push({
          at,
          message: `${show(key)} is not in the request context of ${names.length === 1 ? names[0] : `any of ${names.slice(0, 4).join(', ')}${names.length > 4 ? ` (${names.length} actions)` : ''}`}: use a key these actions support, or the actions this key belongs to. ${missingKeyEffect(op, context.effect)}${see(PAGES.serviceKeys)}`,
        });
      }
    }
  }
  const values = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && value.length === 0) out.push({ at, message: `has no values; give ${op.text} at least one${see(PAGES.condition)}` });
  values.forEach((v, i) => {
    const problem = conditionValueProblem(op.base.family, op.text, v);
    if (problem) out.push({ at: Array.isArray(value) ? [...at, i] : at, message: problem });
  });
  if ((op.base.family === 'Null' || op.base.family === 'Bool') && values.length > 1) {
    out.push({ at, message: `has ${values.length} values; ${op.base.name} takes one ("true" or "false")${see(PAGES.operators)}` });
  }
  return out;
}

function unknownKeyMessage(op: ParsedOperator, key: string, effect: unknown): string {
  const colon = key.indexOf(':');
  const prefix = colon > 0 ? key.slice(0, colon) : '';
  let head: string;
  let page: string = PAGES.globalKeys;
  if (colon <= 0) {
    head = `${show(key)} is not a condition key; keys are written "prefix:name", e.g. "aws:PrincipalArn"${didYouMean(`aws:${key}`, conditionKeyCandidates(`aws:${key}`))}`;
  } else if (prefix.toLowerCase() !== 'aws' && servicesForKeyPrefix(prefix).length === 0) {
    head = `${show(key)} names no AWS service ${show(prefix)}${didYouMean(prefix, iamServices())}`;
    page = PAGES.serviceKeys;
  } else {
    const global = prefix.toLowerCase() === 'aws';
    head = `${show(key)} is not ${global ? 'a global condition key' : `a condition key of ${prefix}`}${didYouMean(key, conditionKeyCandidates(key))}`;
    if (!global) page = PAGES.serviceKeys;
  }
  return `${head}${head.endsWith('?') ? ' ' : '. '}${missingKeyEffect(op, effect)}${see(page)}`;
}

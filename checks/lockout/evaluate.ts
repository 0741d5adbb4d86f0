import { parseOperator, type ParsedOperator } from '../../policies/document-check/condition-operators';

/*
 * An evaluator of the part of the IAM policy language that service and resource control policies use, for the lock-out
 * check (checks/lockout/check.ts): Effect Allow / Deny; Action / NotAction and Resource / NotResource with `*` and `?`
 * wildcards and policy variables; Principal "*" (RCPs); and the condition operators (String, Arn, Bool, Null, Numeric,
 * Date, IpAddress, Binary), with ...IfExists and ForAnyValue: / ForAllValues: on multi-valued keys. Organization
 * semantics: an explicit Deny at any level denies; at every level (Root, each OU down to the account, the account) some
 * Allow must match, or the request is implicitly denied there. The tests compare its decisions with
 * @cloud-copilot/iam-simulate on the catalogue and the examples' custom policies.
 * Documents are read as immutable: the tests derived from a statement (its Action and Condition) and a document's
 * statement list are kept by object, for the check evaluates the same statements for every request of every account.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 */

/** A request as the policies see it. */
export interface EvaluationRequest {
  /** `service:Action` */
  readonly action: string;
  /** The resource's ARN, or `*` for actions that act on no resource type. */
  readonly resource: string;
  /** The principal's ARN (matched by Principal elements). */
  readonly principal: string;
  /** The request context; key names are compared case-insensitively. */
  readonly context: Readonly<Record<string, string | readonly string[]>>;
}

/** An IAM-grammar document and its name, for the decision to cite. */
export interface NamedPolicy<R = unknown> {
  readonly name: string;
  readonly document: unknown;
  /** Whatever the caller uses to find the policy in the config (e.g. its guardrail entry). */
  readonly ref?: R;
}

/** The policies attached at one level: Root, an OU, the account. */
export interface PolicyLevel<R = unknown> {
  readonly target: string;
  readonly policies: readonly NamedPolicy<R>[];
}

export interface MatchedStatement<R = unknown> {
  readonly level: string;
  readonly policy: NamedPolicy<R>;
  readonly statementIndex: number;
  /** Whether the document holds one statement object rather than a list. */
  readonly single: boolean;
  readonly sid?: string;
}

export type Decision<R = unknown> =
  | { readonly result: 'Allowed' }
  | ({ readonly result: 'ExplicitlyDenied' } & MatchedStatement<R>)
  | { readonly result: 'ImplicitlyDenied'; readonly level: string; readonly policies: readonly NamedPolicy<R>[] };

type Statement = Record<string, unknown>;

const NO_STATEMENTS = { statements: [] as Statement[], single: false };
/** Statements by document: a document is evaluated against every request of every account shape. */
const statementLists = new WeakMap<object, { statements: Statement[]; single: boolean }>();

function statementsOf(document: unknown): { statements: Statement[]; single: boolean } {
  if (document === null || typeof document !== 'object') return NO_STATEMENTS;
  let found = statementLists.get(document);
  if (!found) {
    const raw = (document as { Statement?: unknown }).Statement;
    if (Array.isArray(raw)) found = { statements: raw.filter((s): s is Statement => s !== null && typeof s === 'object'), single: false };
    else if (raw !== null && typeof raw === 'object') found = { statements: [raw as Statement], single: true };
    else found = NO_STATEMENTS;
    statementLists.set(document, found);
  }
  return found;
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** The context value of `key` (case-insensitive), or undefined when the request does not carry it. */
function contextValue(context: EvaluationRequest['context'], key: string): readonly string[] | undefined {
  // A context holds each key once, whatever its case; most policies spell a key as the context does.
  const exact = Object.hasOwn(context, key) ? context[key] : undefined;
  if (exact !== undefined) return typeof exact === 'string' ? [exact] : exact;
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(context)) if (k.toLowerCase() === lower) return typeof v === 'string' ? [v] : v;
  return undefined;
}

/**
 * `${aws:PrincipalAccount}` and the other policy variables replaced by the request's values (`${*}`, `${?}`, `${$}` by
 * the characters themselves); undefined when the request lacks a variable (the pattern then matches nothing).
 */
function substitute(pattern: string, context: EvaluationRequest['context']): string | undefined {
  let missing = false;
  const out = pattern.replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
    if (name === '*' || name === '?' || name === '$') return `\u0000${name}`;
    const [key, fallback] = name.split(/,\s*/);
    const value = contextValue(context, key)?.[0];
    if (value !== undefined) return value.replace(/[*?]/g, (c) => `\u0000${c}`);
    if (fallback !== undefined) return fallback.replace(/^'(.*)'$/, '$1');
    missing = true;
    return '';
  });
  return missing ? undefined : out;
}

const globs = new Map<string, RegExp>();
const operators = new Map<string, ReturnType<typeof parseOperator>>();

/** Glob match where `\u0000*` / `\u0000?` are literal characters (from variables). */
function glob(pattern: string, value: string, ignoreCase: boolean): boolean {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = globs.get(cacheKey);
  if (!re) {
    re = globRegExpOf(pattern, ignoreCase);
    if (globs.size > 50_000) globs.clear();
    globs.set(cacheKey, re);
  }
  return re.test(value);
}

function globRegExpOf(pattern: string, ignoreCase: boolean): RegExp {
  const source = pattern
    .split(/(\u0000[*?$]|[*?])/)
    .map((part) => {
      if (part === '*') return '.*';
      if (part === '?') return '.';
      if (part.startsWith('\u0000')) return `\\${part.slice(1)}`;
      return part.replace(/[.+^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
}

/**
 * An Action or NotAction element as one test: true for `*`, else one case-insensitive expression of all its patterns
 * (built once per statement; the same statements meet every request of every account shape).
 */
type ActionTest = true | RegExp | undefined;
const actionTests = new WeakMap<Statement, { action: ActionTest; notAction: ActionTest }>();

function actionTestOf(element: unknown): ActionTest {
  const patterns = asList(element).filter((p): p is string => typeof p === 'string');
  if (patterns.includes('*')) return true;
  if (patterns.length === 0) return undefined;
  return new RegExp(patterns.map((p) => globRegExpOf(p, true).source).join('|'), 'is');
}

function actionTestsOf(s: Statement): { action: ActionTest; notAction: ActionTest } {
  let tests = actionTests.get(s);
  if (!tests) {
    tests = { action: actionTestOf(s.Action), notAction: actionTestOf(s.NotAction) };
    actionTests.set(s, tests);
  }
  return tests;
}

const actionMatches = (test: ActionTest, action: string): boolean => test === true || (test !== undefined && test.test(action));

function resourceMatches(patterns: unknown[], request: EvaluationRequest): boolean {
  return patterns.some((p) => {
    if (typeof p !== 'string') return false;
    if (p === '*') return true;
    const pattern = substitute(p, request.context);
    return pattern !== undefined && glob(pattern, request.resource, false);
  });
}

function principalMatches(principal: unknown, request: EvaluationRequest): boolean {
  if (principal === '*') return true;
  if (principal === null || typeof principal !== 'object') return false;
  const aws = asList((principal as { AWS?: unknown }).AWS);
  return aws.some((p) => p === '*' || (typeof p === 'string' && glob(p, request.principal, false)));
}

/** Whether one statement applies to the request (its effect aside). */
export function statementApplies(s: Statement, request: EvaluationRequest): boolean {
  if (s.Principal !== undefined && !principalMatches(s.Principal, request)) return false;
  if (s.NotPrincipal !== undefined && principalMatches(s.NotPrincipal, request)) return false;
  const tests = actionTestsOf(s);
  if (s.Action !== undefined && !actionMatches(tests.action, request.action)) return false;
  if (s.NotAction !== undefined && actionMatches(tests.notAction, request.action)) return false;
  if (s.Action === undefined && s.NotAction === undefined) return false;
  if (s.Resource !== undefined && !resourceMatches(asList(s.Resource), request)) return false;
  if (s.NotResource !== undefined && resourceMatches(asList(s.NotResource), request)) return false;
  if (s.Resource === undefined && s.NotResource === undefined) return false;
  return conditionsHold(s.Condition, request);
}

/** A Condition element's tests, one per operator and key; undefined when it can never hold (an unknown operator, a block that is no object). */
type ConditionTests = { readonly op: ParsedOperator; readonly key: string; readonly policyValues: string[] }[] | undefined;
const conditionTests = new WeakMap<object, ConditionTests>();

function conditionTestsOf(condition: object): ConditionTests {
  if (conditionTests.has(condition)) return conditionTests.get(condition);
  let tests: ConditionTests = [];
  for (const [operatorText, block] of Object.entries(condition)) {
    let op = operators.get(operatorText);
    if (!op) {
      op = parseOperator(operatorText);
      operators.set(operatorText, op);
    }
    if ('problem' in op || block === null || typeof block !== 'object') {
      tests = undefined;
      break;
    }
    for (const [key, value] of Object.entries(block)) tests.push({ op, key, policyValues: asList(value).map(String) });
  }
  conditionTests.set(condition, tests);
  return tests;
}

function conditionsHold(condition: unknown, request: EvaluationRequest): boolean {
  if (condition === undefined) return true;
  if (condition === null || typeof condition !== 'object') return false;
  const tests = conditionTestsOf(condition);
  return tests !== undefined && tests.every(({ op, key, policyValues }) => keyHolds(op, contextValue(request.context, key), policyValues, request));
}

function keyHolds(op: ParsedOperator, values: readonly string[] | undefined, policyValues: string[], request: EvaluationRequest): boolean {
  if (op.base.family === 'Null') {
    const wantAbsent = policyValues.some((v) => v.toLowerCase() === 'true');
    return wantAbsent ? values === undefined : values !== undefined;
  }
  if (values === undefined) {
    if (op.ifExists) return true;
    if (op.set === 'ForAllValues') return true;
    if (op.set === 'ForAnyValue') return false;
    return op.base.negated;
  }
  // One request value against the policy values: a positive operator matches when any policy value matches; a negated
  // one when none does.
  const one = (v: string) => {
    const any = policyValues.some((p) => compare(op, v, p, request));
    return op.base.negated ? !any : any;
  };
  if (op.set === 'ForAllValues') return values.every(one);
  if (op.set === 'ForAnyValue') return values.some(one);
  if (op.base.negated) return values.every(one);
  return values.some(one);
}

/** The positive form of the operator: does request value `v` match policy value `p`? */
function compare(op: ParsedOperator, v: string, p: string, request: EvaluationRequest): boolean {
  switch (op.base.family) {
    case 'String': {
      const substituted = substitute(p, request.context);
      if (substituted === undefined) return false;
      if (op.base.name.endsWith('Like')) return glob(substituted, v, false);
      // Equals: the literal-character markers of substituted variables are plain characters here.
      const pattern = substituted.replace(/\u0000/g, '');
      return op.base.name.endsWith('IgnoreCase') ? pattern.toLowerCase() === v.toLowerCase() : pattern === v;
    }
    case 'Arn': {
      const pattern = substitute(p, request.context);
      return pattern !== undefined && arnMatches(pattern, v);
    }
    case 'Bool':
      return p.toLowerCase() === v.toLowerCase();
    case 'Binary':
      return p === v;
    case 'Numeric':
      return numeric(op.base.name, Number(v), Number(p));
    case 'Date':
      return numeric(op.base.name.replace('Date', 'Numeric'), dateValue(v), dateValue(p));
    case 'IpAddress':
      return ipInRange(v, p);
    case 'Null':
      return false;
  }
}

function numeric(name: string, v: number, p: number): boolean {
  if (Number.isNaN(v) || Number.isNaN(p)) return false;
  switch (name.replace(/^Numeric/, '').replace(/^Not/, '')) {
    case 'Equals':
      return v === p;
    case 'LessThan':
      return v < p;
    case 'LessThanEquals':
      return v <= p;
    case 'GreaterThan':
      return v > p;
    case 'GreaterThanEquals':
      return v >= p;
    default:
      return false;
  }
}

function dateValue(text: string): number {
  return /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text);
}

/** ArnLike / ArnEquals: the six colon-separated parts compared one by one, each with wildcards. */
function arnMatches(pattern: string, value: string): boolean {
  const split = (arn: string) => {
    const parts = arn.split(':');
    return parts.length < 6 ? undefined : [...parts.slice(0, 5), parts.slice(5).join(':')];
  };
  const p = split(pattern);
  const v = split(value);
  if (!p || !v) return pattern === '*';
  return p.every((part, i) => glob(part, v[i], false));
}

function ipInRange(value: string, range: string): boolean {
  const [base, bitsText] = range.split('/');
  const a = ipBits(value);
  const b = ipBits(base);
  if (!a || !b || a.width !== b.width) return false;
  const bits = bitsText === undefined ? a.width : Number(bitsText);
  const shift = BigInt(a.width - bits);
  return a.value >> shift === b.value >> shift;
}

function ipBits(ip: string): { value: bigint; width: number } | undefined {
  if (/^\d+(\.\d+){3}$/.test(ip)) {
    return { value: ip.split('.').reduce((acc, part) => (acc << 8n) + BigInt(Number(part)), 0n), width: 32 };
  }
  if (ip.includes(':')) {
    const [head, tail] = ip.split('::');
    const h = head ? head.split(':') : [];
    const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
    const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
    if (groups.length !== 8) return undefined;
    return { value: groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g || '0', 16)), 0n), width: 128 };
  }
  return undefined;
}

/**
 * The decision of the organization policies of one type (SCPs or RCPs) on a request: levels from Root down to the
 * account, each with the policies attached there (FullAWSAccess / RCPFullAWSAccess included where attached).
 */
export function evaluateLevels<R>(levels: readonly PolicyLevel<R>[], request: EvaluationRequest): Decision<R> {
  for (const level of levels) {
    for (const policy of level.policies) {
      const { statements, single } = statementsOf(policy.document);
      const index = statements.findIndex((s) => s.Effect === 'Deny' && statementApplies(s, request));
      if (index >= 0) {
        const sid = statements[index].Sid;
        return { result: 'ExplicitlyDenied', level: level.target, policy, statementIndex: index, single, ...(typeof sid === 'string' && sid !== '' ? { sid } : {}) };
      }
    }
  }
  for (const level of levels) {
    const allowed = level.policies.some((policy) => statementsOf(policy.document).statements.some((s) => s.Effect === 'Allow' && statementApplies(s, request)));
    if (!allowed) return { result: 'ImplicitlyDenied', level: level.target, policies: level.policies };
  }
  return { result: 'Allowed' };
}

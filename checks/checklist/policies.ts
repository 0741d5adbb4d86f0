import type { BehaviourSettingId } from '../../config/takeover';
import { address } from '../../lib/stack-json';
import type { CheckContext, Evidence } from './types';
import { find, isRootTarget } from './resources';

/** One statement of an IAM-style policy document. */
export interface Statement {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Condition?: Record<string, Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/** An organization policy of the synthesized management stack with its attachments. */
export interface OrgPolicy {
  readonly stack: string;
  readonly address: string;
  readonly name: string;
  readonly type: string;
  /** Parsed content; undefined when it is not JSON (e.g. a Terraform expression). */
  readonly document?: Record<string, any>;
  /** Attachment resources of this policy. */
  readonly attachments: ReadonlyArray<{ readonly address: string; readonly targetId: string }>;
}

/** Every aws_organizations_policy of every stack with its attachments. */
export function organizationPolicies(ctx: CheckContext): OrgPolicy[] {
  const attachments = find(ctx, 'aws_organizations_policy_attachment');
  return find(ctx, 'aws_organizations_policy').map((p) => {
    const addr = address(p.type, p.name);
    let document: Record<string, any> | undefined;
    try {
      document = JSON.parse(String(p.body.content));
    } catch {
      document = undefined;
    }
    return {
      stack: p.stack,
      address: addr,
      name: String(p.body.name ?? p.name),
      type: String(p.body.type ?? 'SERVICE_CONTROL_POLICY'),
      document,
      attachments: attachments
        .filter((a) => a.stack === p.stack && String(a.body.policy_id ?? '').includes(`${addr}.`))
        .map((a) => ({ address: address(a.type, a.name), targetId: String(a.body.target_id) })),
    };
  });
}

export function statementsOf(policy: OrgPolicy): Statement[] {
  const s = policy.document?.Statement;
  if (!s) return [];
  return Array.isArray(s) ? s : [s];
}

function list(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** IAM wildcard match of an action pattern (`cloudtrail:*`, `*`, `s3:Put*`) against an action. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(action);
}

/** True when a Deny statement denies `action` (Action list, or everything but its NotAction list). */
export function denies(statement: Statement, action: string): boolean {
  if (statement.Effect !== 'Deny') return false;
  if (statement.Action !== undefined) return list(statement.Action).some((p) => actionMatches(p, action));
  if (statement.NotAction !== undefined) return !list(statement.NotAction).some((p) => actionMatches(p, action));
  return false;
}

/**
 * True when a Deny statement names `action` explicitly (not through a bare `*` catch-all, such as
 * the deny-all or deny-root-user statements, which deny everything for a few principals only).
 */
export function deniesExplicitly(statement: Statement, action: string): boolean {
  return statement.Effect === 'Deny' && list(statement.Action).some((p) => p !== '*' && actionMatches(p, action));
}

/** Condition keys of a statement, lower-cased (`aws:requestedregion`). */
export function conditionKeys(statement: Statement): string[] {
  return Object.values(statement.Condition ?? {}).flatMap((byKey) => Object.keys(byKey ?? {}).map((k) => k.toLowerCase()));
}

/** A value of a condition key under any operator. */
export function conditionValues(statement: Statement, key: string): unknown[] {
  return Object.values(statement.Condition ?? {}).flatMap((byKey) =>
    Object.entries(byKey ?? {})
      .filter(([k]) => k.toLowerCase() === key.toLowerCase())
      .flatMap(([, v]) => (Array.isArray(v) ? v : [v])),
  );
}

/** A policy requirement: a name for messages and a test on one statement. */
export interface StatementRequirement {
  readonly label: string;
  readonly policyType: string;
  readonly matches: (s: Statement) => boolean;
  /** Config key that turns it on, for the message. */
  readonly fix: string;
  /** The behaviour setting it is, when an adopted organization leaves it off until the config says so (config/takeover.ts). */
  readonly setting?: BehaviourSettingId;
}

/**
 * Looks for an ATTACHED policy of the requirement's type with a matching statement; returns the
 * evidence, or a problem text when none is attached.
 */
export function requireAttachedStatement(policies: OrgPolicy[], req: StatementRequirement): { evidence?: Evidence; problem?: string } {
  const candidates = policies.filter((p) => p.type === req.policyType && statementsOf(p).some(req.matches));
  // Prefer a policy attached to Root (it reaches every account), then any attached one.
  const attached = candidates.find((p) => p.attachments.some((a) => isRootTarget(a.targetId))) ?? candidates.find((p) => p.attachments.length > 0);
  if (attached) {
    const statement = statementsOf(attached).find(req.matches);
    const where = attached.attachments.some((a) => isRootTarget(a.targetId)) ? 'Root' : `${attached.attachments.length} target(s)`;
    return { evidence: { stack: attached.stack, address: attached.address, note: `${req.label}${statement?.Sid ? ` (${statement.Sid})` : ''}, attached to ${where}` } };
  }
  if (candidates.length > 0) return { problem: `${req.label}: ${candidates[0].address} exists but is attached nowhere; add targets in ${req.fix}` };
  return { problem: `${req.label}: no ${req.policyType} has it; turn it on with ${req.fix}` };
}

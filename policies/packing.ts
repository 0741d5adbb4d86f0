import { policyDocument, renderPolicy, type PolicyDocument, type Statement } from '../lib/policy-document';
import { renderManagementPolicy, type ManagementDocument } from './management-document';

/** A statement too large for any document: packing cannot help. */
export interface OversizeStatement {
  readonly statement: Statement;
  readonly size: number;
}

export type PackResult<T> = { readonly ok: true; readonly documents: T[] } | { readonly ok: false; readonly oversize: OversizeStatement };

const EMPTY_DOCUMENT_SIZE = renderPolicy(policyDocument()).length;

/** Statements of an IAM-grammar document (the `Statement` element may be one object or a list). */
export function statementsOf(doc: object): Statement[] {
  const s = (doc as { Statement?: unknown }).Statement;
  if (Array.isArray(s)) return s as Statement[];
  return s && typeof s === 'object' ? [s as Statement] : [];
}

/**
 * Packs the statements of several SCPs (or RCPs) into as few documents as possible, each at most
 * `maxSize` characters minified: identical statements are kept once, the rest placed first-fit in
 * decreasing size order (deterministic for the same input). Sids that collide get a numeric suffix.
 */
export function packStatements(documents: readonly object[], maxSize: number): PackResult<PolicyDocument> {
  const seen = new Set<string>();
  const usedSids = new Set<string>();
  const statements: { statement: Statement; size: number; order: number }[] = [];
  for (const doc of documents) {
    for (const original of statementsOf(doc)) {
      const key = JSON.stringify({ ...original, Sid: undefined });
      if (seen.has(key)) continue;
      seen.add(key);
      const statement = { ...original };
      if (statement.Sid !== undefined) {
        let sid = statement.Sid;
        for (let n = 2; usedSids.has(sid); n++) sid = `${statement.Sid}${n}`;
        statement.Sid = sid;
        usedSids.add(sid);
      }
      statements.push({ statement, size: JSON.stringify(statement).length, order: statements.length });
    }
  }
  statements.sort((a, b) => b.size - a.size || a.order - b.order);
  const bins: { statements: { statement: Statement; order: number }[]; size: number }[] = [];
  for (const s of statements) {
    if (EMPTY_DOCUMENT_SIZE + s.size > maxSize) return { ok: false, oversize: { statement: s.statement, size: EMPTY_DOCUMENT_SIZE + s.size } };
    const bin = bins.find((b) => b.size + 1 + s.size <= maxSize);
    if (bin) {
      bin.statements.push(s);
      bin.size += 1 + s.size;
    } else {
      bins.push({ statements: [s], size: EMPTY_DOCUMENT_SIZE + s.size });
    }
  }
  // Inside a document, keep the statements in the order they were written.
  return {
    ok: true,
    documents: bins.map((b) => policyDocument(...b.statements.sort((x, y) => x.order - y.order).map((s) => s.statement))),
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Deep-merges two management policies (declarative, tag, backup, AI opt-out) when they do not
 * set the same attribute to different values; undefined when they conflict.
 */
export function mergeManagement(a: ManagementDocument, b: ManagementDocument): ManagementDocument | undefined {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (!(key in out)) {
      out[key] = value;
      continue;
    }
    const current = out[key];
    if (JSON.stringify(current) === JSON.stringify(value)) continue;
    if (!key.startsWith('@@') && isPlainObject(current) && isPlainObject(value)) {
      const merged = mergeManagement(current, value);
      if (!merged) return undefined;
      out[key] = merged;
      continue;
    }
    return undefined;
  }
  return out;
}

/** Packs management policies into as few documents as possible by merging non-conflicting ones, first-fit. */
export function packManagement(documents: readonly ManagementDocument[], maxSize: number): ManagementDocument[] {
  const bins: ManagementDocument[] = [];
  for (const doc of documents) {
    let placed = false;
    for (let i = 0; i < bins.length && !placed; i++) {
      const merged = mergeManagement(bins[i], doc);
      if (merged && renderManagementPolicy(merged).length <= maxSize) {
        bins[i] = merged;
        placed = true;
      }
    }
    if (!placed) bins.push(doc);
  }
  return bins;
}

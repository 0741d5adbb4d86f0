import type { z } from 'zod';
import { LandingZoneSchema, type LandingZoneConfig } from './schema';
import type { PathSegment, Problem } from './problems';

/*
 * Setting aside what the schema refused, so that one broken value does not hide the cross-checks
 * of everything else (config/load.ts). A cross-check that depends on a set-aside value waits, and
 * the error says so.
 */

/** The value at `path` in parsed YAML, or undefined. */
export function valueAt(raw: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = raw;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathSegment, unknown>)[seg];
  }
  return v;
}

/** `accounts[3].email` for a set-aside path. */
export function formatAside(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || 'the file';
}

/** A meaning problem depends on a set-aside value when it sits under it or names its list. */
export function dependsOn(problem: Problem, aside: readonly PathSegment[]): boolean {
  if (aside.length === 0) return true;
  const under = aside.every((seg, i) => problem.path[i] === seg);
  const name = String(aside[aside.length - 1]);
  return under || problem.message.includes(`${name}[`) || problem.message.includes(formatAside(aside));
}

/**
 * Sets aside the values the schema refused, so that the meaning checks still run on the rest:
 * unknown keys are dropped, a wrong optional value falls back to its default, and a list item
 * that cannot be read leaves its list (whose cross-checks then wait, see `dependsOn`).
 * Returns no config when a required section itself cannot be read.
 */
export function repair(raw: unknown): { config?: LandingZoneConfig; setAside: PathSegment[][] } {
  const copy: unknown = structuredClone(raw);
  const setAside: PathSegment[][] = [];
  for (let round = 0; round < 8; round++) {
    const parsed = LandingZoneSchema.safeParse(copy);
    if (parsed.success) return { config: parsed.data, setAside };
    let changed = false;
    // Deepest first, and list items from the end, so removals do not move the paths still to do.
    const issues: z.core.$ZodIssue[] = [...parsed.error.issues].sort((a, b) => compareForRemoval(a.path as PathSegment[], b.path as PathSegment[]));
    for (const issue of issues) {
      const path = issue.path as PathSegment[];
      if (issue.code === 'unrecognized_keys') {
        const parent = valueAt(copy, path);
        if (parent && typeof parent === 'object') for (const key of issue.keys) delete (parent as Record<string, unknown>)[key];
        changed = true;
        continue;
      }
      if (path.length === 0) return { setAside };
      const parent = valueAt(copy, path.slice(0, -1));
      const last = path[path.length - 1];
      const current = valueAt(copy, path);
      if (issue.code === 'invalid_type' && issue.expected === 'string' && (typeof current === 'number' || typeof current === 'boolean')) {
        // An unquoted id or code: read it as the text it was meant to be, and check the rest.
        (parent as Record<PathSegment, unknown>)[last] = String(current);
        changed = true;
        continue;
      }
      if (Array.isArray(parent) && typeof last === 'number') {
        if (last < parent.length) parent.splice(last, 1);
        setAside.push(path.slice(0, -1));
        changed = true;
      } else if (parent && typeof parent === 'object' && last in (parent as object)) {
        delete (parent as Record<PathSegment, unknown>)[last];
        setAside.push(path);
        changed = true;
      } else if (path.length > 1) {
        // A required value is missing: the object holding it cannot be read.
        const grand = valueAt(copy, path.slice(0, -2));
        const key = path[path.length - 2];
        if (Array.isArray(grand) && typeof key === 'number') {
          grand.splice(key, 1);
          setAside.push(path.slice(0, -2));
          changed = true;
        } else if (path.length === 2) return { setAside };
        else if (grand && typeof grand === 'object') {
          delete (grand as Record<PathSegment, unknown>)[key];
          setAside.push(path.slice(0, -1));
          changed = true;
        }
      } else return { setAside };
    }
    if (!changed) return { setAside };
  }
  return { setAside };
}

function compareForRemoval(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === 'number' && typeof b[i] === 'number') return (b[i] as number) - (a[i] as number);
    return 0;
  }
  return b.length - a.length;
}

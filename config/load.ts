import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { LandingZoneSchema, type LandingZoneConfig } from './schema';
import { ConfigError, didYouMean, show, type PathSegment, type Problem } from './problems';
import { knownKeysAt } from './schema-walk';
import { checkMeaning } from './validate';
import { loadStackSetTemplates } from './stacksets-loader';
import { loadCustomPolicies } from './guardrails-loader';
import { checkInventory, inventoryFileFor, readInventory } from './inventory';

/** A parsed config and where it came from. */
export interface LoadedConfig {
  readonly file: string;
  readonly config: LandingZoneConfig;
  /** The account inventory beside the config (config/inventory.ts); synth updates it. */
  readonly inventoryFile: string;
}

/** Reads and checks a config file; throws a ConfigError listing every problem. */
export function loadConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [
      { path: [], message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}); create it from examples/minimal.yaml or set LZ_CONFIG to your file` },
    ]);
  }
  const config = parseConfig(text, file);
  // An account that vanished from the file since the last synth stops here, before any plan.
  const inventoryFile = inventoryFileFor(file);
  const lost = checkInventory(config, readInventory(inventoryFile), inventoryFile);
  if (lost.length > 0) throw new ConfigError(file, lost);
  return { file, config, inventoryFile };
}

/**
 * Checks config text in two stages, shape (schema) then meaning (references, uniqueness, quotas),
 * and throws a ConfigError with all problems of the first stage that has any.
 */
export function parseConfig(text: string, file = 'landing-zone.yaml'): LandingZoneConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({ path: [], line: lines.linePos(e.pos[0]).line, message: `is not valid YAML: ${e.message.split('\n')[0]}` })),
    );
  }
  const raw: unknown = doc.toJS() ?? {};
  const lineOf = (path: readonly PathSegment[]) => lineAt(doc, lines, path);

  const parsed = LandingZoneSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((i) => issueToProblems(i, raw));
    throw new ConfigError(file, withLines(problems, lineOf));
  }
  // StackSet templates are read here (relative to the config file), never in constructs.
  // Custom guardrail policy files are read here too, before the meaning checks look at their documents.
  const meaning = [
    ...loadStackSetTemplates(parsed.data, dirname(file)),
    ...loadCustomPolicies(parsed.data, dirname(file)),
    ...checkMeaning(parsed.data),
  ];
  if (meaning.length > 0) throw new ConfigError(file, withLines(meaning, lineOf));
  return parsed.data;
}

function withLines(problems: Problem[], lineOf: (p: readonly PathSegment[]) => number | undefined): Problem[] {
  return problems.map((p) => ({ ...p, line: p.line ?? lineOf(p.path) }));
}

function valueAt(raw: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = raw;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathSegment, unknown>)[seg];
  }
  return v;
}

function issueToProblems(issue: z.core.$ZodIssue, raw: unknown): Problem[] {
  const path = issue.path as PathSegment[];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(LandingZoneSchema, path);
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: `is not a known setting${didYouMean(key, known) || (known.length ? `; expected one of ${known.join(', ')}` : '')}`,
    }));
  }
  const value = valueAt(raw, path);
  if (issue.code === 'invalid_type') {
    if (value === undefined) return [{ path, message: `is required (${describeExpected(issue.expected)})` }];
    return [{ path, message: `${show(value)} is ${kindOf(value)}; expected ${describeExpected(issue.expected)}` }];
  }
  if (issue.code === 'invalid_value' && typeof value === 'string') {
    return [{ path, message: `${show(value)} ${issue.message}${didYouMean(value, issue.values.map(String))}` }];
  }
  if (issue.code === 'invalid_union') {
    return [{ path, message: `${show(value)} does not match any allowed form` }];
  }
  return [{ path, message: value === undefined ? issue.message : `${show(value)} ${issue.message}` }];
}

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'object':
      return 'a mapping of settings';
    case 'array':
      return 'a list';
    case 'string':
      return 'text';
    default:
      return `a ${expected}`;
  }
}

/** 1-based line of the node at `path`, or of its nearest existing parent. */
function lineAt(doc: Document, lines: LineCounter, path: readonly PathSegment[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && (isMap(node) || isSeq(node) || node.range)) {
      const offset = node.range?.[0];
      if (offset !== undefined) return lines.linePos(offset).line;
    }
  }
  return undefined;
}

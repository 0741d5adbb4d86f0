import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { LandingZoneSchema, type LandingZoneConfig } from './schema';
import { ConfigError, didYouMean, show, type PathSegment, type Problem } from './problems';
import { knownKeysAt } from './schema-walk';
import { checkMeaning } from './validate';
import { loadStackSetTemplates } from './stacksets-loader';
import { loadCustomPolicies } from './guardrails-loader';
import { checkInventory, inventoryBelongsTo, inventoryFileFor, readInventory, recordedLayoutOf, type Inventory } from './inventory';
import { dependsOn, formatAside, repair, valueAt } from './set-aside';
import { aliasProblem, leadingZeroNumbers, YAML_HINTS } from './yaml-problems';

/** A parsed config and where it came from. */
export interface LoadedConfig {
  readonly file: string;
  readonly config: LandingZoneConfig;
  /** The account inventory beside the config (config/inventory.ts); synth updates it. */
  readonly inventoryFile: string;
  /** Said to the person about the inventory, e.g. that one of another organization is replaced. */
  readonly inventoryNote?: string;
}

/** What the checks know besides the config text. */
export interface ParseOptions {
  /** The account inventory of this landing zone, for the lifecycle checks (removed, renamed, closed accounts). */
  readonly inventory?: Inventory;
  readonly inventoryFile?: string;
  /** Folder that custom policy files and StackSet templates are relative to. @default - the config file's folder */
  readonly baseDir?: string;
}

/** Reads and checks a config file; throws a ConfigError listing every problem. */
export function loadConfigFile(file: string): LoadedConfig {
  const text = readConfigText(file);
  const inventoryFile = inventoryFileFor(file);
  // A broken inventory is named as the inventory (its own ConfigError), never as the config.
  const inventory = readInventory(inventoryFile);
  const config = parseConfig(text, file, { inventory, inventoryFile });
  const inventoryNote = inventory && !inventoryBelongsTo(config, inventory)
    ? `${inventoryFileFor(file)} was written for another organization (${inventory.organization?.name}, management account ${inventory.organization?.managementAccountId}); it is not this landing zone's history, so it was not checked, and the next synth replaces it with this organization's inventory.`
    : undefined;
  return { file, config, inventoryFile, ...(inventoryNote ? { inventoryNote } : {}) };
}

function readConfigText(file: string): string {
  const fail = (message: string) => new ConfigError(file, [{ path: [], message }]);
  let isDirectory = false;
  try {
    isDirectory = statSync(file).isDirectory();
  } catch {
    // reported by the read below
  }
  if (isDirectory) {
    throw fail(`is a folder, not a config file; give the file itself, e.g. ${file.replace(/\/+$/, '')}/landing-zone.yaml`);
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code === 'ENOENT') throw fail('does not exist (ENOENT); create it from examples/minimal.yaml or set LZ_CONFIG to your file');
    if (code === 'EACCES' || code === 'EPERM') throw fail(`cannot be read (${code}: no permission); make it readable (chmod u+r) or run as its owner`);
    throw fail(`cannot be read (${code}); check the path, or set LZ_CONFIG to your file`);
  }
}

/** Notes said after the problems when later checks could not run. */
const AFTER_YAML = 'The settings themselves are checked once the file is valid YAML; more problems may follow.';
const AFTER_SHAPE_ALL = (sections: string) =>
  `The cross-checks (references, uniqueness, quotas, account inventory) run once these are fixed: ${sections} cannot be read until then; more problems may follow.`;
const AFTER_SHAPE = (paths: string) => `Cross-checks that involve ${paths} run once these are fixed; more problems may follow.`;

/**
 * Checks config text in two stages, shape (schema) then meaning (references, uniqueness, quotas,
 * account lifecycle), and throws a ConfigError with every problem found. A shape problem does not
 * hide the meaning checks: the value at fault is set aside and the rest is still cross-checked;
 * only what depends on a broken value waits (the error then says that more checks follow).
 */
export function parseConfig(text: string, file = 'landing-zone.yaml', options: ParseOptions = {}): LandingZoneConfig {
  const lines = new LineCounter();
  const source = text.replace(/^\uFEFF/, '');
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true });
  const lineOfOffset = (offset: number) => lines.linePos(offset).line;
  const yamlProblems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    path: [],
    line: lineOfOffset(e.pos[0]),
    message: `is not valid YAML: ${e.message.split('\n')[0]}${YAML_HINTS[e.code] ? `; ${YAML_HINTS[e.code]}` : e.code === 'TAG_RESOLVE_FAILED' ? '; landing-zone.yaml uses no tags (!Ref, !Sub ...): write the plain value' : ''}`,
  }));
  if (yamlProblems.length > 0) throw new ConfigError(file, yamlProblems, AFTER_YAML);

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 1000 }) ?? {};
  } catch (e) {
    throw new ConfigError(file, [aliasProblem(doc, lineOfOffset, (e as Error).message)], AFTER_YAML);
  }
  const lineOf = (path: readonly PathSegment[]) => lineAt(doc, lines, path);
  const sourceOf = (path: readonly PathSegment[]) => sourceAt(doc, source, path);

  const parsed = LandingZoneSchema.safeParse(raw);
  let shape: Problem[] = [...leadingZeroNumbers(doc, source)];
  let config: LandingZoneConfig | undefined;
  let setAside: PathSegment[][] = [];
  if (parsed.success) config = parsed.data;
  else {
    const issues = parsed.error.issues.flatMap((i) => issueToProblems(i, raw, sourceOf));
    shape = [...shape.filter((z) => !issues.some((p) => formatAside(p.path) === formatAside(z.path))), ...issues];
    ({ config, setAside } = repair(raw));
  }
  if (!config) {
    const sections = [...new Set(shape.map((p) => String(p.path[0] ?? 'the file')))].join(', ');
    throw new ConfigError(file, withLines(shape, lineOf), AFTER_SHAPE_ALL(sections));
  }
  // StackSet templates are read here (relative to the config file), never in constructs.
  // Custom guardrail policy files are read here too, before the meaning checks look at their documents.
  const baseDir = options.baseDir ?? dirname(file);
  const inventory = inventoryBelongsTo(config, options.inventory) ? options.inventory : undefined;
  const meaning = [
    ...loadStackSetTemplates(config, baseDir),
    ...loadCustomPolicies(config, baseDir),
    ...checkMeaning(config, { inventory, inventoryFile: options.inventoryFile }),
    ...(inventory && options.inventoryFile ? checkInventory(config, inventory, options.inventoryFile) : []),
  ].filter((p) => !setAside.some((aside) => dependsOn(p, aside)));
  const problems = [...shape, ...meaning];
  if (problems.length === 0 && inventory) return { ...config, recordedLayout: recordedLayoutOf(inventory) };
  if (problems.length > 0) {
    const outer = setAside.filter((p) => !setAside.some((q) => q.length < p.length && q.every((seg, i) => p[i] === seg)));
    const note = outer.length > 0 ? AFTER_SHAPE([...new Set(outer.map((p) => formatAside(p)))].join(', ')) : undefined;
    throw new ConfigError(file, withLines(problems, lineOf), note);
  }
  return config;
}

function withLines(problems: Problem[], lineOf: (p: readonly PathSegment[]) => number | undefined): Problem[] {
  return problems.map((p) => ({ ...p, line: p.line ?? lineOf(p.path) }));
}

function issueToProblems(issue: z.core.$ZodIssue, raw: unknown, sourceOf: (p: readonly PathSegment[]) => string | undefined): Problem[] {
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
    if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
      return [{ path, message: quoteIt(value, sourceOf(path)) }];
    }
    // A message the schema wrote itself says more than zod's "Invalid input: expected ...".
    const own = issue.message.startsWith('Invalid input') ? `expected ${describeExpected(issue.expected)}` : issue.message;
    return [{ path, message: value === null ? `is empty; ${own}` : `${show(value)} is ${kindOf(value)}; ${own}` }];
  }
  if (issue.code === 'invalid_value' && typeof value === 'string') {
    // Messages that already carry their own hint (partition regions, did-you-mean) get no second one.
    const ownHint = /did you mean|partition/.test(issue.message);
    return [{ path, message: `${show(value)} ${issue.message}${ownHint ? '' : didYouMean(value, issue.values.map(String))}` }];
  }
  if (issue.code === 'invalid_union') {
    return [{ path, message: `${show(value)} does not match any allowed form` }];
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && /^Too (small|big)/.test(issue.message)) {
    return [{ path, message: `${value === undefined ? '' : `${show(value)} `}${sizeMessage(issue)}` }];
  }
  if (issue.code === 'invalid_key') {
    const key = path[path.length - 1];
    const inner = issue.issues[0]?.message ?? 'is not allowed here';
    return [{ path, message: `the key ${show(key)} ${inner}` }];
  }
  return [{ path, message: value === undefined ? issue.message : `${show(value)} ${issue.message}` }];
}

/** A number or true/false where text belongs: YAML read it as that type; quoting keeps it as written. */
function quoteIt(value: number | boolean, written: string | undefined): string {
  const text = written ?? String(value);
  const lost = typeof value === 'number' && text !== String(value) ? ` (YAML read it as ${value}, losing how it was written)` : '';
  return `${text} is read by YAML as a ${typeof value}${lost}; quote it: "${text}"`;
}

/** zod's default "Too small: expected string to have >=1 characters", said for a person. */
function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const small = issue.code === 'too_small';
  switch (issue.origin) {
    case 'string':
      return small ? (limit <= 1 ? 'is empty; write a value' : `is shorter than ${limit} characters`) : `is longer than the ${limit} characters allowed; shorten it`;
    case 'array':
    case 'set':
      return small ? `needs at least ${limit} item${limit === 1 ? '' : 's'}` : `has more than the ${limit} items allowed`;
    default:
      return small ? `must be at least ${limit}` : `must be at most ${limit}`;
  }
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
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    default:
      return `a ${expected}`;
  }
}

/** The text of the scalar at `path` as written in the file (keeps leading zeros). */
function sourceAt(doc: Document, text: string, path: readonly PathSegment[]): string | undefined {
  const node = doc.getIn(path, true) as unknown;
  if (isScalar(node) && node.range) return text.slice(node.range[0], node.range[1]).trim();
  return undefined;
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

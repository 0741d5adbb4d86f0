/**
 * Config problems: one shape for schema and meaning checks, gathered and reported at once.
 */

export type PathSegment = string | number;

/** One thing wrong with the config, written for a person: the value, why it is wrong, and the fix. */
export interface Problem {
  /** Where in the file, e.g. `['accounts', 3, 'email']`. */
  readonly path: readonly PathSegment[];
  /** Sentence after the path; names the bad value and says how to fix it. */
  readonly message: string;
  /** 1-based line in the YAML file, filled by the loader. */
  readonly line?: number;
}

export function problem(path: readonly PathSegment[], message: string): Problem {
  return { path, message };
}

/** `accounts[3].email` */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out === '' ? '(top level)' : out;
}

/** Quotes a value from the config for an error message. */
export function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Thrown when the config has problems; carries every one of them. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly Problem[],
    /** Said after the list, e.g. that more checks run once these problems are fixed. */
    readonly note?: string,
  ) {
    super(formatProblems(file, problems, note));
    this.name = 'ConfigError';
  }
}

export function formatProblems(file: string, problems: readonly Problem[], note?: string): string {
  const n = problems.length;
  const lines = problems.map((p) => {
    const where = p.line !== undefined ? ` (line ${p.line})` : '';
    return `  ${formatPath(p.path)}${where}: ${p.message}`;
  });
  return [`${file} has ${n} problem${n === 1 ? '' : 's'}:`, ...lines, ...(note ? [note] : [])].join('\n');
}

/** Levenshtein distance, small inputs only (names in a config). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** `; did you mean "Workloads/Prod"?` for the closest candidate, or `''` when none is close. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const v = value.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(v, c.toLowerCase());
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  if (best === undefined) return '';
  const limit = Math.max(2, Math.floor(Math.max(value.length, best.length) / 3));
  return bestScore <= limit ? `; did you mean ${show(best)}?` : '';
}

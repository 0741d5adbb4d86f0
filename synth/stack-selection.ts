/**
 * Stack selection (`LZ_STACKS`, `lz synth --stacks`): stack ids or globs such as `workload-shop-*`,
 * matched against the stack ids of a landing zone.
 */

/** A selection that names no stack; the message lists the ids that come closest. */
export class StackSelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StackSelectionError';
  }
}

/** Patterns of a comma-separated list (`management, workload-shop-*`), trimmed, empty items dropped. */
export function parseStackPatterns(text: string): string[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** A glob with `*` (any run of characters) and `?` (one character), matched against a whole stack id. */
export function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/**
 * The stack ids, in the order of `ids`, that match at least one pattern. Throws a StackSelectionError
 * when there is no pattern, or naming every pattern that matches nothing with the ids closest to it.
 */
export function selectStackIds(patterns: readonly string[], ids: readonly string[]): string[] {
  if (patterns.length === 0) {
    throw new StackSelectionError('no stack selected: give stack ids or globs separated by commas, e.g. "management,workload-shop-*"');
  }
  const matchers = patterns.map((p) => ({ pattern: p, re: globToRegExp(p), used: false }));
  const selected = ids.filter((id) => {
    let hit = false;
    for (const m of matchers) {
      if (m.re.test(id)) {
        m.used = true;
        hit = true;
      }
    }
    return hit;
  });
  const unmatched = matchers.filter((m) => !m.used);
  if (unmatched.length > 0) {
    const lines = unmatched.map((m) => {
      const near = similarIds(m.pattern, ids);
      return `  "${m.pattern}" matches no stack${near.length ? `; similar ids: ${near.join(', ')}` : ''}`;
    });
    throw new StackSelectionError(
      `${unmatched.length === 1 ? 'a stack pattern matches' : `${unmatched.length} stack patterns match`} nothing:\n${lines.join('\n')}\n` +
        `Stack ids are bootstrap, management, log-archive, management-baseline, security, accounts-<n> and workload-<account name> (${ids.length} in this landing zone).`,
    );
  }
  return selected;
}

/** Up to `limit` ids closest to `pattern` (edit distance of the pattern without wildcards), closest first. */
export function similarIds(pattern: string, ids: readonly string[], limit = 5): string[] {
  const literal = pattern.replace(/[*?]/g, '').toLowerCase();
  const maxDistance = Math.max(2, Math.floor(literal.length / 3));
  return ids
    .map((id) => {
      const lower = id.toLowerCase();
      // A glob's literal text inside a longer id (workload-shop in workload-shop-prod) counts as close.
      const d = distance(literal, lower);
      return { id, d: literal.length >= 3 && lower.includes(literal) ? Math.min(d, 1) : d };
    })
    .filter((x) => x.d <= maxDistance)
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((x) => x.id);
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Prefix of the line bench/rss-reporter.ts prints on stderr; bench/run.ts reads the JSON after it. */
export const MARKER = 'LZ_BENCH_USAGE ';

/** What the synth process reports about itself on exit. */
export interface ChildUsage {
  /** Peak resident set size in KiB (getrusage ru_maxrss). */
  readonly maxRssKb: number;
  readonly userMs: number;
  readonly systemMs: number;
}

/** The usage report in a child's stderr, or undefined when it printed none (it crashed before exit). */
export function parseUsage(stderr: string): ChildUsage | undefined {
  return parseUsages(stderr).at(-1);
}

/**
 * Every usage report in a synth's stderr: its synth worker processes inherit the preloaded reporter
 * and report when they exit, before the synth process itself (the last report).
 */
export function parseUsages(stderr: string): ChildUsage[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith(MARKER))
    .map((l) => JSON.parse(l.slice(MARKER.length)) as ChildUsage);
}

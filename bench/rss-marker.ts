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
  const line = stderr.split('\n').find((l) => l.startsWith(MARKER));
  return line ? (JSON.parse(line.slice(MARKER.length)) as ChildUsage) : undefined;
}

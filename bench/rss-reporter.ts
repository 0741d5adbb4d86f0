/**
 * Preloaded into the benchmarked synth (`node -r dist/bench/rss-reporter.js dist/main.js`): on exit it
 * prints one marker line on stderr with the process's peak RSS and CPU time (getrusage of the process
 * itself, the same figure `/usr/bin/time -v` reports as "Maximum resident set size").
 */
import { MARKER } from './rss-marker';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const report = { maxRssKb: usage.maxRSS, userMs: Math.round(usage.userCPUTime / 1000), systemMs: Math.round(usage.systemCPUTime / 1000) };
  process.stderr.write(`\n${MARKER}${JSON.stringify(report)}\n`);
});

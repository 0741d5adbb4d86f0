import type { Command } from 'commander';
import { loadConfigFile } from '../../config/load';
import { ConfigError, formatPath, type Problem } from '../../config/problems';
import { allOuPaths } from '../../config/model';
import { configFileOf } from '../lib/config';
import { runAction } from '../lib/run-action';

/** The outcome of checking one config file, in the shape `--format json` prints. */
export interface ValidationReport {
  /** The file the problems are in: the config, or its account inventory when that is broken. */
  readonly file: string;
  readonly valid: boolean;
  readonly problems: ReadonlyArray<{ readonly path: string; readonly line?: number; readonly message: string }>;
  /** Said after the problems, e.g. that more checks run once they are fixed. */
  readonly note?: string;
  /** A few facts about a valid config, for the human output. */
  readonly summary?: { readonly accounts: number; readonly organizationalUnits: number; readonly governedRegions: readonly string[]; readonly backend: string };
}

/** Checks a config file (shape, meaning, account inventory) without synthesizing. */
export function validateFile(file: string): ValidationReport {
  try {
    const { config, inventoryNote } = loadConfigFile(file);
    return {
      file,
      valid: true,
      problems: [],
      ...(inventoryNote ? { note: inventoryNote } : {}),
      summary: {
        accounts: config.accounts.length,
        // What the management stack creates: listed OUs, their implied parents, and Suspended when used.
        organizationalUnits: allOuPaths(config).length,
        governedRegions: config.organization.governedRegions,
        backend: config.state.backend,
      },
    };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return { file: e.file, valid: false, problems: e.problems.map(toJsonProblem), ...(e.note ? { note: e.note } : {}) };
  }
}

function toJsonProblem(p: Problem): ValidationReport['problems'][number] {
  return { path: formatPath(p.path), ...(p.line !== undefined ? { line: p.line } : {}), message: p.message };
}

/** Human output: the loader's format for problems, one line of facts when valid. */
export function formatValidation(report: ValidationReport): string {
  if (report.valid) {
    const s = report.summary!;
    const line = `${report.file} is valid: ${s.accounts} accounts, ${s.organizationalUnits} OUs, governed regions ${s.governedRegions.join(', ')}, ${s.backend} state.`;
    return report.note ? `${line}\n${report.note}` : line;
  }
  const n = report.problems.length;
  return [
    `${report.file} has ${n} problem${n === 1 ? '' : 's'}:`,
    ...report.problems.map((p) => `  ${p.path}${p.line !== undefined ? ` (line ${p.line})` : ''}: ${p.message}`),
    ...(report.note ? [report.note] : []),
  ].join('\n');
}

/** `lz validate [file] [--format json]` */
export function register(program: Command): void {
  program
    .command('validate')
    .description('Check landing-zone.yaml (shape, references, quotas, account inventory) without synthesizing.')
    .argument('[file]', 'config file (default: $LZ_CONFIG or landing-zone.yaml)')
    .option('--format <format>', 'human or json', 'human')
    .addHelpText('after', '\nExit code 0 when the config is valid, 1 when it has problems (all of them are listed).\nExample: lz validate examples/enterprise.yaml --format json')
    .action(
      runAction(async (file: string | undefined, opts: { format: string }) => {
        if (opts.format !== 'human' && opts.format !== 'json') {
          console.error(`--format ${JSON.stringify(opts.format)} is not known; use human or json.`);
          process.exitCode = 2;
          return;
        }
        const report = validateFile(configFileOf(file));
        if (opts.format === 'json') console.log(JSON.stringify(report, null, 2));
        else if (report.valid) console.log(formatValidation(report));
        else console.error(formatValidation(report));
        if (!report.valid) process.exitCode = 1;
      }),
    );
}

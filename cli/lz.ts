#!/usr/bin/env node
/**
 * `lz`: the landing zone's command line. Each subcommand lives in cli/commands/<name>.ts and
 * registers itself; this file only assembles them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { register as validate } from './commands/validate';
import { register as synth } from './commands/synth';
import { register as check } from './commands/check';
import { register as graph } from './commands/graph';
import { register as planOrder } from './commands/plan-order';
import { register as importOrganization } from './commands/import';
import { register as explainBaseline } from './commands/explain-baseline';
import { register as invite } from './commands/invite';
import { register as accept } from './commands/accept';
import { register as reviewPlan } from './commands/review-plan';
import { register as ci } from './commands/ci';

/** The package version, from dist/cli (built) or cli/ (tests run the sources). */
function packageVersion(): string {
  for (const candidate of [join(__dirname, '..', '..', 'package.json'), join(__dirname, '..', 'package.json')]) {
    if (existsSync(candidate)) return (JSON.parse(readFileSync(candidate, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

/** The whole program; exported so tests can inspect the commands without spawning a process. */
export function buildProgram(): Command {
  const program = new Command('lz')
    .description('Multi-account AWS landing zone: check, synthesize, inspect and adopt (landing-zone.yaml → Terraform stacks).')
    .version(packageVersion())
    .showHelpAfterError('(run lz <command> --help for usage)')
    .addHelpText(
      'after',
      '\nStart with:\n  lz validate            check landing-zone.yaml\n  lz synth               write cdktf.out (one Terraform folder per stack)\n  lz check               evaluate the seed 004 target-state checklist\n\nDocs: docs/operations.md, docs/config-reference.md',
    );
  for (const register of [validate, synth, check, graph, planOrder, importOrganization, explainBaseline, invite, accept, reviewPlan, ci]) register(program);
  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exitCode = 1;
    });
}

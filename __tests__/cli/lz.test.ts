import { parse, stringify } from 'yaml';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { buildProgram } from '../../cli/lz';
import { examplesCopy, ensureBuilt, lz } from './binary';

const SUBCOMMANDS = ['validate', 'synth', 'check', 'graph', 'plan-order', 'import', 'explain-baseline', 'invite', 'accept', 'review-plan', 'ci'];

describe('lz (the built binary)', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = examplesCopy();
  });

  it('lists every subcommand in --help and starts with a shebang so npm can install it as a bin', () => {
    const run = lz(['--help'], dir);
    expect(run.status).toBe(0);
    for (const name of SUBCOMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(readFileSync(join(__dirname, '..', '..', 'dist', 'cli', 'lz.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  // Every lz start loads the program and its commands; the construct library and the AWS SDK load only in the
  // commands that use them (synth; import, invite, accept).
  it('starts without loading cdktf or the AWS SDK', () => {
    const loaded = execFileSync(process.execPath, ['-e', "require('./dist/cli/lz.js'); console.log(JSON.stringify(Object.keys(require.cache)))"], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
    });
    const modules = JSON.parse(loaded) as string[];
    expect(modules.some((m) => m.endsWith(join('dist', 'cli', 'commands', 'validate.js')))).toBe(true);
    expect(modules.filter((m) => /node_modules[\\/](cdktf|@cdktf|@aws-sdk|@smithy)[\\/]/.test(m))).toEqual([]);
  });

  // The subcommands' help comes from the same program the binary builds (cli/lz.ts buildProgram); run in-process,
  // as a process each would cost a Node start-up apiece.
  it.each(SUBCOMMANDS)('prints usage for lz %s --help', (name) => {
    const run = helpOf([name, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: lz ${name}`);
  });

  it.each(['configure', 'check'])('prints usage for lz ci github %s --help, with the token it needs', (name) => {
    const run = helpOf(['ci', 'github', name, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: lz ci github ${name}`);
    expect(run.stdout).toContain('--api-url <url>');
    expect(helpOf(['ci', 'github', '--help']).stdout).toContain('Token: GITHUB_TOKEN or GH_TOKEN');
  });

  it('prints the same help in-process as the binary does', () => {
    const inProcess = helpOf(['synth', '--help']);
    const binary = lz(['synth', '--help'], dir);
    expect([inProcess.stdout, inProcess.stderr]).toEqual([binary.stdout, binary.stderr]);
  });

  it('fails an unknown subcommand with a hint and exit code 1', () => {
    const run = lz(['sinth'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("unknown command 'sinth'");
    expect(run.stderr).toContain('synth');
  });

  describe('validate', () => {
    it.each(['minimal', 'enterprise'])('accepts examples/%s.yaml with exit code 0', (name) => {
      const run = lz(['validate', `${name}.yaml`], dir);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^${name}\\.yaml is valid: \\d+ accounts, \\d+ OUs, governed regions `));
    });

    it('reads LZ_CONFIG when no file is given', () => {
      const run = lz(['validate'], dir, { LZ_CONFIG: 'minimal.yaml' });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('minimal.yaml is valid');
    });

    it('fails a broken config with every problem, its line, and exit code 1', () => {
      const broken = readFileSync(join(dir, 'minimal.yaml'), 'utf8').replace('homeRegion: us-east-1', 'homeRegion: us-east-9').replace('aws+sec@acme.example', 'not-an-email');
      writeFileSync(join(dir, 'broken.yaml'), broken);
      const lineOf = (text: string) => broken.split('\n').findIndex((l) => l.includes(text)) + 1;
      const run = lz(['validate', 'broken.yaml'], dir);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^broken\.yaml has 2 problems:/);
      expect(run.stderr).toContain(`organization.homeRegion (line ${lineOf('us-east-9')}): "us-east-9" is not an AWS Region name`);
      expect(run.stderr).toContain(`accounts[1].email (line ${lineOf('not-an-email')}): "not-an-email" is not an e-mail address`);
    });

    it('fails a broken config as JSON with --format json', () => {
      writeFileSync(join(dir, 'broken-ou.yaml'), readFileSync(join(dir, 'minimal.yaml'), 'utf8').replace('ou: Workloads/Prod', 'ou: Workload/Prod'));
      const run = lz(['validate', 'broken-ou.yaml', '--format', 'json'], dir);
      expect(run.status).toBe(1);
      const report = JSON.parse(run.stdout);
      expect(report.valid).toBe(false);
      expect(report.problems).toEqual([
        expect.objectContaining({ path: 'accounts[2].ou', line: expect.any(Number), message: expect.stringContaining('did you mean "Workloads/Prod"?') }),
      ]);
    });

    it('fails a missing file with exit code 1', () => {
      const run = lz(['validate', 'nope.yaml'], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('nope.yaml has 1 problem:');
      expect(run.stderr).toContain('does not exist (ENOENT)');
    });

    it('fails an unknown --format with exit code 2', () => {
      const run = lz(['validate', 'minimal.yaml', '--format', 'xml'], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--format "xml" is not known; use human or json.');
    });
  });

  describe('synth', () => {
    it('writes every stack and prints resources per stack, the total, the time and the folder', () => {
      const run = lz(['synth', '-c', 'minimal.yaml', '-o', 'out-minimal'], dir);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^ {2}stack +resources +data sources$/m);
      expect(run.stdout).toMatch(/^ {2}management +\d+ +\d+$/m);
      expect(run.stdout).toMatch(/^ {2}workload-shop-prod +\d+ +\d+$/m);
      expect(run.stdout).toMatch(/Synthesized 5 stacks \(\d+ resources\) from minimal\.yaml into .*out-minimal in \d+\.\d s/);
      expect(existsSync(join(dir, 'out-minimal', 'stacks', 'management', 'cdk.tf.json'))).toBe(true);
      expect(existsSync(join(dir, 'minimal.inventory.json'))).toBe(true);
    });

    // With no terraform on the PATH: synthesis needs only Node (the stacks declare the Terraform they need), also
    // for the management stack, which adopts accounts through import blocks.
    it('writes only the stacks selected with --stacks (or LZ_STACKS), with no terraform on the PATH', () => {
      const run = lz(['synth', '-c', 'enterprise.yaml', '-o', 'out-selected', '--stacks', 'management,workload-payments-*'], dir, { PATH: '' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/Synthesized 3 stacks \(\d+ resources\)/);
      const manifest = JSON.parse(readFileSync(join(dir, 'out-selected', 'manifest.json'), 'utf8'));
      expect(Object.keys(manifest.stacks).sort()).toEqual(['management', 'workload-payments-dev', 'workload-payments-prod']);
      expect(JSON.parse(readFileSync(join(dir, 'out-selected', 'stacks', 'management', 'cdk.tf.json'), 'utf8')).import.length).toBeGreaterThan(0);
      const env = lz(['synth', '-c', 'enterprise.yaml', '-o', 'out-env', '--quiet'], dir, { LZ_STACKS: 'security' });
      expect(env.stdout).toMatch(/^Synthesized 1 stack \(\d+ resources\) from enterprise\.yaml/);
    });

    it('fails a --stacks pattern that matches nothing, suggesting ids, and writes nothing', () => {
      const run = lz(['synth', '-c', 'enterprise.yaml', '-o', 'out-typo', '--stacks', 'workload-paymnts-*'], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('--stacks: a stack pattern matches nothing');
      expect(run.stderr).toContain('similar ids: workload-payments-dev, workload-payments-prod');
      expect(existsSync(join(dir, 'out-typo'))).toBe(false);
    });

    it('prints a progress line first for a large organization', () => {
      const large = parse(readFileSync(join(dir, 'minimal.yaml'), 'utf8'));
      large.accounts.push(...Array.from({ length: 60 }, (_, i) => ({ name: `app-${i}`, email: `aws+app-${i}@acme.example`, ou: 'Workloads/Prod' })));
      writeFileSync(join(dir, 'large.yaml'), stringify(large));
      const run = lz(['synth', '-c', 'large.yaml', '-o', 'out-large', '--stacks', 'management'], dir);
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('Synthesizing stacks matching management for 63 accounts from large.yaml ...\n');
    });

    it('fails a broken config with exit code 1 and writes nothing', () => {
      writeFileSync(join(dir, 'no-security.yaml'), readFileSync(join(dir, 'minimal.yaml'), 'utf8').replace('role: security', 'role: workload'));
      const run = lz(['synth', '-c', 'no-security.yaml', '-o', 'out-broken'], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('no-security.yaml has');
      expect(run.stderr).toContain('security');
      expect(existsSync(join(dir, 'out-broken'))).toBe(false);
    });
  });

  describe('explain-baseline', () => {
    it('prints every baseline setting of an account with its source', () => {
      const run = lz(['explain-baseline', 'payments-prod', '-c', 'enterprise.yaml'], dir);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^budget\.monthlyUsd +20000 +← accounts\[\d+\]\.budget\.monthlyUsd$/m);
    });

    it('fails an unknown account with a suggestion', () => {
      const run = lz(['explain-baseline', 'payment-prod', '-c', 'enterprise.yaml'], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('There is no account "payment-prod" in the config; did you mean "payments-prod"?');
    });
  });
});

/** `lz <args>` for a help request, in-process: what it prints on stdout and stderr and its exit code (commander's, never process.exit). */
function helpOf(args: readonly string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const quiet = (command: Command): void => {
    // 80 columns: what commander uses when stdout is a pipe, as it is for the binary the tests spawn.
    command.exitOverride().configureOutput({ writeOut: (text) => void (stdout += text), writeErr: (text) => void (stderr += text), getOutHelpWidth: () => 80, getErrHelpWidth: () => 80 });
    command.commands.forEach(quiet);
  };
  const program = buildProgram();
  quiet(program);
  try {
    program.parse(['node', 'lz', ...args]);
  } catch (e) {
    return { code: (e as { exitCode?: number }).exitCode ?? 99, stdout, stderr };
  }
  return { code: 0, stdout, stderr };
}

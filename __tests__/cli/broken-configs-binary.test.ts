import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness/config';
import { ensureBuilt, lz } from './binary';
import { CASES, lineNaming, snapshot, STACK_TRACE, THREE_STAGES, workspace, type BrokenCase } from '../config/broken-configs';

/*
 * A sample of the broken-config table (__tests__/config/broken-configs.ts), one or more of each
 * class, through the built binaries a person runs: `lz validate` and the CDKTF app `node dist/main.js`
 * (what `npm run synth` and `cdktf synth` run). Exit code not 0, the path or line and the fix, no
 * stack trace, nothing in the folder changed.
 */

const SAMPLE = [
  'an alias bomb (billion laughs)',
  'a folder given as the config',
  'an inventory that is not JSON',
  'a misspelt top-level section',
  'an unquoted account id with a leading zero',
  'a China region',
  'a misspelt AWS managed policy',
  "a closed account's e-mail reused",
  'a custom policy file that is not JSON',
];

/** `node dist/main.js` in `cwd` with LZ_CONFIG, as npm run synth runs it. */
function mainJs(cwd: string, config: string): { status: number | null; output: string } {
  const env = { ...process.env, LZ_CONFIG: config, CDKTF_OUTDIR: join(cwd, 'cdktf.out') };
  delete env.LZ_STACKS;
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'main.js')], { cwd, env, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function expectRefused(c: BrokenCase, status: number | null, output: string): void {
  expect(status).not.toBe(0);
  expect(status).not.toBeNull();
  expect(output).not.toMatch(STACK_TRACE);
  const line = lineNaming(output, c.where);
  if (line === undefined) throw new Error(`no line names ${JSON.stringify(c.where)} in:\n${output}`);
  if (typeof c.fix === 'string') expect(line).toContain(c.fix);
  else expect(line).toMatch(c.fix);
}

beforeAll(() => ensureBuilt());

describe('broken configs through the built binaries', () => {
  const cases = SAMPLE.map((name) => {
    const c = CASES.find((x) => x.name === name);
    if (!c) throw new Error(`no case ${name}`);
    return [name, c] as const;
  });

  it.each(cases)('lz validate: %s', (_name, c) => {
    const ws = workspace(c);
    const before = snapshot(ws.dir);
    const run = lz(['validate', ws.config], ws.dir);
    expectRefused(c, run.status, `${run.stdout}${run.stderr}`);
    expect(snapshot(ws.dir)).toEqual(before);
  });

  // The app loads cdktf before it reads the config (about a second a run): half the sample is enough there.
  it.each(cases.filter((_, i) => i % 2 === 0))('node dist/main.js: %s', (_name, c) => {
    const ws = workspace(c);
    const before = snapshot(ws.dir);
    const run = mainJs(ws.dir, ws.config);
    expectRefused(c, run.status, run.output);
    expect(run.output).toContain('Nothing was written.');
    expect(snapshot(ws.dir)).toEqual(before);
  });

  it('names the inventory, not the config, when the inventory is broken', () => {
    const ws = workspace(CASES.find((x) => x.name === 'an inventory that is not JSON')!);
    const run = mainJs(ws.dir, ws.config);
    expect(run.output).toContain('landing-zone.inventory.json has 1 problem:');
    expect(run.output).toContain('is the account inventory that npm run synth keeps beside the config');
    expect(run.output).toContain('Nothing was written. Fix ');
    expect(run.output).not.toContain('landing-zone.yaml has');
    const json = lz(['validate', ws.config, '--format', 'json'], ws.dir);
    expect(JSON.parse(json.stdout)).toMatchObject({ file: join(ws.dir, 'landing-zone.inventory.json'), valid: false });
  });

  it('reports every stage at once: a misspelt key, a missing OU and a duplicated e-mail', () => {
    const ws = workspace({ ...THREE_STAGES, name: 'three' });
    const run = lz(['validate', ws.config, '--format', 'json'], ws.dir);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { problems: Array<{ path: string }> };
    expect(report.problems.map((p) => p.path).sort()).toEqual(['accounts[3].email', 'accounts[3].ou', 'organization.homeRegoin']);
  });
});

describe('a new landing zone beside the example inventory', () => {
  it("synthesizes on the first try and replaces the other organization's inventory with its own", () => {
    const theirs = JSON.stringify({ version: 1, organization: { name: 'example', managementAccountId: '999999999999' }, accounts: { 'other-account': { state: 'active' } } });
    const ws = workspace({ name: 'first synth', inventory: theirs, where: '', fix: '' });
    const run = mainJs(ws.dir, ws.config);
    expect(run.output).toContain('Synthesized');
    expect(run.status).toBe(0);
    const inventory = JSON.parse(readFileSync(join(ws.dir, 'landing-zone.inventory.json'), 'utf8'));
    expect(inventory.organization).toEqual({ name: 'acme', managementAccountId: '111111111111' });
    expect(Object.keys(inventory.accounts)).not.toContain('other-account');
    expect(inventory.accounts['shop-prod']).toEqual({ state: 'active', id: '222222222222', email: 'aws+shop-prod@acme.example', stack: 'management' });
  }, 60_000);
});

import { join } from 'node:path';
import { parse } from 'yaml';
import { stringify } from 'yaml';
import { parseConfig } from '../../config/load';
import { ConfigError, formatPath } from '../../config/problems';
import { BASE_YAML, baseInventory, CASES, edit, lineNaming, runLz, snapshot, STACK_TRACE, THREE_STAGES, workspace, type BrokenCase } from './broken-configs';

/*
 * Every kind of broken input is refused before anything is written: each case of the table in
 * broken-configs.ts runs through `lz synth` in-process, in its own folder that already holds an
 * earlier synth output and an account inventory. For each: the exit code is not 0, the line that
 * reports it names the path or the line and says the fix, there is no stack trace, and not one
 * file in the folder changed. A sample goes through the built binaries in
 * __tests__/cli/broken-configs-binary.test.ts.
 */

describe('broken configs are refused with the path or line and the fix, and nothing is written', () => {
  it('has at least 100 distinct cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    const texts = CASES.filter((c) => !c.files && !c.inventory && !c.configPath).map((c) => c.text ?? edit(c.edit!));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const ws = workspace(c);
    const before = snapshot(ws.dir);
    const { code, output } = await runLz(['synth', '--config', ws.config, '--out', join(ws.dir, 'cdktf.out'), '--quiet']);
    expect(code).not.toBe(0);
    expect(output).not.toMatch(STACK_TRACE);
    const line = lineNaming(output, c.where);
    if (line === undefined) throw new Error(`no line names ${JSON.stringify(c.where)} in:\n${output}`);
    if (typeof c.fix === 'string') expect(line).toContain(c.fix);
    else expect(line).toMatch(c.fix);
    expect(snapshot(ws.dir)).toEqual(before);
  });
});

describe('any value replaced by a value of another type', () => {
  /** Every path of the base config, each given one wrong value in turn (rotating through the kinds). */
  const base = parse(BASE_YAML);
  const paths: (string | number)[][] = [];
  const walk = (v: any, p: (string | number)[]) => {
    if (p.length > 0) paths.push(p);
    if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], [...p, Array.isArray(v) ? Number(k) : k]);
  };
  walk(base, []);
  const WRONG = [null, 0, -1, 'x', '', [], {}, true, [null], { a: 1 }];

  it('is refused as a ConfigError naming a path or line, never a crash', () => {
    expect(paths.length).toBeGreaterThan(100);
    const crashes: string[] = [];
    paths.forEach((path, i) => {
      const c = structuredClone(base);
      let o = c;
      for (const seg of path.slice(0, -1)) o = o[seg];
      const wrong = WRONG[i % WRONG.length];
      o[path[path.length - 1]] = wrong;
      try {
        parseConfig(stringify(c), 'landing-zone.yaml', { inventory: baseInventory() as never, inventoryFile: 'landing-zone.inventory.json', baseDir: __dirname });
      } catch (e) {
        if (!(e instanceof ConfigError)) crashes.push(`${formatPath(path)} = ${JSON.stringify(wrong)}: ${String(e)}`);
        else if (!e.problems.every((p) => p.path.length > 0 || p.line !== undefined)) crashes.push(`${formatPath(path)}: a problem without path or line`);
      }
    });
    expect(crashes).toEqual([]);
  });
});

describe('problems of every stage in one run', () => {
  it('reports a misspelt key, a missing OU and a duplicated e-mail together', async () => {
    const ws = workspace(THREE_STAGES);
    const { code, output } = await runLz(['validate', ws.config]);
    expect(code).toBe(1);
    expect(output).toContain('has 3 problems:');
    expect(lineNaming(output, 'organization.homeRegoin')).toContain('did you mean "homeRegion"?');
    expect(lineNaming(output, 'accounts[3].ou')).toContain('did you mean "Workloads/Dev"?');
    expect(lineNaming(output, 'accounts[3].email')).toContain('every account needs its own email');
  });

  it('still cross-checks the rest when one account cannot be read, and says that more checks follow', async () => {
    const ws = workspace({
      name: 'one unreadable account',
      edit: (c) => {
        c.accounts[3].email = 'not-an-email';
        c.guardrails.scp[1].targets = ['Sandbx'];
      },
      where: '',
      fix: '',
    });
    const { output } = await runLz(['validate', ws.config]);
    expect(lineNaming(output, 'accounts[3].email')).toContain('is not an e-mail address');
    expect(lineNaming(output, 'guardrails.scp[1].targets[0]')).toContain('did you mean "Sandbox"?');
    expect(output).toContain('Cross-checks that involve accounts run once these are fixed; more problems may follow.');
  });

  it('says that more checks follow when the YAML itself is broken', async () => {
    const { output } = await runLz(['validate', workspace({ name: 'yaml', text: 'organization: [', where: '', fix: '' }).config]);
    expect(output).toContain('The settings themselves are checked once the file is valid YAML; more problems may follow.');
  });
});

describe('valid edge cases load', () => {
  const valid = async (c: Omit<BrokenCase, 'where' | 'fix'>) => {
    const ws = workspace({ ...c, where: '', fix: '' });
    return runLz(['validate', ws.config]);
  };

  it('a JSON config', async () => {
    const { code, output } = await valid({ name: 'json', text: JSON.stringify(parse(BASE_YAML), null, 2), configPath: 'landing-zone.json' });
    expect(output).toContain('is valid');
    expect(code).toBe(0);
  });

  it('a file with a byte order mark and CRLF line ends', async () => {
    const { code, output } = await valid({ name: 'bom', text: `\uFEFF${BASE_YAML.replace(/\n/g, '\r\n')}` });
    expect(output).toContain('is valid');
    expect(code).toBe(0);
  });

  it('anchors, aliases and merge keys used correctly', async () => {
    const text = BASE_YAML.replace('  - { name: shop-dev, email: aws+shop-dev@acme.example, ou: Workloads/Dev }', '  - &dev { name: shop-dev, email: aws+shop-dev@acme.example, ou: Workloads/Dev }\n  - { <<: *dev, name: shop-qa, email: aws+shop-qa@acme.example }').replace(
      'governedRegions: [us-east-1, ap-northeast-1]',
      'governedRegions: &regions [us-east-1, ap-northeast-1]',
    ) + 'x-unused: null\n';
    const { output } = await valid({ name: 'anchors', text: text.replace('x-unused: null\n', '') });
    expect(output).toContain('is valid: 5 accounts');
  });

  it('a custom SCP larger than one document, packed into several', async () => {
    const statements = Array.from({ length: 40 }, (_, i) => ({ Sid: `Deny${i}`, Effect: 'Deny', Action: ['ec2:RunInstances', 'ec2:StartInstances'], Resource: `arn:aws:ec2:*:*:instance/i-${String(i).padStart(17, '0')}`, Condition: { StringNotEquals: { 'aws:PrincipalTag/Team': `team-${i}` } } }));
    const text = JSON.stringify({ Version: '2012-10-17', Statement: statements });
    expect(text.length).toBeGreaterThan(5120);
    const { code, output } = await valid({ name: 'large scp', files: { 'policies/deny-big.json': text } });
    expect(output).toContain('is valid');
    expect(code).toBe(0);
  });

  it('OU names with spaces, "&", parentheses and other scripts', async () => {
    const { code, output } = await valid({ name: 'ou names', edit: (c) => { c.organizationalUnits.push('R&D (Japan)/Team #1', '開発'); c.accounts[3].ou = 'R&D (Japan)/Team #1'; } });
    expect(output).toContain('is valid');
    expect(code).toBe(0);
  });

  it("a new config beside another organization's inventory (the example's) works on the first try", async () => {
    const theirs = JSON.stringify({ version: 1, organization: { name: 'example', managementAccountId: '999999999999' }, accounts: { 'other-account': { state: 'active', email: 'x@example.com' }, 'old-poc': { state: 'closed', email: 'aws+shop-dev@acme.example' } } });
    const { code, output } = await valid({ name: 'foreign inventory', inventory: theirs });
    expect(output).toContain('is valid');
    expect(output).toContain('was written for another organization (example, management account 999999999999); it is not this landing zone\'s history');
    expect(code).toBe(0);
  });

  it('a closed account adopted again by its recorded id (reopened by AWS Support)', async () => {
    const { code, output } = await valid({ name: 'reopened', edit: (c) => { c.closedAccounts = []; c.accounts.push({ name: 'old-poc', email: 'aws+poc@acme.example', ou: 'Sandbox', id: '555555555555' }); } });
    expect(output).toContain('is valid');
    expect(code).toBe(0);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatValidation, validateFile } from '../../../cli/commands/validate';
import { expectedStacks, formatSynthSummary } from '../../../cli/commands/synth';
import { configFrom, MINIMAL_YAML } from '../../harness/config';
import { parse } from 'yaml';

describe('validateFile / formatValidation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lz-validate-'));

  it('reports a valid file with a one-line summary', () => {
    writeFileSync(join(dir, 'ok.yaml'), MINIMAL_YAML);
    const report = validateFile(join(dir, 'ok.yaml'));
    expect(report).toMatchObject({ valid: true, problems: [], summary: { accounts: 4, organizationalUnits: 4, backend: 'local' } });
    expect(formatValidation(report)).toBe(`${join(dir, 'ok.yaml')} is valid: 4 accounts, 4 OUs, governed regions us-east-1, ap-northeast-1, local state.`);
  });

  it('fails a config with duplicate e-mails, listing each problem with its path and line', () => {
    writeFileSync(join(dir, 'dup.yaml'), MINIMAL_YAML.replace('aws+shop-dev@acme.example', 'aws+shop-prod@acme.example'));
    const report = validateFile(join(dir, 'dup.yaml'));
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ path: 'accounts[3].email', line: 12, message: expect.stringContaining('is already used by accounts[2] (shop-prod)') })]);
    expect(formatValidation(report)).toMatch(/^.*dup\.yaml has 1 problem:\n {2}accounts\[3\]\.email \(line 12\): "aws\+shop-prod@acme\.example" is already used/);
  });
});

describe('formatSynthSummary / expectedStacks', () => {
  it('prints a column per count, the total, the folder and the time', () => {
    const text = formatSynthSummary(
      [
        { id: 'management', resources: 36, dataSources: 2 },
        { id: 'workload-shop-prod', resources: 17, dataSources: 1 },
      ],
      'landing-zone.yaml',
      '/repo/cdktf.out',
      1.234,
    );
    expect(text.split('\n')).toEqual([
      '  stack               resources  data sources',
      '  management                 36             2',
      '  workload-shop-prod         17             1',
      'Synthesized 2 stacks (53 resources) from landing-zone.yaml into /repo/cdktf.out in 1.2 s',
    ]);
  });

  it('counts the bootstrap stack only with S3 state and bootstrap on', () => {
    const base = parse(MINIMAL_YAML);
    expect(expectedStacks(configFrom(base))).toBe(6);
    expect(expectedStacks(configFrom({ ...base, state: { backend: 's3', bucket: 'acme-tfstate-111111111111' } }))).toBe(7);
    expect(expectedStacks(configFrom({ ...base, state: { backend: 's3', bucket: 'acme-tfstate-111111111111', bootstrap: false } }))).toBe(6);
  });
});

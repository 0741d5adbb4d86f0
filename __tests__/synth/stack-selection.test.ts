import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from '../../lib/cdktf';
import { synthesize } from '../../synth/synth';
import { StackSelectionError, globToRegExp, parseStackPatterns, selectStackIds } from '../../synth/stack-selection';
import { buildLandingZone, landingZoneStackIds } from '../../stacks/landing-zone';
import type { LandingZoneConfig } from '../../config/schema';
import { EXAMPLES, exampleConfig } from '../harness/config';

// Several synths per test; the machines running the suite are shared and can be slow.
jest.setTimeout(180_000);

interface Manifest {
  stacks: Record<string, { dependencies: string[] }>;
}

const read = (outdir: string, id: string) => JSON.parse(readFileSync(join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8'));
const manifestOf = (outdir: string): Manifest => JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));

describe('stack selection', () => {
  let config: LandingZoneConfig;
  let scratch: string;
  let full: string;
  const synthInto = (name: string, stacks?: string[]) => {
    const outdir = join(scratch, name);
    synthesize({ config, outdir, stacks });
    return outdir;
  };

  beforeAll(() => {
    config = exampleConfig('enterprise');
    scratch = mkdtempSync(join(tmpdir(), 'lz-select-'));
    full = synthInto('full');
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  describe('one workload glob', () => {
    let outdir: string;
    beforeAll(() => {
      outdir = synthInto('payments', ['workload-payments-*']);
    });

    it('writes each selected stack exactly as a full synth does', () => {
      // payments-dev reads its created account id from the management stack's state; payments-prod is adopted.
      expect(read(outdir, 'workload-payments-dev').data.terraform_remote_state).toBeDefined();
      for (const id of ['workload-payments-prod', 'workload-payments-dev']) expect(read(outdir, id)).toEqual(read(full, id));
    });

    it('writes and lists only the selected stacks, with the stacks they reference as dependencies', () => {
      expect(readdirSync(join(outdir, 'stacks')).sort()).toEqual(['workload-payments-dev', 'workload-payments-prod']);
      const manifest = manifestOf(outdir);
      expect(Object.keys(manifest.stacks).sort()).toEqual(['workload-payments-dev', 'workload-payments-prod']);
      expect(manifest.stacks['workload-payments-dev'].dependencies).toEqual(manifestOf(full).stacks['workload-payments-dev'].dependencies);
      expect(manifest.stacks['workload-payments-dev'].dependencies).toEqual(expect.arrayContaining(['management', 'security']));
    });
  });

  it('writes core stacks identical to a full synth, whatever else is selected', () => {
    const outdir = synthInto('core', ['security', 'log-archive', 'management', 'workload-web-prod']);
    expect(Object.keys(manifestOf(outdir).stacks).sort()).toEqual(['log-archive', 'management', 'security', 'workload-web-prod']);
    for (const id of ['management', 'log-archive', 'security', 'workload-web-prod']) expect(read(outdir, id)).toEqual(read(full, id));
  });

  it('builds the selected workload stacks and none of the others', () => {
    const selected = new Set(['workload-network']);
    const stacks = buildLandingZone(Testing.app(), config, { includeWorkload: (id) => selected.has(id) });
    expect([...stacks.workloads.keys()]).toEqual(['network']);
    expect(stacks.management.accounts.get('web-prod').id).toBeDefined();
  });

  it('lists every stack id of the config, core stacks first, without building', () => {
    expect([...landingZoneStackIds(config)].sort()).toEqual(Object.keys(manifestOf(full).stacks).sort());
    expect(landingZoneStackIds(config).slice(0, 5)).toEqual(['bootstrap', 'management', 'log-archive', 'management-baseline', 'security']);
  });

  it('fails for a pattern that matches no stack, naming similar ids, and leaves the output folder as it was', () => {
    const outdir = synthInto('kept', ['workload-network']);
    expect(() => synthesize({ config, outdir, stacks: ['workload-paymnts-prod', 'workload-network'] })).toThrow(StackSelectionError);
    expect(() => synthesize({ config, outdir, stacks: ['workload-paymnts-prod'] })).toThrow(
      '"workload-paymnts-prod" matches no stack; similar ids: workload-payments-prod',
    );
    expect(readdirSync(join(outdir, 'stacks'))).toEqual(['workload-network']);
    expect(existsSync(join(outdir, 'manifest.json'))).toBe(true);
  });
});

describe.each(EXAMPLES)('every stack of examples/%s.yaml selected alone', (example) => {
  let config: LandingZoneConfig;
  let scratch: string;
  let full: string;
  beforeAll(() => {
    config = exampleConfig(example);
    scratch = mkdtempSync(join(tmpdir(), 'lz-alone-'));
    full = synthesize({ config, outdir: join(scratch, 'full') }).outdir;
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('is byte-identical to the full synth, management with every output the other stacks read', () => {
    const ids = landingZoneStackIds(config);
    for (const id of ids) {
      const outdir = synthesize({ config, outdir: join(scratch, id), stacks: [id] }).outdir;
      expect(readdirSync(join(outdir, 'stacks'))).toEqual([id]);
      expect([id, readFileSync(join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8')]).toEqual([id, readFileSync(join(full, 'stacks', id, 'cdk.tf.json'), 'utf8')]);
      expect(manifestOf(outdir).stacks[id]).toEqual(manifestOf(full).stacks[id]);
    }
    // Management exports the id of every account the landing zone creates, whichever stacks were built with it.
    const outputs = Object.keys(read(join(scratch, 'management'), 'management').output ?? {});
    const created = config.accounts.filter((a) => !a.id);
    expect(outputs.filter((o) => o.startsWith('cross-stack-output-aws_organizations_account'))).toHaveLength(created.length);
  });
});

describe('selectStackIds', () => {
  const ids = ['management', 'log-archive', 'security', 'workload-shop-prod', 'workload-shop-dev', 'workload-web-prod'];

  it('matches ids and globs, keeping the order of the ids', () => {
    expect(selectStackIds(['workload-shop-*', 'management'], ids)).toEqual(['management', 'workload-shop-prod', 'workload-shop-dev']);
    expect(selectStackIds(['workload-*-prod'], ids)).toEqual(['workload-shop-prod', 'workload-web-prod']);
    expect(selectStackIds(['securit?'], ids)).toEqual(['security']);
  });

  it('matches whole ids only and treats other characters literally', () => {
    expect(globToRegExp('workload-shop').test('workload-shop-prod')).toBe(false);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });

  it('fails for every pattern that matches nothing, listing similar ids', () => {
    expect(() => selectStackIds(['workload-shop-qa', 'workload-*', 'sec'], ids)).toThrow(
      /2 stack patterns match nothing:\n {2}"workload-shop-qa" matches no stack; similar ids: workload-shop-dev, workload-shop-prod\n {2}"sec" matches no stack/,
    );
  });

  it('fails for an empty selection', () => {
    expect(() => selectStackIds(parseStackPatterns(' , '), ids)).toThrow('no stack selected');
  });

  it('splits a comma-separated list', () => {
    expect(parseStackPatterns(' management ,workload-shop-*,')).toEqual(['management', 'workload-shop-*']);
  });
});

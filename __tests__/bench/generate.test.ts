import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseConfig } from '../../config/load';
import type { LandingZoneConfig } from '../../config/schema';
import { MAX_OU_DEPTH, allOuPaths, depth, workloadAccounts } from '../../config/model';
import { CATALOGUE_NAMES, effectiveGuardrails } from '../../policies/effective';
import { POLICY_KINDS } from '../../policies/kinds';
import { BENCH_REGIONS, generateConfig, generateFiles, unitNames } from '../../bench/generate';

/** Writes the generated files to a scratch folder and loads the config as main.ts does. */
function load(accounts: number, regions: number): LandingZoneConfig {
  const dir = mkdtempSync(join(tmpdir(), 'lz-bench-gen-'));
  try {
    for (const [path, text] of Object.entries(generateFiles({ accounts, regions }))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const file = join(dir, 'landing-zone.yaml');
    return parseConfig(readFileSync(file, 'utf8'), file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('bench/generate', () => {
  describe.each([
    [10, 2],
    [1000, 4],
  ])('%i workload accounts in %i regions', (accounts, regions) => {
    let config: LandingZoneConfig;
    beforeAll(() => {
      config = load(accounts, regions);
    });

    it('passes the loader with exactly that many workload accounts and the two core accounts', () => {
      expect(workloadAccounts(config)).toHaveLength(accounts);
      expect(config.accounts.filter((a) => a.role !== 'workload').map((a) => a.role).sort()).toEqual(['log-archive', 'security']);
    });

    it('governs that many regions, home region first', () => {
      expect(config.organization.governedRegions).toEqual(BENCH_REGIONS.slice(0, regions));
      expect(config.organization.homeRegion).toBe(BENCH_REGIONS[0]);
    });

    it('gives every account its own e-mail and name', () => {
      expect(new Set(config.accounts.map((a) => a.email)).size).toBe(config.accounts.length);
      expect(new Set(config.accounts.map((a) => a.name)).size).toBe(config.accounts.length);
    });

    it('spreads accounts over nested OUs within the nesting quota', () => {
      const paths = allOuPaths(config);
      expect(Math.max(...paths.map(depth))).toBe(4);
      expect(Math.max(...paths.map(depth))).toBeLessThanOrEqual(MAX_OU_DEPTH);
      const used = new Set(workloadAccounts(config).map((a) => a.ou));
      for (const unit of unitNames(accounts)) {
        expect(used).toContain(`Workloads/${unit}/Prod/Regulated`);
        expect(used).toContain(`Workloads/${unit}/Dev`);
      }
      expect(workloadAccounts(config).some((a) => a.state === 'suspended')).toBe(true);
      expect(workloadAccounts(config).some((a) => a.id !== undefined)).toBe(true);
    });

    it('switches on every guardrail of the catalogue', () => {
      const on = new Set(effectiveGuardrails(config).map((g) => g.policy).filter(Boolean));
      for (const kind of POLICY_KINDS) for (const name of CATALOGUE_NAMES[kind]) expect(on).toContain(name);
    });

    it('assigns Identity Center permission sets on Root and on every business unit', () => {
      const targets = config.identityCenter.assignments.flatMap((a) => a.targets);
      expect(targets).toContain('Root');
      for (const unit of unitNames(accounts)) expect(targets).toContain(`Workloads/${unit}/Dev`);
    });
  });

  it('uses one business unit per 250 accounts', () => {
    expect(unitNames(10)).toEqual(['bu-01']);
    expect(unitNames(5000)).toHaveLength(20);
  });

  it('fails for a size that is not a positive whole number', () => {
    expect(() => generateConfig({ accounts: 0 })).toThrow('accounts 0 is not a positive whole number');
  });

  it('fails for more regions than it knows', () => {
    expect(() => generateConfig({ accounts: 10, regions: 9 })).toThrow(`regions 9 is not between 1 and ${BENCH_REGIONS.length}`);
  });
});

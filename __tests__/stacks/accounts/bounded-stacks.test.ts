import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateFiles } from '../../../bench/generate';
import { loadConfigFile } from '../../../config/load';
import { DEFAULT_ACCOUNTS_PER_STACK } from '../../../config/schema';
import { synthesize } from '../../../synth/synth';

jest.setTimeout(300_000);

/** Resources per stack of the generated organization of `accounts` workload accounts (bench/generate.ts), workload stacks left out. */
function stackSizes(accounts: number): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'lz-bounded-'));
  try {
    for (const [path, text] of Object.entries(generateFiles({ accounts, regions: 3 }))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const { config } = loadConfigFile(join(dir, 'landing-zone.yaml'));
    const { stacks } = synthesize({ config, outdir: join(dir, 'cdktf.out'), stacks: ['management', 'log-archive', 'management-baseline', 'security', 'accounts-*'] });
    return Object.fromEntries(stacks.map((s) => [s.id, s.resources]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * No stack grows with the organization (docs/performance.md, "Account stacks"): from 700 to 1,400 workload accounts
 * (every guardrail, Identity Center on Root and OUs, Detective, Inspector and Macie in 3 regions) the largest stack
 * keeps its size, and only the number of account stacks grows. An account stack is full at accountsPerStack
 * accounts, so this is also its size at 10,000 (bench/run.ts measures that: docs/performance.md).
 */
describe('stack sizes as the organization grows', () => {
  let small: Record<string, number>;
  let large: Record<string, number>;
  beforeAll(() => {
    small = stackSizes(700);
    large = stackSizes(1400);
  });

  it('grows the management, security and other core stacks by fewer than 3 resources per 100 accounts added (they grow with OUs and groups, one business unit per 250 accounts, not with accounts)', () => {
    for (const id of ['management', 'security', 'log-archive', 'management-baseline']) {
      expect({ id, growth: (large[id] - small[id]) / (1400 - 700) < 0.03 }).toEqual({ id, growth: true });
    }
    // The management stack holds the core accounts only: the organization outgrew it.
    expect(small.management).toBeLessThan(150);
  });

  it(`fills account stacks of ${DEFAULT_ACCOUNTS_PER_STACK} accounts, each under 2,500 resources, and adds stacks, not resources, as it grows`, () => {
    const accountStacks = (sizes: Record<string, number>) => Object.keys(sizes).filter((id) => id.startsWith('accounts-'));
    expect(accountStacks(small)).toHaveLength(Math.ceil(700 / DEFAULT_ACCOUNTS_PER_STACK));
    expect(accountStacks(large)).toHaveLength(Math.ceil(1400 / DEFAULT_ACCOUNTS_PER_STACK));
    const largest = (sizes: Record<string, number>) => Math.max(...Object.values(sizes));
    expect(largest(large)).toBeLessThan(2500);
    // Full account stacks differ only by which of their accounts have extra resources (budgets, assignments).
    expect(Math.abs(largest(large) - largest(small)) / largest(small)).toBeLessThan(0.02);
  });
});

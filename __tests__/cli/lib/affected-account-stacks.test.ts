import { affectedStacks } from '../../../cli/lib/affected';
import { synthesizeToMemory, type SynthOutput } from '../../../cli/lib/synth-output';
import { nextInventory, recordedLayoutOf } from '../../../config/inventory';
import type { LandingZoneConfig } from '../../../config/schema';
import { configFrom } from '../../harness/config';
import { shardedInput } from '../../stacks/accounts/account-stack-harness';

jest.setTimeout(180_000);

/**
 * `lz plan-order --since` with account stacks: a one-account change plans that account's account stack (and its
 * workload stack where the baseline changes), never the management or security stack or another account stack; an
 * organization-wide change plans the management stack without the account stacks.
 */
describe('affectedStacks with account stacks (examples/minimal.yaml + 6 accounts, 4 a stack)', () => {
  let base: SynthOutput;
  let baseConfig: LandingZoneConfig;
  /** The config after `edit`, with the layout the base synth's inventory records (as the loader reads it). */
  const after = (edit: (input: any) => void) => {
    const input = shardedInput();
    edit(input);
    const config = { ...configFrom(input), recordedLayout: recordedLayoutOf(nextInventory(baseConfig, undefined)) };
    return affectedStacks(base, synthesizeToMemory(config));
  };
  beforeAll(() => {
    baseConfig = configFrom(shardedInput());
    base = synthesizeToMemory(baseConfig);
  });

  it('plans the account stack with room and the new workload stack for a new account', () => {
    expect(after((c) => c.accounts.push({ name: 'app-7', email: 'aws+app-7@acme.example', ou: 'Workloads/Dev' })).affected).toEqual(['accounts-2', 'workload-app-7']);
  });

  it("plans only the account's account stack for a tag on the account", () => {
    expect(after((c) => (c.accounts.find((a: any) => a.name === 'app-3').tags = { CostCenter: '42' })).affected).toEqual(['accounts-1']);
  });

  it("plans only the account's account stack for an account moved to another OU", () => {
    expect(after((c) => (c.accounts.find((a: any) => a.name === 'app-3').ou = 'Workloads/Dev')).affected).toEqual(['accounts-1']);
  });

  it('plans only the management stack for a guardrail on Root, not the account stacks', () => {
    const result = after((c) => c.guardrails.scp.push({ policy: 'region-deny', options: { allowedRegions: ['eu-west-1'] } }));
    expect(result.affected).toEqual(['management']);
  });
});

import { makeUniqueId, TerraformOutput, type TerraformStack } from '../../lib/cdktf';
import type { LandingZoneConfig } from '../../config/schema';
import { accountLayout } from '../../config/account-stacks';
import { MANAGEMENT_STACK_ID, type OutputReader } from '../management/account-outputs';

/*
 * What an account stack reads from the management and security stacks, as explicit outputs with names computed from
 * the config: OU ids, policy ids, Identity Center group ids and permission set ARNs (management), the Detective
 * behavior graph of each region (security). An account stack builds no other stack and is synthesized in batches
 * like the workload stacks (synth/batch.ts); the management and security stacks register every output whichever
 * stacks were built with them, and only when the organization has account stacks (a small one's output is unchanged).
 */

/** What a value is. */
export type AccountStackInput = 'ou-id' | 'policy-id' | 'group-id' | 'permission-set-arn' | 'detective-graph-arn';

/** Name of the output that carries the `kind` value of `key` (an OU path, a policy construct id, a name, a region). */
export function inputOutputName(kind: AccountStackInput, key: string): string {
  return makeUniqueId([`lz-${kind}`, key]);
}

/** The stack that exports `kind`. */
export function inputSource(kind: AccountStackInput): string {
  return kind === 'detective-graph-arn' ? 'security' : MANAGEMENT_STACK_ID;
}

/** Whether the stacks must export the values account stacks read: only when the organization has account stacks. */
export function exportsAccountStackInputs(config: LandingZoneConfig): boolean {
  return accountLayout(config).accountStackIds.length > 0;
}

/** Registers the output of the `kind` value of `key` on `stack` (the management or the security stack). */
export function exportInput(stack: TerraformStack, kind: AccountStackInput, key: string, value: string): void {
  new TerraformOutput(stack, inputOutputName(kind, key), { value, description: `${kind} of ${key}, read by the account stacks (stacks/accounts/inputs.ts)` });
}

/** The `kind` value of `key` in an account stack, read from its source stack's state. */
export function readInput(stack: OutputReader, kind: AccountStackInput, key: string): string {
  return stack.outputsOf(inputSource(kind)).getString(inputOutputName(kind, key));
}

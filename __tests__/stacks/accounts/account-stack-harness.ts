import { parse } from 'yaml';
import type { LandingZoneConfig, RecordedLayout } from '../../../config/schema';
import { exampleText, configFrom } from '../../harness/config';
import type { StackJson } from '../../harness/synth';

/**
 * examples/minimal.yaml (a new organization: log-archive, security, shop-prod) with app-1 ... app-6 (Prod and Dev in
 * turn), four accounts a stack, an SCP on app-4 and app-5 themselves, and Detective, Inspector and Macie on: nine accounts
 * outgrow a stack, so the management stack holds log-archive and security, accounts-1 shop-prod and app-1 ... app-3,
 * accounts-2 app-4 ... app-6.
 */
export function shardedInput(): any {
  const input = parse(exampleText('minimal'));
  input.organizationalUnits = [...new Set([...(input.organizationalUnits ?? []), 'Workloads/Prod', 'Workloads/Dev'])];
  for (let i = 1; i <= 6; i++) input.accounts.push({ name: `app-${i}`, email: `aws+app-${i}@acme.example`, ou: i % 2 ? 'Workloads/Prod' : 'Workloads/Dev' });
  input.layout = { accountsPerStack: 4 };
  input.guardrails = { ...(input.guardrails ?? {}), scp: [...(input.guardrails?.scp ?? []), { policy: 'deny-all', targets: ['app-4', 'app-5'] }] };
  input.security = { ...(input.security ?? {}), detective: { enabled: true }, inspector: { enabled: true }, macie: { enabled: true } };
  return input;
}

export function shardedConfig(): LandingZoneConfig {
  return configFrom(shardedInput());
}

/** The same organization applied before account stacks existed: its inventory records every account in management. */
export function movingConfig(): LandingZoneConfig {
  const config = shardedConfig();
  const recordedLayout: RecordedLayout = Object.fromEntries(config.accounts.map((a) => [a.name, { stack: 'management' }]));
  return { ...config, recordedLayout };
}

/** Resources of `type` in a stack by construct path below the stack (`Account-app-2/Resource`). */
export function byPath(stack: StackJson, type: string): Record<string, Record<string, any>> {
  const out: Record<string, Record<string, any>> = {};
  for (const [name, r] of Object.entries(stack.resource?.[type] ?? {})) out[r['//'].metadata.path.split('/').slice(1).join('/')] = { ...r, address: `${type}.${name}` };
  return out;
}

/** The `removed` blocks of a stack, by address. */
export function removedAddresses(stack: StackJson): string[] {
  return ((stack.removed as Array<{ from: string; lifecycle: { destroy: boolean } }> | undefined) ?? []).map((r) => {
    if (r.lifecycle.destroy !== false) throw new Error(`${r.from}: removed block that destroys`);
    return r.from;
  });
}

/** A remote-state output read: `${data.terraform_remote_state.<stack>.outputs.<name>}`. */
export function outputRead(stack: string, output: string): string {
  return `\${data.terraform_remote_state.cross-stack-reference-input-${stack}.outputs.${output}}`;
}

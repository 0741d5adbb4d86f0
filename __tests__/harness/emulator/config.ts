import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseConfig } from '../../../config/load';
import type { LandingZoneConfig } from '../../../config/schema';
import { ROOT, exampleText } from '../config';

/** moto's account for the access key `test`: the management account of every emulator run. */
export const MOTO_ACCOUNT_ID = '123456789012';

/** What a config adopts, which must exist in the emulator before the first plan. */
export interface Adoptions {
  readonly organization: boolean;
  /** `ou`: the OU path the seed moves the account into (default: it stays under the root). */
  readonly accounts: ReadonlyArray<{ readonly name: string; readonly email: string; readonly id: string; readonly ou?: string }>;
  readonly ous: Readonly<Record<string, string>>;
  readonly groups: readonly string[];
}

/** The ids moto gave the seeded organization, accounts and OUs. */
export interface SeededIds {
  readonly organizationId?: string;
  readonly accounts: Readonly<Record<string, string>>;
  readonly ous: Readonly<Record<string, string>>;
}

/** The adopted parts of a config (as parsed YAML). */
export function adoptionsOf(input: any): Adoptions {
  const accounts = (input.accounts ?? []).filter((a: any) => a.id).map((a: any) => ({ name: a.name, email: a.email, id: String(a.id) }));
  const ous = input.organization?.ouIds ?? {};
  const organization = Boolean(input.organization?.id);
  if (!organization && (accounts.length > 0 || Object.keys(ous).length > 0)) {
    throw new Error('the emulator test seeds adopted accounts and OUs into an adopted organization; this config adopts them without organization.id');
  }
  const groups = (input.identityCenter?.groups ?? []).filter((g: any) => g.existing).map((g: any) => g.name);
  return { organization, accounts, ous, groups };
}

/**
 * Test-side edits of an example config for the emulator: the management account is moto's
 * default account, state is local (in the synthesized folder's parent), and every adopted id
 * (organization, accounts, OUs) is replaced everywhere in the config by the id moto gave it.
 * Returns the edited config as JSON text (YAML is a superset of JSON).
 */
export function emulatorConfigText(input: any, seeded: SeededIds): string {
  const edited = structuredClone(input);
  const replacements = new Map<string, string>([[String(input.organization.managementAccountId), MOTO_ACCOUNT_ID]]);
  if (input.organization?.id && seeded.organizationId) replacements.set(input.organization.id, seeded.organizationId);
  for (const account of input.accounts ?? []) {
    if (account.id) replacements.set(String(account.id), seeded.accounts[account.name]);
  }
  for (const [path, id] of Object.entries(input.organization?.ouIds ?? {})) replacements.set(String(id), seeded.ous[path]);
  edited.state = { backend: 'local', localDirectory: 'terraform-state' };
  // CI identities need remote state (lz validate refuses them with local state); the bootstrap synth
  // (bootstrapConfig, the example's own S3 settings) keeps them, and member plan roles do not depend on them.
  delete edited.ci;
  let text = JSON.stringify(edited, null, 2);
  for (const [from, to] of replacements) {
    if (!to) throw new Error(`moto gave no id for adopted ${from}`);
    text = text.split(from).join(to);
  }
  return text;
}

/** Seeds the adoptions into moto with boto3 (seed.py) and returns the ids moto gave them. */
export function seedEmulator(endpoint: string, region: string, adoptions: Adoptions): SeededIds {
  const spec = {
    endpoint,
    region,
    organization: adoptions.organization,
    accounts: adoptions.accounts.map(({ name, email, ou }) => ({ name, email, ...(ou ? { ou } : {}) })),
    ous: Object.keys(adoptions.ous),
    groups: adoptions.groups,
  };
  const r = spawnSync('python3', [join(__dirname, 'seed.py')], { input: JSON.stringify(spec), encoding: 'utf8', env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' } });
  if (r.status !== 0) throw new Error(`seeding the emulator failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as SeededIds;
}

export interface EmulatorConfigs {
  /** The example with local state and the seeded ids. */
  readonly config: LandingZoneConfig;
  /**
   * The same with the example's own state settings, when they give a bootstrap stack (S3 state):
   * the test applies that stack from this synth (it keeps local state itself), the rest from `config`.
   * @default - the example has no bootstrap stack
   */
  readonly bootstrapConfig?: LandingZoneConfig;
  readonly seeded: SeededIds;
}

/** An example's config, edited for the emulator (seeding what it adopts first). */
export function emulatorExampleConfigs(example: string, endpoint: string): EmulatorConfigs {
  const input = parse(exampleText(example));
  const seeded = seedEmulator(endpoint, input.organization.homeRegion, adoptionsOf(input));
  const file = join(ROOT, 'examples', `${example}.yaml`);
  const text = emulatorConfigText(input, seeded);
  const config = parseConfig(text, file);
  let bootstrapConfig: LandingZoneConfig | undefined;
  if (input.state?.backend === 's3' && input.state?.bootstrap !== false) {
    const edited = JSON.parse(text);
    if (input.ci) edited.ci = input.ci;
    const management = String(input.organization.managementAccountId);
    edited.state = JSON.parse(JSON.stringify(input.state).split(management).join(MOTO_ACCOUNT_ID));
    bootstrapConfig = parseConfig(JSON.stringify(edited, null, 2), file);
  }
  return { config, bootstrapConfig, seeded };
}

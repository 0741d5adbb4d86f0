import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../config/load';
import type { LandingZoneConfig } from '../../config/schema';
import { ConfigError } from '../../config/problems';

export const ROOT = join(__dirname, '..', '..');
export const EXAMPLES = ['minimal', 'enterprise'] as const;

export function exampleText(name: string): string {
  return readFileSync(join(ROOT, 'examples', `${name}.yaml`), 'utf8');
}

export function exampleConfig(name: string): LandingZoneConfig {
  return parseConfig(exampleText(name), `examples/${name}.yaml`);
}

/** A small valid config as YAML text, to be edited by failure tests. */
export const MINIMAL_YAML = `
organization:
  name: acme
  managementAccountId: "111111111111"
  homeRegion: us-east-1
  governedRegions: [us-east-1, ap-northeast-1]
organizationalUnits: [Security, Workloads/Prod, Workloads/Dev]
accounts:
  - { name: log-archive, email: aws+log@acme.example, ou: Security, role: log-archive }
  - { name: security, email: aws+sec@acme.example, ou: Security, role: security }
  - { name: shop-prod, email: aws+shop-prod@acme.example, ou: Workloads/Prod }
  - { name: shop-dev, email: aws+shop-dev@acme.example, ou: Workloads/Dev }
`;

/** MINIMAL_YAML with `edit` applied to its parsed form, checked by the loader. */
export function minimalConfig(edit: (input: any) => void = () => {}): LandingZoneConfig {
  const input = parse(MINIMAL_YAML);
  edit(input);
  return configFrom(input);
}

/** Parses a config built from a plain object (serialized as YAML-compatible JSON). */
export function configFrom(input: unknown): LandingZoneConfig {
  return parseConfig(JSON.stringify(input, null, 2), 'landing-zone.yaml');
}

/** The ConfigError message a config text produces; fails the test when it loads. */
export function problemsOf(text: string): string {
  try {
    parseConfig(text, 'landing-zone.yaml');
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected the config to have problems, but it loaded');
}

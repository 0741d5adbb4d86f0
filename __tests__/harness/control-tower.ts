import { parse, stringify } from 'yaml';
import { parseConfig } from '../../config/load';
import type { LandingZoneConfig } from '../../config/schema';
import { exampleText } from './config';

/** Ids given to the example's new accounts of registered OUs, so that they exist and Control Tower can have enrolled them. */
export const CONTROL_TOWER_ENROLLED_IDS: Readonly<Record<string, string>> = { 'web-prod': '210987654331', 'payments-dev': '210987654332', 'sandbox-alice': '210987654333' };

/**
 * The enterprise example governed by AWS Control Tower: Control Tower's home region and governed regions are the
 * landing zone's, and the Security, Workloads/Prod, Workloads/Dev and Sandbox OUs are registered. web-prod,
 * payments-dev and sandbox-alice get ids (CONTROL_TOWER_ENROLLED_IDS: they exist, an account the landing zone
 * creates is never enrolled), so log-archive, security, web-prod, payments-dev and sandbox-alice are enrolled (no
 * controlTower.enrolledAccounts: the existing accounts of the registered OUs); network (Infrastructure) and
 * payments-prod (Workloads/Prod/Regulated) are not. logging.trail asks for no data events and no CloudTrail Lake (the
 * example's ask for both), and the example's Config override of Sandbox goes (Control Tower records sandbox-alice, the
 * only account of that registered OU, so the override would change nothing: config/validate/control-tower-overrides.ts).
 * `edit` changes the parsed YAML first.
 */
export function controlTowerEnterprise(edit: (c: any) => void = () => {}): LandingZoneConfig {
  const c = parse(exampleText('enterprise'));
  c.controlTower = {
    homeRegion: 'ap-northeast-1',
    governedRegions: ['ap-northeast-1', 'ap-northeast-3', 'us-east-1'],
    registeredOus: ['Security', 'Workloads/Prod', 'Workloads/Dev', 'Sandbox'],
  };
  c.logging.trail = {};
  delete c.baseline.ouOverrides.Sandbox.config;
  for (const account of c.accounts) if (CONTROL_TOWER_ENROLLED_IDS[account.name]) account.id = CONTROL_TOWER_ENROLLED_IDS[account.name];
  edit(c);
  return parseConfig(stringify(c), 'examples/enterprise.yaml');
}

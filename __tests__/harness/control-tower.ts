import { parse, stringify } from 'yaml';
import { parseConfig } from '../../config/load';
import type { LandingZoneConfig } from '../../config/schema';
import { exampleText } from './config';

/**
 * The enterprise example governed by AWS Control Tower: Control Tower's home region and governed regions are the
 * landing zone's, and the Security, Workloads/Prod, Workloads/Dev and Sandbox OUs are registered (so log-archive,
 * security, web-prod, payments-dev and sandbox-alice are enrolled; network (Infrastructure) and payments-prod
 * (Workloads/Prod/Regulated) are not). logging.trail asks for no data events and no CloudTrail Lake (the example's
 * ask for both). `edit` changes the parsed YAML first.
 */
export function controlTowerEnterprise(edit: (c: any) => void = () => {}): LandingZoneConfig {
  const c = parse(exampleText('enterprise'));
  c.controlTower = {
    homeRegion: 'ap-northeast-1',
    governedRegions: ['ap-northeast-1', 'ap-northeast-3', 'us-east-1'],
    registeredOus: ['Security', 'Workloads/Prod', 'Workloads/Dev', 'Sandbox'],
  };
  c.logging.trail = {};
  edit(c);
  return parseConfig(stringify(c), 'examples/enterprise.yaml');
}

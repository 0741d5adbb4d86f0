import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { runConstraints, CONSTRAINTS } from '../../../checks/constraints';
import { governedRegions } from '../../../config/model';
import { parseConfig } from '../../../config/load';
import type { LandingZoneConfig } from '../../../config/schema';
import { exampleText, ROOT } from '../../harness/config';
import { synthLandingZone } from '../../harness/synth';

/*
 * Every AWS constraint on the synthesized output of both examples and of variants built from them
 * (single region, no workload account, every option on), the way `lz check` runs them.
 */

/** An example edited as parsed YAML, loaded from the examples folder (its policy and template files resolve there). */
function variant(name: 'minimal' | 'enterprise', edit: (input: any) => void = () => {}): LandingZoneConfig {
  const input = parse(exampleText(name));
  edit(input);
  return parseConfig(stringify(input), join(ROOT, 'examples', `${name}.yaml`));
}

const VARIANTS: Record<string, () => LandingZoneConfig> = {
  minimal: () => variant('minimal'),
  enterprise: () => variant('enterprise'),
  'minimal-single-region': () => variant('minimal', (c) => (c.organization.governedRegions = ['us-east-1'])),
  'enterprise-single-region': () => variant('enterprise', (c) => (c.organization.governedRegions = ['ap-northeast-1'])),
  'minimal-no-workload': () => variant('minimal', (c) => (c.accounts = c.accounts.filter((a: any) => a.role))),
  'enterprise-every-option': () =>
    variant('enterprise', (c) => {
      c.security.regions = 'all';
      c.security.macie = { enabled: true };
      c.security.inspector.resourceTypes = ['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE'];
    }),
};

const evaluated = new Map<string, ReturnType<typeof runConstraints>>();
function rowsOf(name: string) {
  if (!evaluated.has(name)) {
    const config = VARIANTS[name]();
    const { json } = synthLandingZone(config);
    evaluated.set(name, runConstraints({ stacks: json, governedRegions: governedRegions(config), managementAccountId: config.organization.managementAccountId }));
  }
  return evaluated.get(name)!;
}

describe('AWS constraints on the synthesized examples and variants', () => {
  it.each(Object.keys(VARIANTS))('%s: every constraint holds', (name) => {
    const rows = rowsOf(name);
    expect(rows).toHaveLength(CONSTRAINTS.length);
    const failing = rows.filter((r) => r.status === 'fail').map((r) => ({ id: r.id, problems: r.problems }));
    expect(failing).toEqual([]);
  }, 120_000);
});

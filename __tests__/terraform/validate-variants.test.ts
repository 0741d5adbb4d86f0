import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { exampleText, minimalConfig } from '../harness/config';
import { parseConfig } from '../../config/load';
import { terraformAvailable, validateStackDir } from '../harness/terraform';
import { synthesize } from '../../synth/synth';
import type { LandingZoneConfig } from '../../config/schema';
import { adoptedConfig } from '../stacks/baseline/adopted-config';
import { takeoverConfig } from '../stacks/takeover/takeover-config';

// Real `terraform validate` of the stacks that change with the organization's shape (management, security and
// the baselines around them) for two generated variants: a single-region organization, and every option on.
// Workload stacks are the same account baseline the two examples already validate, so they are left out here.
const haveTerraform = terraformAvailable();
const STACKS = ['management', 'log-archive', 'management-baseline', 'security'];

async function validateCore(config: LandingZoneConfig, stacks: readonly string[] = STACKS) {
  const outdir = mkdtempSync(join(tmpdir(), 'lz-validate-variant-'));
  try {
    synthesize({ config, outdir: join(outdir, 'cdktf.out'), stacks: [...stacks] });
    const results = [];
    for (const id of stacks) results.push(await validateStackDir(join(outdir, 'cdktf.out', 'stacks', id), id));
    return results;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** examples/enterprise.yaml with every optional service and setting switched on. */
function everyOptionOn(): LandingZoneConfig {
  const input = parse(exampleText('enterprise'));
  input.organization.additionalServiceAccessPrincipals = ['controltower.amazonaws.com'];
  input.logging.trail = { s3DataEvents: true, lambdaDataEvents: true, lake: { enabled: true, retentionDays: 2555 } };
  input.security.guardDuty = {
    features: ['S3_DATA_EVENTS', 'EKS_AUDIT_LOGS', 'EBS_MALWARE_PROTECTION', 'RDS_LOGIN_EVENTS', 'LAMBDA_NETWORK_LOGS', 'RUNTIME_MONITORING'],
    findingPublishingFrequency: 'ONE_HOUR',
  };
  input.security.detective = { enabled: true };
  input.security.inspector = { enabled: true, resourceTypes: ['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE'] };
  input.security.macie = { enabled: true };
  // The example's relative file references (custom policies, StackSet templates) resolve beside it.
  return parseConfig(stringify(input), 'examples/enterprise.yaml');
}

(haveTerraform ? describe : describe.skip)('terraform validate: generated variants', () => {
  it('passes for a single-region organization with every security service on', async () => {
    const config = minimalConfig((c) => {
      c.organization.governedRegions = ['us-east-1'];
      c.security = { detective: { enabled: true }, inspector: { enabled: true }, macie: { enabled: true } };
    });
    const results = await validateCore(config);
    expect(results.map((r) => r.stack)).toEqual(STACKS);
    expect(results.filter((r) => !r.valid)).toEqual([]);
  }, 600_000);

  it('passes with every option on (enterprise example plus Macie, Lambda data events, all GuardDuty plans and Inspector types)', async () => {
    const results = await validateCore(everyOptionOn());
    expect(results.filter((r) => !r.valid)).toEqual([]);
  }, 600_000);

  it('passes with every adopt field set in the management account and a workload account (the import blocks validate)', async () => {
    const stacks = [...STACKS, 'workload-shop-prod'];
    const results = await validateCore(adoptedConfig(), stacks);
    expect(results.map((r) => r.stack)).toEqual(stacks);
    expect(results.filter((r) => !r.valid)).toEqual([]);
  }, 600_000);
});

(haveTerraform ? describe : describe.skip)('terraform validate: Control Tower mode', () => {
  /** The enterprise example governed by Control Tower, with `trail` as logging.trail. */
  function governedByControlTower(trail: object): LandingZoneConfig {
    const input = parse(exampleText('enterprise'));
    input.controlTower = {
      homeRegion: 'ap-northeast-1',
      governedRegions: ['ap-northeast-1', 'ap-northeast-3', 'us-east-1'],
      registeredOus: ['Security', 'Workloads/Prod', 'Workloads/Dev', 'Sandbox'],
    };
    input.logging.trail = trail;
    return parseConfig(stringify(input), 'examples/enterprise.yaml');
  }

  it('passes for the security stack when Control Tower runs the only trail (the removed block of the landing zone\'s trail)', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'lz-validate-control-tower-'));
    try {
      synthesize({ config: governedByControlTower({}), outdir: join(outdir, 'cdktf.out'), stacks: ['security'] });
      const result = await validateStackDir(join(outdir, 'cdktf.out', 'stacks', 'security'), 'security');
      expect(result.valid).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 600_000);

  it('passes for the enterprise example governed by Control Tower (its trail; a data-events trail of the landing zone\'s; the execution role in enrolled accounts)', async () => {
    const config = governedByControlTower({ s3DataEvents: true, lake: { enabled: true, retentionDays: 2555 } });
    const stacks = [...STACKS, 'workload-web-prod'];
    const outdir = mkdtempSync(join(tmpdir(), 'lz-validate-control-tower-'));
    try {
      synthesize({ config, outdir: join(outdir, 'cdktf.out'), stacks });
      const results = [];
      for (const id of stacks) results.push(await validateStackDir(join(outdir, 'cdktf.out', 'stacks', id), id));
      expect(results.map((r) => r.stack)).toEqual(stacks);
      expect(results.filter((r) => !r.valid)).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 600_000);

  it('passes for a takeover (issue 20): adopted policy and attachments, delegated administrators imported, enable-policy-type for a type the provider cannot write, a trail taken over', async () => {
    const config = takeoverConfig((c) => {
      c.organization.additionalPolicyTypes.push('SECURITYHUB_POLICY');
      c.organization.adopt.trails[0].takeOver = true;
      c.guardrails.declarative = [{ policy: 'ec2-block-public-access', targets: ['Workloads/Dev'], options: { vpcBlockPublicAccess: 'block_ingress' } }];
    });
    const results = await validateCore(config, ['management', 'security', 'workload-shop-prod']);
    expect(results.filter((r) => !r.valid)).toEqual([]);
  }, 600_000);
});

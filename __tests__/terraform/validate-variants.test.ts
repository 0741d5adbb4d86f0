import { parse, stringify } from 'yaml';
import { exampleText, minimalConfig } from '../harness/config';
import { parseConfig } from '../../config/load';
import { terraformAvailable, validateConfigs, type ValidateResult } from '../harness/terraform';
import type { LandingZoneConfig } from '../../config/schema';
import { adoptedConfig } from '../stacks/baseline/adopted-config';
import { takeoverConfig } from '../stacks/takeover/takeover-config';

// Real `terraform validate` of the stacks that change with the organization's shape (management, security and
// the baselines around them) for generated variants. Workload stacks are the same account baseline the two
// examples already validate, so only one of them is here, where a variant changes it. Every variant is
// synthesized first and all their stacks validate in one Terraform process (harness/stack-bundle.ts).
const haveTerraform = terraformAvailable();
const STACKS = ['management', 'log-archive', 'management-baseline', 'security'];

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

interface Variant {
  readonly name: string;
  readonly config: () => LandingZoneConfig;
  readonly stacks: readonly string[];
}

const VARIANTS: readonly Variant[] = [
  {
    name: 'a single-region organization with every security service on',
    config: () =>
      minimalConfig((c) => {
        c.organization.governedRegions = ['us-east-1'];
        c.security = { detective: { enabled: true }, inspector: { enabled: true }, macie: { enabled: true } };
      }),
    stacks: STACKS,
  },
  {
    name: 'every option on (enterprise example plus Macie, Lambda data events, all GuardDuty plans and Inspector types)',
    config: everyOptionOn,
    stacks: STACKS,
  },
  {
    name: 'every adopt field set in the management account and a workload account (the import blocks validate)',
    config: adoptedConfig,
    stacks: [...STACKS, 'workload-shop-prod'],
  },
  {
    name: "Control Tower running the only trail (the removed block of the landing zone's trail)",
    config: () => governedByControlTower({}),
    stacks: ['security'],
  },
  {
    name: "the enterprise example governed by Control Tower (its trail; a data-events trail of the landing zone's; the execution role in enrolled accounts)",
    config: () => governedByControlTower({ s3DataEvents: true, lake: { enabled: true, retentionDays: 2555 } }),
    stacks: [...STACKS, 'workload-web-prod'],
  },
  {
    name: 'a takeover (issue 20): adopted policy and attachments, delegated administrators imported, enable-policy-type for a type the provider cannot write, a trail taken over',
    config: () =>
      takeoverConfig((c) => {
        c.organization.additionalPolicyTypes.push('SECURITYHUB_POLICY');
        c.organization.adopt.trails[0].takeOver = true;
        c.guardrails.declarative = [{ policy: 'ec2-block-public-access', targets: ['Workloads/Dev'], options: { vpcBlockPublicAccess: 'block_ingress' } }];
      }),
    stacks: ['management', 'security', 'workload-shop-prod'],
  },
];

(haveTerraform ? describe : describe.skip)('terraform validate: generated variants', () => {
  let results: ValidateResult[][];
  beforeAll(async () => {
    results = await validateConfigs(VARIANTS.map((v) => ({ config: v.config(), stacks: v.stacks })));
  }, 900_000);

  it.each(VARIANTS.map((v, i) => [v.name, i] as const))('passes for %s', (_name, i) => {
    expect(results[i].map((r) => r.stack)).toEqual(VARIANTS[i].stacks);
    expect(results[i].filter((r) => !r.valid)).toEqual([]);
  });
});

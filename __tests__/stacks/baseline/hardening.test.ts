import { minimalConfig } from '../../harness/config';
import { resourcesOf, synthLandingZone } from '../../harness/synth';

// One owner per setting: where the EC2 declarative policy declares instance_metadata_defaults for an
// account, AWS refuses the account's own IMDS defaults (ModifyInstanceMetadataDefaults), so the baseline
// must not create aws_ec2_instance_metadata_defaults there; everywhere else it does.
const BASELINE_STACKS = ['workload-shop-prod', 'log-archive', 'security', 'management-baseline'] as const;
const GOVERNED = 2;

function imdsPerStack(declarative?: unknown[]): Record<string, number> {
  const config = minimalConfig((input) => {
    if (declarative) input.guardrails = { ...input.guardrails, declarative };
  });
  const lz = synthLandingZone(config);
  return Object.fromEntries(BASELINE_STACKS.map((id) => [id, Object.keys(resourcesOf(lz.stack(id), 'aws_ec2_instance_metadata_defaults')).length]));
}

describe('account baseline vs. the EC2 declarative policy (instance metadata defaults)', () => {
  it('sets no IMDS defaults in any account, the management account included, while the policy sits at Root', () => {
    expect(imdsPerStack()).toEqual({ 'workload-shop-prod': 0, 'log-archive': 0, security: 0, 'management-baseline': 0 });
  });

  it('sets them in every governed region of the accounts the policy does not reach when it targets one OU', () => {
    expect(imdsPerStack([{ policy: 'ec2-block-public-access', targets: ['Workloads'] }])).toEqual({
      'workload-shop-prod': 0,
      'log-archive': GOVERNED,
      security: GOVERNED,
      'management-baseline': GOVERNED,
    });
  });

  it('sets them everywhere when the policy leaves IMDS to the baseline (imdsv2Required: false), with the baseline values', () => {
    const config = minimalConfig((input) => {
      input.guardrails = { ...input.guardrails, declarative: [{ policy: 'ec2-block-public-access', options: { imdsv2Required: false } }] };
      input.baseline = { ...input.baseline, instanceMetadata: { hopLimit: 3 } };
    });
    const lz = synthLandingZone(config);
    for (const id of BASELINE_STACKS) {
      const imds = Object.values(resourcesOf(lz.stack(id), 'aws_ec2_instance_metadata_defaults'));
      expect([id, imds.length]).toEqual([id, GOVERNED]);
      for (const r of imds) expect(r).toMatchObject({ http_tokens: 'required', http_put_response_hop_limit: 3 });
    }
  });

  it('sets them everywhere when the declarative guardrails are off', () => {
    const config = minimalConfig((input) => (input.guardrails = { ...input.guardrails, declarative: [{ policy: 'ec2-block-public-access', enabled: false }] }));
    const lz = synthLandingZone(config);
    for (const id of BASELINE_STACKS) expect([id, Object.keys(resourcesOf(lz.stack(id), 'aws_ec2_instance_metadata_defaults')).length]).toEqual([id, GOVERNED]);
  });
});

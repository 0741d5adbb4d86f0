import { parse } from 'yaml';
import { MINIMAL_YAML, minimalConfig, problemsOf } from '../../harness/config';

/** Problems of the minimal example with `edit` applied, without line numbers (the JSON text is one line). */
function problems(edit: (input: any) => void): string {
  const input = parse(MINIMAL_YAML);
  edit(input);
  return problemsOf(JSON.stringify(input)).replace(/ \(line \d+\)/g, '');
}

describe('baseline instanceMetadata vs. the EC2 declarative policy', () => {
  it('fails an OU override and an account override of instanceMetadata that the Root policy makes ineffective, naming the policy and the fix', () => {
    const message = problems((input) => {
      input.baseline = { ouOverrides: { 'Workloads/Prod': { instanceMetadata: { hopLimit: 3 } } } };
      input.accounts[3].baseline = { instanceMetadata: { httpTokens: 'optional' } };
    });
    expect(message).toContain(
      'baseline.ouOverrides.Workloads/Prod.instanceMetadata: has no effect: the EC2 declarative policy "ec2-block-public-access" declares instance_metadata_defaults there and AWS refuses account IMDS defaults; remove this override, or set options.imdsv2Required: false on ec2-block-public-access (or leave IMDS out of the custom policy) so the baseline owns IMDS',
    );
    expect(message).toContain('accounts[3].baseline.instanceMetadata: has no effect on account "shop-dev": the EC2 declarative policy "ec2-block-public-access" declares');
  });

  it('accepts them where the policy does not reach, or leaves IMDS to the baseline', () => {
    expect(() =>
      minimalConfig((input) => {
        input.guardrails = { declarative: [{ policy: 'ec2-block-public-access', targets: ['Security'] }] };
        input.baseline = { ouOverrides: { 'Workloads/Prod': { instanceMetadata: { hopLimit: 3 } } } };
      }),
    ).not.toThrow();
    expect(() =>
      minimalConfig((input) => {
        input.guardrails = { declarative: [{ policy: 'ec2-block-public-access', options: { imdsv2Required: false } }] };
        input.accounts[3].baseline = { instanceMetadata: { hopLimit: 3 } };
      }),
    ).not.toThrow();
  });
});

import { minimalConfig } from '../../harness/config';
import { declaredEc2Attributes } from '../../../policies/declarative/ec2-attributes';

/** The minimal example plus a Sandbox account and a nested OU, so Root, parent-OU, OU and account targets all differ. */
function config(declarative: unknown[] | undefined, extra: (input: any) => void = () => {}) {
  return minimalConfig((input) => {
    input.organizationalUnits = [...new Set([...input.organizationalUnits, 'Sandbox', 'Workloads/Prod/Regulated'])];
    input.accounts.push(
      { name: 'sandbox-1', email: 'aws+sb1@acme.example', ou: 'Sandbox' },
      { name: 'bank', email: 'aws+bank@acme.example', ou: 'Workloads/Prod/Regulated' },
    );
    if (declarative) input.guardrails = { ...input.guardrails, declarative };
    extra(input);
  });
}

describe('declaredEc2Attributes', () => {
  it('covers every account and the management account when the default policy sits at Root', () => {
    const c = config(undefined);
    for (const account of ['shop-prod', 'sandbox-1', 'bank', 'log-archive']) {
      expect([account, declaredEc2Attributes(c, account).has('instance_metadata_defaults')]).toEqual([account, true]);
    }
    expect(declaredEc2Attributes(c).has('instance_metadata_defaults')).toBe(true);
    expect([...declaredEc2Attributes(c, 'shop-prod')].sort()).toEqual([
      'image_block_public_access',
      'instance_metadata_defaults',
      'snapshot_block_public_access',
      'vpc_block_public_access',
    ]);
  });

  it('covers only the accounts below a targeted OU (children included), and not the management account', () => {
    const c = config([{ policy: 'ec2-block-public-access', targets: ['Workloads'] }]);
    expect(declaredEc2Attributes(c, 'shop-prod').has('instance_metadata_defaults')).toBe(true);
    expect(declaredEc2Attributes(c, 'bank').has('instance_metadata_defaults')).toBe(true);
    expect(declaredEc2Attributes(c, 'sandbox-1').size).toBe(0);
    expect(declaredEc2Attributes(c, 'log-archive').size).toBe(0);
    expect(declaredEc2Attributes(c).size).toBe(0);
  });

  it('covers an account targeted by name', () => {
    const c = config([{ policy: 'ec2-block-public-access', targets: ['sandbox-1'] }]);
    expect(declaredEc2Attributes(c, 'sandbox-1').has('instance_metadata_defaults')).toBe(true);
    expect(declaredEc2Attributes(c, 'shop-prod').size).toBe(0);
  });

  it('leaves IMDS out where the catalogue policy has imdsv2Required: false', () => {
    const c = config([{ policy: 'ec2-block-public-access', options: { imdsv2Required: false } }]);
    expect(declaredEc2Attributes(c, 'shop-prod').has('instance_metadata_defaults')).toBe(false);
    expect(declaredEc2Attributes(c, 'shop-prod').has('vpc_block_public_access')).toBe(true);
  });

  it('reads the attributes of a custom declarative document, wherever it is attached', () => {
    const c = config([{ policy: 'ec2-block-public-access', options: { imdsv2Required: false } }], (input) => {
      input.guardrails.declarative.push({
        name: 'imds-regulated',
        document: { ec2_attributes: { exception_message: { '@@assign': 'no' }, instance_metadata_defaults: { http_tokens: { '@@assign': 'required' } } } },
        targets: ['Workloads/Prod/Regulated'],
      });
    });
    expect(declaredEc2Attributes(c, 'bank').has('instance_metadata_defaults')).toBe(true);
    expect(declaredEc2Attributes(c, 'shop-prod').has('instance_metadata_defaults')).toBe(false);
    expect(declaredEc2Attributes(c, 'bank').has('exception_message')).toBe(false);
  });

  it('declares nothing when the guardrails are off', () => {
    const c = config(undefined, (input) => (input.guardrails = { enabled: false }));
    expect(declaredEc2Attributes(c, 'shop-prod').size).toBe(0);
    expect(declaredEc2Attributes(c).size).toBe(0);
  });
});

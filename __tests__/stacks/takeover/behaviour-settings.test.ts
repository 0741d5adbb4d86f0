import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';
import { minimalConfig, problemsOf } from '../../harness/config';
import { explainBaseline } from '../../../config/effective-baseline';
import { planGuardrails } from '../../../policies/plan';
import { takeoverConfig, takeoverInput } from './takeover-config';

// Nothing organization-wide changes by default on an adopted organization (organization.id): the settings that change
// what existing accounts do (config/takeover.ts) apply only where the config writes them. A new organization keeps
// the secure defaults.

const policyNames = (json: StackJson) => Object.values(resourcesOf(json, 'aws_organizations_policy')).map((p) => p.name as string);
const count = (json: StackJson, type: string) => Object.keys(resourcesOf(json, type)).length;
const GATED = ['region-deny', 'deny-iam-user-access-keys', 'org-principals-only', 'https-only', 'ec2-block-public-access'];

describe('takeover: behaviour settings', () => {
  const lz = synthLandingZone(takeoverConfig());

  it('attaches none of the gated guardrails by default, and enables no RCP or declarative policy type for them', () => {
    const management = lz.stack('management');
    expect(policyNames(management).filter((n) => GATED.includes(n))).toEqual([]);
    expect(policyNames(management).sort()).toEqual(['deny-leave-organization', 'deny-root-user', 'protect-log-archive', 'protect-security-services']);
    const org = Object.values(resourcesOf(management, 'aws_organizations_organization'))[0];
    expect(org.enabled_policy_types).not.toContain('RESOURCE_CONTROL_POLICY');
    expect(org.enabled_policy_types).not.toContain('DECLARATIVE_POLICY_EC2');
  });

  it('keeps the greenfield defaults on a new organization', () => {
    // At Root the greenfield SCPs are packed (lz-scp-Root-*): what each document carries says which guardrails it holds.
    const carried = planGuardrails(minimalConfig()).policies.flatMap((p) => p.carries);
    for (const name of GATED) expect(carried).toContain(name);
  });

  it('applies a gated guardrail the config lists', () => {
    const listed = synthLandingZone(takeoverConfig((c) => (c.guardrails.rcp = [{ policy: 'https-only' }]))).stack('management');
    expect(policyNames(listed)).toContain('https-only');
    expect(policyNames(listed)).not.toContain('org-principals-only');
  });

  it('declares in the EC2 policy only the settings the config writes', () => {
    const json = synthLandingZone(takeoverConfig((c) => (c.guardrails.declarative = [{ policy: 'ec2-block-public-access', targets: ['Workloads/Dev'], options: { vpcBlockPublicAccess: 'block_ingress' } }]))).stack(
      'management',
    );
    const ec2 = Object.values(resourcesOf(json, 'aws_organizations_policy')).find((p) => p.name === 'ec2-block-public-access')!;
    const attributes = JSON.parse(ec2.content).ec2_attributes;
    expect(Object.keys(attributes).sort()).toEqual(['exception_message', 'vpc_block_public_access']);
    expect(attributes.vpc_block_public_access.internet_gateway_block.mode).toEqual({ '@@assign': 'block_ingress' });
  });

  it('refuses an EC2 policy that would declare nothing on an adopted organization, naming the options', () => {
    const input = takeoverInput();
    input.guardrails.declarative = [{ policy: 'ec2-block-public-access' }];
    expect(problemsOf(JSON.stringify(input))).toContain(
      'guardrails.declarative[0] (line 1): declares nothing on this adopted organization: each EC2 setting applies only where its option is written',
    );
  });

  it('leaves the account IMDS defaults and S3 public access block of existing accounts alone, and sets them in a new account', () => {
    for (const id of ['workload-shop-prod', 'security', 'log-archive', 'management-baseline']) {
      expect([id, count(lz.stack(id), 'aws_s3_account_public_access_block'), count(lz.stack(id), 'aws_ec2_instance_metadata_defaults')]).toEqual([id, 0, 0]);
    }
    const created = lz.stack('workload-shop-dev');
    expect([count(created, 'aws_s3_account_public_access_block'), count(created, 'aws_ec2_instance_metadata_defaults')]).toEqual([1, 2]);
  });

  it('sets them in existing accounts where the config writes them, at any layer', () => {
    const written = synthLandingZone(
      takeoverConfig((c) => {
        c.baseline = { s3BlockPublicAccess: true, ouOverrides: { 'Workloads/Prod': { instanceMetadata: { httpTokens: 'required' } } } };
      }),
    );
    const prod = written.stack('workload-shop-prod');
    expect([count(prod, 'aws_s3_account_public_access_block'), count(prod, 'aws_ec2_instance_metadata_defaults')]).toEqual([1, 2]);
    expect(Object.values(resourcesOf(prod, 'aws_ec2_instance_metadata_defaults')).map((d) => [d.http_tokens, d.http_put_response_hop_limit])).toEqual([
      ['required', 2],
      ['required', 2],
    ]);
    const security = written.stack('security');
    expect([count(security, 'aws_s3_account_public_access_block'), count(security, 'aws_ec2_instance_metadata_defaults')]).toEqual([1, 0]);
  });

  it('sets no IMDS defaults where an existing declarative policy declares them (AWS refuses an account\'s own there)', () => {
    const governed = synthLandingZone(
      takeoverConfig((c) => {
        c.guardrails.existing.push({ id: 'p-ec2decl0001', name: 'corp-ec2', type: 'DECLARATIVE_POLICY_EC2', targets: ['Workloads'], ec2Attributes: ['instance_metadata_defaults'] });
        c.organization.additionalPolicyTypes.push('DECLARATIVE_POLICY_EC2');
      }),
    );
    const created = governed.stack('workload-shop-dev');
    expect([count(created, 'aws_s3_account_public_access_block'), count(created, 'aws_ec2_instance_metadata_defaults')]).toEqual([1, 0]);
  });

  it('says in lz explain-baseline why a setting is left alone', () => {
    const rows = explainBaseline(takeoverConfig(), 'shop-prod').filter((r) => r.setting === 's3BlockPublicAccess' || r.setting.startsWith('instanceMetadata.'));
    expect(rows.map((r) => [r.setting, r.value])).toEqual([
      ['instanceMetadata.httpTokens', null],
      ['instanceMetadata.hopLimit', null],
      ['s3BlockPublicAccess', null],
    ]);
    for (const r of rows) expect(r.source).toMatch(/^left alone: the account existed before the landing zone took over the organization/);
    expect(explainBaseline(takeoverConfig(), 'shop-dev').find((r) => r.setting === 's3BlockPublicAccess')).toMatchObject({ value: true, source: 'built-in default' });
  });
});

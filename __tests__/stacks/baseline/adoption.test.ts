import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';
import { adoptedConfig, SHOP_PROD_ID } from './adopted-config';
import { runConstraints } from '../../../checks/constraints';
import { adoptedSingletons } from '../../../checks/constraints/rules/adopted-singletons';
import { onePerAccountRegion } from '../../../checks/constraints/rules/one-per-account-region';
import type { CheckContext } from '../../../checks/checklist';

// accounts[].adopt / organization.adopt in the account baselines: every adopted resource becomes an import block
// with the recorded id, through the provider of the resource's account and region, into the one resource the
// baseline makes anyway (under the existing name where AWS keys it by name); never a second of it.

type Import = NonNullable<StackJson['import']>[number];

/** The single resource of `type` whose provider is `provider`, with its Terraform name. */
function only(json: StackJson, type: string, provider: string): [string, Record<string, any>] {
  const found = Object.entries(resourcesOf(json, type)).filter(([, r]) => (r.provider ?? 'aws') === provider);
  expect([type, provider, found.length]).toEqual([type, provider, 1]);
  return found[0];
}

/** The import block into `type.name`, or undefined. */
function importInto(json: StackJson, type: string, name: string): Import | undefined {
  return (json.import ?? []).find((i) => i.to === `${type}.${name}`);
}

/** Asserts one resource of `type` through `provider`, named `attribute: value` (when given), imported by `id` through that provider. */
function expectAdopted(json: StackJson, type: string, provider: string, id: string, named?: [string, string]): Record<string, any> {
  const [name, resource] = only(json, type, provider);
  if (named) expect(resource[named[0]]).toBe(named[1]);
  expect(importInto(json, type, name)).toEqual({ to: `${type}.${name}`, id, provider });
  return resource;
}

describe('baseline adoption: a workload account that already runs everything the baseline manages', () => {
  const lz = synthLandingZone(adoptedConfig());
  const json = lz.stack('workload-shop-prod');
  const p = (region: string) => `aws.shop-prod-${region}`;

  it('keeps the adopted recorder of each region under its name and imports it, its status and its channel by name', () => {
    expectAdopted(json, 'aws_config_configuration_recorder', p('us-east-1'), 'corp-recorder', ['name', 'corp-recorder']);
    expectAdopted(json, 'aws_config_configuration_recorder_status', p('us-east-1'), 'corp-recorder');
    expectAdopted(json, 'aws_config_delivery_channel', p('us-east-1'), 'corp-channel', ['name', 'corp-channel']);
    expectAdopted(json, 'aws_config_configuration_recorder', p('ap-northeast-1'), 'corp-recorder-apne1', ['name', 'corp-recorder-apne1']);
    expectAdopted(json, 'aws_config_configuration_recorder_status', p('ap-northeast-1'), 'corp-recorder-apne1');
  });

  it('creates the channel a region lacks, named default, without an import', () => {
    const [name, channel] = only(json, 'aws_config_delivery_channel', p('ap-northeast-1'));
    expect(channel.name).toBe('default');
    expect(importInto(json, 'aws_config_delivery_channel', name)).toBeUndefined();
  });

  it('the recorder status names the adopted recorder', () => {
    const [recorderName] = only(json, 'aws_config_configuration_recorder', p('us-east-1'));
    const [, status] = only(json, 'aws_config_configuration_recorder_status', p('us-east-1'));
    expect(status.name).toBe(`\${aws_config_configuration_recorder.${recorderName}.name}`);
  });

  it('imports the account-wide settings: password policy by its fixed word, public access block by the account id, alternate contacts by type', () => {
    expectAdopted(json, 'aws_iam_account_password_policy', p('us-east-1'), 'iam-account-password-policy');
    expectAdopted(json, 'aws_s3_account_public_access_block', p('us-east-1'), SHOP_PROD_ID);
    const contacts = Object.entries(resourcesOf(json, 'aws_account_alternate_contact'));
    expect(contacts.map(([, c]) => c.alternate_contact_type)).toEqual(['SECURITY']);
    expect(importInto(json, 'aws_account_alternate_contact', contacts[0][0])).toEqual({
      to: `aws_account_alternate_contact.${contacts[0][0]}`,
      id: 'SECURITY',
      provider: p('us-east-1'),
    });
  });

  it('imports EBS encryption by default only in the regions where it is on, by the id "default"', () => {
    expectAdopted(json, 'aws_ebs_encryption_by_default', p('ap-northeast-1'), 'default');
    const [home] = only(json, 'aws_ebs_encryption_by_default', p('us-east-1'));
    expect(importInto(json, 'aws_ebs_encryption_by_default', home)).toBeUndefined();
  });

  it('takes the adopted analyzer name and imports it; the other region gets the landing zone analyzer, created', () => {
    expectAdopted(json, 'aws_accessanalyzer_analyzer', p('us-east-1'), 'corp-analyzer', ['analyzer_name', 'corp-analyzer']);
    const [other, analyzer] = only(json, 'aws_accessanalyzer_analyzer', p('ap-northeast-1'));
    expect(analyzer.analyzer_name).toBe('acme-account');
    expect(importInto(json, 'aws_accessanalyzer_analyzer', other)).toBeUndefined();
  });

  it('imports the budget as <account id>:<name>', () => {
    expectAdopted(json, 'aws_budgets_budget', p('us-east-1'), `${SHOP_PROD_ID}:shop-prod-monthly-cost`, ['name', 'shop-prod-monthly-cost']);
  });

  it('records the detectors, Security Hub and other trails of a member account without importing them', () => {
    const types = (json.import ?? []).map((i) => i.to.split('.')[0]);
    for (const type of ['aws_guardduty_detector', 'aws_securityhub_account', 'aws_cloudtrail']) expect(types).not.toContain(type);
  });

  it('leaves an account without adopt as before: recorders named default, no import but the Config role adoption', () => {
    const dev = lz.stack('workload-shop-dev');
    expect(Object.values(resourcesOf(dev, 'aws_config_configuration_recorder')).map((r) => r.name)).toEqual(['default', 'default']);
    expect((dev.import ?? []).map((i) => i.to.split('.')[0])).toEqual(['aws_iam_service_linked_role']);
  });

  it('passes the AWS constraints on the synthesized organization (adopted-singletons, one-per-account-region)', () => {
    const ctx: CheckContext = { stacks: lz.json as CheckContext['stacks'], governedRegions: ['us-east-1', 'ap-northeast-1'], managementAccountId: '111111111111' };
    const rows = runConstraints(ctx, [adoptedSingletons, onePerAccountRegion]);
    expect(rows.map((r) => [r.id, r.problems])).toEqual([
      ['adopted-singletons', []],
      ['one-per-account-region', []],
    ]);
    expect(rows[0].evidence.length).toBeGreaterThanOrEqual(30);
  });
});

describe('baseline adoption: the management account (organization.adopt)', () => {
  const lz = synthLandingZone(adoptedConfig());
  const json = lz.stack('management-baseline');
  const p = (region: string) => (region === 'us-east-1' ? 'aws' : `aws.${region}`);

  it('imports its recorders, statuses and channel by name, through its own providers', () => {
    expectAdopted(json, 'aws_config_configuration_recorder', p('us-east-1'), 'corp-recorder', ['name', 'corp-recorder']);
    expectAdopted(json, 'aws_config_configuration_recorder_status', p('us-east-1'), 'corp-recorder');
    expectAdopted(json, 'aws_config_delivery_channel', p('us-east-1'), 'corp-channel', ['name', 'corp-channel']);
    expectAdopted(json, 'aws_config_configuration_recorder', p('ap-northeast-1'), 'corp-recorder-apne1', ['name', 'corp-recorder-apne1']);
    expect(only(json, 'aws_config_delivery_channel', p('ap-northeast-1'))[1].name).toBe('default');
  });

  it('imports the password policy, the public access block (management account id), EBS encryption by default and the analyzer', () => {
    expectAdopted(json, 'aws_iam_account_password_policy', p('us-east-1'), 'iam-account-password-policy');
    expectAdopted(json, 'aws_s3_account_public_access_block', p('us-east-1'), '111111111111');
    expectAdopted(json, 'aws_ebs_encryption_by_default', p('ap-northeast-1'), 'default');
    expectAdopted(json, 'aws_accessanalyzer_analyzer', p('us-east-1'), 'corp-analyzer', ['analyzer_name', 'corp-analyzer']);
  });

  it('imports the organization budget and the alternate contacts in the management stack, which makes them', () => {
    const management = lz.stack('management');
    expectAdopted(management, 'aws_budgets_budget', 'aws', '111111111111:acme-organization-monthly-cost', ['name', 'acme-organization-monthly-cost']);
    const contacts = Object.entries(resourcesOf(management, 'aws_account_alternate_contact'));
    expect(contacts.map(([, c]) => c.alternate_contact_type).sort()).toEqual(['BILLING', 'SECURITY']);
    for (const [name, c] of contacts) {
      expect(importInto(management, 'aws_account_alternate_contact', name)).toEqual({ to: `aws_account_alternate_contact.${name}`, id: c.alternate_contact_type, provider: 'aws' });
    }
  });
});

import { behaviourSetting } from '../../../../config/takeover';
import { behaviourSettingChanged } from '../../../../checks/plan-gate/rules/behaviour-setting-changed';
import { adoptedContext, contextOf, stackPlan } from '../fixtures';

const SCP = 'aws_organizations_policy.Policy-scp-region-deny_1A2B3C4D';
const EC2 = 'aws_organizations_policy.Policy-declarative-ec2-block-public-access_5E6F7A8B';
const regionDeny = { name: 'region-deny', type: 'SERVICE_CONTROL_POLICY', content: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"iam:*","Resource":"*"}]}', description: 'region deny' };
const ec2Content = (attributes: Record<string, unknown>) => JSON.stringify({ ec2_attributes: { exception_message: { '@@assign': 'Blocked' }, ...attributes } });
const IMAGE = { image_block_public_access: { state: { '@@assign': 'block_new_sharing' } } };
const VPC = (mode: string) => ({ vpc_block_public_access: { internet_gateway_block: { mode: { '@@assign': mode }, exclusions_allowed: { '@@assign': 'enabled' } } } });
const ec2Policy = (attributes: Record<string, unknown>) => ({ id: 'p-ec2decl01', name: 'ec2-block-public-access', type: 'DECLARATIVE_POLICY_EC2', content: ec2Content(attributes) });
const adoptedTail = (id: string) => `The organization is adopted (organization.id) and the config does not set it: to turn it on, write ${behaviourSetting(id as never).enable}`;

describe('behaviour-setting-changed: organization-wide settings', () => {
  const createRegionDeny = stackPlan('management', [{ address: SCP, actions: ['create'], after: regionDeny, afterUnknown: { id: true, arn: true } }]);

  it('fails, on an adopted organization, a policy created with a setting the config does not set', () => {
    const s = behaviourSetting('region-deny');
    expect(behaviourSettingChanged([createRegionDeny], adoptedContext())).toEqual([
      {
        id: `behaviour-setting-changed/management/${SCP}/region-deny`,
        rule: 'behaviour-setting-changed',
        stack: 'management',
        address: SCP,
        detail: 'region-deny',
        message: `creates policy region-deny with ${s.what} (a new policy): ${s.effect}. ${adoptedTail('region-deny')}`,
        severity: 'refuse',
      },
    ]);
  });

  it('passes it on a new organization (the secure defaults are the greenfield contract) and where the config lists the guardrail', () => {
    expect(behaviourSettingChanged([createRegionDeny], contextOf())).toEqual([]);
    const explicit = adoptedContext((input) => {
      input.guardrails = { scp: [{ policy: 'region-deny', targets: ['Workloads/Dev'] }] };
    });
    expect(behaviourSettingChanged([createRegionDeny], explicit)).toEqual([]);
  });

  it('fails an attachment of such a policy, found through the configuration reference of policy_id (not the address)', () => {
    const plan = stackPlan('management', [
      { address: SCP, actions: ['no-op'], before: { ...regionDeny, id: 'p-region001' }, after: { ...regionDeny, id: 'p-region001' } },
      {
        address: 'aws_organizations_policy_attachment.Attachment-1_0F0F0F0F',
        actions: ['create'],
        after: { policy_id: 'p-region001', target_id: 'ou-ab12-prod0001', skip_destroy: null },
        afterUnknown: { id: true },
        expressions: { policy_id: { references: [`${SCP}.id`, SCP] }, target_id: { constant_value: 'ou-ab12-prod0001' } },
      },
    ], { prior: [{ address: 'aws_organizations_organizational_unit.Prod', values: { id: 'ou-ab12-prod0001', name: 'Prod' } }] });
    const s = behaviourSetting('region-deny');
    expect(behaviourSettingChanged([plan], adoptedContext()).map((f) => [f.id, f.message])).toEqual([
      ['behaviour-setting-changed/management/aws_organizations_policy_attachment.Attachment-1_0F0F0F0F/region-deny', `attaches policy region-deny with ${s.what} to OU Prod (ou-ab12-prod0001): ${s.effect}. ${adoptedTail('region-deny')}`],
    ]);
  });

  it('fails an attachment whose policy_id is a constant id of a policy in the plans', () => {
    const plan = stackPlan('management', [{ address: 'aws_organizations_policy_attachment.x', actions: ['create'], after: { policy_id: 'p-region001', target_id: 'r-ab12' } }], {
      prior: [{ address: SCP, values: { ...regionDeny, id: 'p-region001' } }],
      planned: [{ address: SCP, values: { ...regionDeny, id: 'p-region001' } }],
    });
    expect(behaviourSettingChanged([plan], adoptedContext()).map((f) => f.id)).toEqual(['behaviour-setting-changed/management/aws_organizations_policy_attachment.x/region-deny']);
  });

  it('compares the ec2_attributes of a declarative EC2 policy before and after: only a changed attribute the config does not set fails', () => {
    const ctx = adoptedContext((input) => {
      input.guardrails = { declarative: [{ policy: 'ec2-block-public-access', options: { imageBlockPublicAccess: true } }] };
    });
    const plan = stackPlan('management', [{ address: EC2, actions: ['update'], before: ec2Policy(IMAGE), after: ec2Policy({ ...IMAGE, ...VPC('block_bidirectional') }) }]);
    const s = behaviourSetting('vpc-block-public-access');
    expect(behaviourSettingChanged([plan], ctx).map((f) => [f.id, f.message])).toEqual([
      [
        `behaviour-setting-changed/management/${EC2}/vpc-block-public-access`,
        `changes policy ec2-block-public-access with ${s.what} (vpc_block_public_access: not declared → internet_gateway_block.mode = block_bidirectional, internet_gateway_block.exclusions_allowed = enabled): ${s.effect}. ${adoptedTail('vpc-block-public-access')}`,
      ],
    ]);
    // The same attributes before and after (a description or tag change): nothing changes.
    const same = stackPlan('management', [{ address: EC2, actions: ['update'], before: ec2Policy(VPC('block_ingress')), after: { ...ec2Policy(VPC('block_ingress')), description: 'new' } }]);
    expect(behaviourSettingChanged([same], ctx)).toEqual([]);
    // A mode change of VPC BPA the config does set passes.
    const set = adoptedContext((input) => {
      input.guardrails = { declarative: [{ policy: 'ec2-block-public-access', options: { vpcBlockPublicAccess: 'block_ingress' } }] };
    });
    const mode = stackPlan('management', [{ address: EC2, actions: ['update'], before: ec2Policy(VPC('block_bidirectional')), after: ec2Policy(VPC('block_ingress')) }]);
    expect(behaviourSettingChanged([mode], set)).toEqual([]);
    expect(behaviourSettingChanged([mode], ctx).map((f) => f.detail)).toEqual(['vpc-block-public-access']);
  });
});

describe('behaviour-setting-changed: account-level settings', () => {
  const adopted = (baseline?: object) =>
    adoptedContext((input) => {
      input.accounts.find((a: any) => a.name === 'shop-prod').id = '222222222222';
      input.accounts.find((a: any) => a.name === 'log-archive').id = '333333333333';
      if (baseline) input.baseline = baseline;
    });
  const IMDS = 'aws_ec2_instance_metadata_defaults.Baseline_ImdsDefaults_us-east-1_1A2B3C4D';
  const imds = stackPlan('workload-shop-prod', [
    { address: IMDS, actions: ['create'], after: { http_tokens: 'required', http_put_response_hop_limit: 2, http_endpoint: 'no-preference', instance_metadata_tags: 'no-preference' }, afterUnknown: { id: true } },
  ]);

  it('fails IMDS defaults created in an account that existed before the takeover, when the config does not set them', () => {
    const s = behaviourSetting('account-imds-defaults');
    expect(behaviourSettingChanged([imds], adopted())).toEqual([
      {
        id: `behaviour-setting-changed/workload-shop-prod/${IMDS}/account-imds-defaults`,
        rule: 'behaviour-setting-changed',
        stack: 'workload-shop-prod',
        address: IMDS,
        detail: 'account-imds-defaults',
        message:
          `sets ${s.what} (http_tokens (null → "required"), http_put_response_hop_limit (null → 2), http_endpoint (null → "no-preference"), instance_metadata_tags (null → "no-preference")) ` +
          `in account shop-prod, which existed before the takeover: ${s.effect}. The config does not set baseline.instanceMetadata for it: to turn it on, write ${s.enable}`,
        severity: 'refuse',
      },
    ]);
  });

  it('passes them where the config writes baseline.instanceMetadata, in a new account, and on a new organization', () => {
    expect(behaviourSettingChanged([imds], adopted({ instanceMetadata: { httpTokens: 'required' } }))).toEqual([]);
    expect(behaviourSettingChanged([{ ...imds, stack: 'workload-shop-dev' }], adopted())).toEqual([]);
    expect(behaviourSettingChanged([imds], contextOf())).toEqual([]);
  });

  it('fails a change of the S3 account public access block of the log-archive account and of the management account', () => {
    const PAB = 'aws_s3_account_public_access_block.Baseline_S3PublicAccessBlock_1A2B3C4D';
    const before = { id: '333333333333', account_id: '333333333333', block_public_acls: false, block_public_policy: false, ignore_public_acls: false, restrict_public_buckets: false };
    const after = { ...before, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true };
    const logArchive = stackPlan('log-archive', [{ address: PAB, actions: ['update'], before, after }]);
    const management = stackPlan('management-baseline', [{ address: PAB, actions: ['update'], before, after }]);
    const found = behaviourSettingChanged([logArchive, management], adopted());
    expect(found.map((f) => f.id)).toEqual([
      `behaviour-setting-changed/log-archive/${PAB}/account-s3-public-access-block`,
      `behaviour-setting-changed/management-baseline/${PAB}/account-s3-public-access-block`,
    ]);
    expect(found[1].message).toContain('in account management, which existed before the takeover');
    expect(behaviourSettingChanged([logArchive, management], adopted({ s3BlockPublicAccess: true }))).toEqual([]);
    // An update that leaves the four settings as they are (only tags or the account id read back) changes nothing.
    expect(behaviourSettingChanged([stackPlan('log-archive', [{ address: PAB, actions: ['update'], before, after: { ...before, expected_bucket_owner: null } }])], adopted())).toEqual([]);
  });
});

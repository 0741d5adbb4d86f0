import { protectedResourceChanged } from '../../../../checks/plan-gate/rules/protected-resource-changed';
import { contextOf, role, stackPlan } from '../fixtures';

const TRAIL = 'aws_cloudtrail.OrganizationTrail_Resource_1A2B3C4D';
const trail = (extra: object = {}) => ({ id: 'acme-org-trail', name: 'acme-org-trail', is_organization_trail: true, is_multi_region_trail: true, enable_log_file_validation: true, tags: {}, tags_all: {}, ...extra });
const STATUS = 'aws_config_configuration_recorder_status.Baseline_Recorder_Status_us-east-1_1A2B3C4D';

describe('protected-resource-changed', () => {
  const ctx = contextOf();

  it('fails an in-place update of the organization trail beyond its tags', () => {
    const plan = stackPlan('security', [{ address: TRAIL, actions: ['update'], before: trail(), after: trail({ is_multi_region_trail: false, tags: { Owner: 'x' } }) }]);
    expect(protectedResourceChanged([plan], ctx)).toEqual([
      {
        id: `protected-resource-changed/security/${TRAIL}`,
        rule: 'protected-resource-changed',
        stack: 'security',
        address: TRAIL,
        message: 'changes the organization trail in place: is_multi_region_trail (true → false)',
        severity: 'refuse',
      },
    ]);
  });

  it('fails a Config recorder that stops recording, and changes to the recorder, the channel and the access role', () => {
    const plan = stackPlan('workload-shop-prod', [
      { address: STATUS, actions: ['update'], before: { id: 'default', name: 'default', is_enabled: true }, after: { id: 'default', name: 'default', is_enabled: false } },
      { address: 'aws_config_configuration_recorder.r', actions: ['update'], before: { id: 'default', name: 'default', recording_group: [{ all_supported: true }] }, after: { id: 'default', name: 'default', recording_group: [{ all_supported: false }] } },
      { address: 'aws_config_delivery_channel.c', actions: ['update'], before: { id: 'default', s3_bucket_name: 'acme-config' }, after: { id: 'default', s3_bucket_name: 'elsewhere' } },
      { address: 'aws_iam_role.access', actions: ['update'], before: role('OrganizationAccountAccessRole'), after: role('OrganizationAccountAccessRole', { max_session_duration: 43200 }) },
      { address: 'aws_iam_role_policy_attachment.p', actions: ['update'], before: { id: 'x', role: 'OrganizationAccountAccessRole', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, after: { id: 'x', role: 'OrganizationAccountAccessRole', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } },
    ]);
    expect(protectedResourceChanged([plan], ctx).map((f) => [f.id, f.message])).toEqual([
      [`protected-resource-changed/workload-shop-prod/${STATUS}`, 'stops AWS Config recording (is_enabled true → false): nothing is recorded and no Config rule is evaluated in this account and region'],
      ['protected-resource-changed/workload-shop-prod/aws_config_configuration_recorder.r', 'changes the AWS Config recorder in place: recording_group ([{"all_supported":true}] → [{"all_supported":false}])'],
      ['protected-resource-changed/workload-shop-prod/aws_config_delivery_channel.c', 'changes the AWS Config delivery channel in place: s3_bucket_name ("acme-config" → "elsewhere")'],
      ['protected-resource-changed/workload-shop-prod/aws_iam_role.access', 'changes the access role OrganizationAccountAccessRole in place: max_session_duration (null → 43200)'],
      [
        'protected-resource-changed/workload-shop-prod/aws_iam_role_policy_attachment.p',
        'changes a policy of the access role OrganizationAccountAccessRole in place: policy_arn ("arn:aws:iam::aws:policy/AdministratorAccess" → "arn:aws:iam::aws:policy/ReadOnlyAccess")',
      ],
    ]);
  });

  it('passes tag-only changes, creates, imports, other trails and other roles', () => {
    const plan = stackPlan('security', [
      { address: TRAIL, actions: ['update'], before: trail(), after: trail({ tags: { Owner: 'platform' }, tags_all: { Owner: 'platform' } }) },
      { address: 'aws_cloudtrail.account', actions: ['update'], before: trail({ is_organization_trail: false }), after: trail({ is_organization_trail: false, is_multi_region_trail: false }) },
      { address: STATUS, actions: ['create'], after: { name: 'default', is_enabled: true } },
      { address: 'aws_config_configuration_recorder.legacy', actions: ['update'], importing: 'legacy', before: { id: 'legacy', name: 'legacy', role_arn: 'a' }, after: { id: 'legacy', name: 'legacy', role_arn: 'b' } },
      { address: 'aws_iam_role.app', actions: ['update'], before: role('app'), after: role('app', { description: 'x' }) },
    ]);
    expect(protectedResourceChanged([plan], ctx)).toEqual([]);
  });
});

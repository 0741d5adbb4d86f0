import { findings } from '../../../../checks/plan-gate';
import { policyDetached } from '../../../../checks/plan-gate/rules/policy-detached';
import { contextOf, stackPlan } from '../fixtures';

const ORG = { address: 'aws_organizations_organization.Organization_1A2B3C4D', values: { id: 'o-abc123defg', roots: [{ id: 'r-ab12', name: 'Root' }] } };
const OU = { address: 'aws_organizations_organizational_unit.OU-Workloads-Prod_5E6F7A8B', values: { id: 'ou-ab12-prod0001', name: 'Prod' } };
const POLICY = { address: 'aws_organizations_policy.Policy-scp-deny-leave-organization_9A8B7C6D', values: { id: 'p-lzleave1', name: 'deny-leave-organization', type: 'SERVICE_CONTROL_POLICY' } };

describe('policy-detached', () => {
  const ctx = contextOf((input) => {
    input.guardrails = { existing: [{ id: 'p-finance01', name: 'finance-scp', type: 'SERVICE_CONTROL_POLICY', targets: ['Workloads/Prod'] }] };
  });
  const detach = (policyId: string, targetId: string, address = 'aws_organizations_policy_attachment.a') => ({
    address,
    actions: ['delete'] as const,
    before: { id: `${targetId}:${policyId}`, policy_id: policyId, target_id: targetId, skip_destroy: null },
    actionReason: 'delete_because_no_resource_config',
  });

  it('fails a detach of a landing-zone policy, naming the policy and the target from the plan, in place of the generic destroy', () => {
    const plan = stackPlan('management', [detach('p-lzleave1', 'r-ab12')], { prior: [ORG, OU, POLICY], planned: [ORG, OU, POLICY] });
    const expected = {
      id: 'policy-detached/management/aws_organizations_policy_attachment.a',
      rule: 'policy-detached',
      stack: 'management',
      address: 'aws_organizations_policy_attachment.a',
      message: 'policy deny-leave-organization (p-lzleave1) is detached from Root (r-ab12)',
      severity: 'refuse',
    };
    expect(policyDetached([plan], ctx)).toEqual([expected]);
    expect(findings([plan], ctx)).toEqual([expected]);
  });

  it('fails a detach of a policy of guardrails.existing: a policy the landing zone did not attach', () => {
    const plan = stackPlan('management', [detach('p-finance01', 'ou-ab12-prod0001', 'aws_organizations_policy_attachment.b')], { prior: [ORG, OU], planned: [ORG, OU] });
    expect(policyDetached([plan], ctx).map((f) => f.message)).toEqual([
      'policy finance-scp (p-finance01) is detached from OU Prod (ou-ab12-prod0001): a policy the landing zone did not attach (guardrails.existing)',
    ]);
  });

  it('fails a replaced attachment (detached, then attached again) with ids it cannot name', () => {
    const plan = stackPlan('management', [
      { address: 'aws_organizations_policy_attachment.c', actions: ['delete', 'create'], before: { id: '444444444444:p-other001', policy_id: 'p-other001', target_id: '444444444444' }, after: { policy_id: 'p-other001', target_id: '555555555555' }, replacePaths: [['target_id']] },
    ]);
    expect(policyDetached([plan], ctx).map((f) => f.message)).toEqual(['policy p-other001 is detached and attached again (replaced) from 444444444444']);
  });

  it('passes an attachment created or left alone', () => {
    const plan = stackPlan('management', [
      { address: 'aws_organizations_policy_attachment.new', actions: ['create'], after: { policy_id: 'p-lzleave1', target_id: 'ou-ab12-prod0001' } },
      { address: 'aws_organizations_policy_attachment.kept', actions: ['no-op'], before: { id: 'r-ab12:p-lzleave1', policy_id: 'p-lzleave1', target_id: 'r-ab12' }, after: { id: 'r-ab12:p-lzleave1', policy_id: 'p-lzleave1', target_id: 'r-ab12' } },
    ]);
    expect(policyDetached([plan], ctx)).toEqual([]);
  });
});

import { policyTypeDisabled } from '../../../../checks/plan-gate/rules/policy-type-disabled';
import { contextOf, stackPlan } from '../fixtures';

const ORG = 'aws_organizations_organization.Organization_1A2B3C4D';
const org = (types: string[], principals: string[] = ['sso.amazonaws.com']) => ({
  id: 'o-abc123defg',
  feature_set: 'ALL',
  enabled_policy_types: types,
  aws_service_access_principals: principals,
  roots: [{ id: 'r-ab12', arn: 'arn:aws:organizations::111111111111:root/o-abc123defg/r-ab12', name: 'Root', policy_types: [] }],
});

describe('policy-type-disabled', () => {
  const ctx = contextOf((input) => {
    input.guardrails = {
      existing: [
        { id: 'p-backup0001', name: 'daily-backups', type: 'BACKUP_POLICY', targets: ['Root'] },
        { id: 'p-backup0002', name: 'weekly-backups', type: 'BACKUP_POLICY', targets: [] },
        { id: 'p-tagpol0001', name: 'cost-tags', type: 'TAG_POLICY', targets: ['Root'] },
      ],
    };
  });

  it('fails a type that leaves enabled_policy_types, naming the guardrails.existing policies of that type', () => {
    const plan = stackPlan('management', [{ address: ORG, actions: ['update'], before: org(['SERVICE_CONTROL_POLICY', 'BACKUP_POLICY']), after: org(['SERVICE_CONTROL_POLICY']) }]);
    expect(policyTypeDisabled([plan], ctx)).toEqual([
      {
        id: `policy-type-disabled/management/${ORG}/BACKUP_POLICY`,
        rule: 'policy-type-disabled',
        stack: 'management',
        address: ORG,
        detail: 'BACKUP_POLICY',
        message:
          'disables policy type BACKUP_POLICY: AWS detaches every BACKUP_POLICY policy everywhere in the organization, among them guardrails.existing daily-backups (p-backup0001), weekly-backups (p-backup0002)',
        severity: 'refuse',
      },
    ]);
  });

  it('fails each type that leaves, also on an imported organization that is updated', () => {
    const plan = stackPlan('management', [
      { address: ORG, actions: ['update'], importing: 'o-abc123defg', before: org(['SERVICE_CONTROL_POLICY', 'DECLARATIVE_POLICY_EC2', 'CHATBOT_POLICY']), after: org(['SERVICE_CONTROL_POLICY']) },
    ]);
    expect(policyTypeDisabled([plan], ctx).map((f) => [f.id, f.message])).toEqual([
      [`policy-type-disabled/management/${ORG}/DECLARATIVE_POLICY_EC2`, 'disables policy type DECLARATIVE_POLICY_EC2: AWS detaches every DECLARATIVE_POLICY_EC2 policy everywhere in the organization'],
      [`policy-type-disabled/management/${ORG}/CHATBOT_POLICY`, 'disables policy type CHATBOT_POLICY: AWS detaches every CHATBOT_POLICY policy everywhere in the organization'],
    ]);
  });

  it('passes a type added, a reordered list and a create of the organization', () => {
    const plan = stackPlan('management', [{ address: ORG, actions: ['update'], before: org(['TAG_POLICY', 'SERVICE_CONTROL_POLICY']), after: org(['SERVICE_CONTROL_POLICY', 'TAG_POLICY', 'BACKUP_POLICY']) }]);
    const created = stackPlan('management', [{ address: ORG, actions: ['create'], after: org(['SERVICE_CONTROL_POLICY']) }]);
    expect(policyTypeDisabled([plan, { ...created, stack: 'other' }], ctx)).toEqual([]);
  });
});

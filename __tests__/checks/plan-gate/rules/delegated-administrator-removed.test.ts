import { findings } from '../../../../checks/plan-gate';
import { delegatedAdministratorRemoved, DELEGATED_ADMINISTRATOR_TYPES } from '../../../../checks/plan-gate/rules/delegated-administrator-removed';
import { contextOf, stackPlan } from '../fixtures';

describe('delegated-administrator-removed', () => {
  const ctx = contextOf();

  it('fails a deregistration, and replaces the generic destroy finding of the same resource (one finding)', () => {
    const plan = stackPlan('management', [
      {
        address: 'aws_organizations_delegated_administrator.Delegated-securityhub_1A2B3C4D',
        actions: ['delete'],
        before: { id: '333333333333/securityhub.amazonaws.com', account_id: '333333333333', service_principal: 'securityhub.amazonaws.com' },
        actionReason: 'delete_because_no_resource_config',
      },
    ]);
    const expected = {
      id: 'delegated-administrator-removed/management/aws_organizations_delegated_administrator.Delegated-securityhub_1A2B3C4D',
      rule: 'delegated-administrator-removed',
      stack: 'management',
      address: 'aws_organizations_delegated_administrator.Delegated-securityhub_1A2B3C4D',
      message: 'delegated administrator 333333333333 for securityhub.amazonaws.com is deregistered: the account loses the organization-wide administration of securityhub.amazonaws.com',
      severity: 'refuse',
    };
    expect(delegatedAdministratorRemoved([plan], ctx)).toEqual([expected]);
    expect(findings([plan], ctx)).toEqual([expected]);
  });

  it('fails a deregistration of every service-specific registration, and a replacement', () => {
    const types = Object.keys(DELEGATED_ADMINISTRATOR_TYPES).filter((t) => t !== 'aws_organizations_delegated_administrator');
    const plan = stackPlan(
      'management',
      types.map((type) => ({ address: `${type}.a`, actions: ['delete'] as const, before: /guardduty|securityhub|macie2/.test(type) ? { id: '333333333333', admin_account_id: '333333333333' } : { id: '333333333333', account_id: '333333333333' } })),
    );
    const replaced = stackPlan('security', [{ address: 'aws_guardduty_organization_admin_account.g', actions: ['delete', 'create'], before: { id: '333333333333', admin_account_id: '333333333333' }, after: { admin_account_id: '444444444444' }, replacePaths: [['admin_account_id']] }]);
    expect(findings([plan, replaced], ctx).map((f) => f.message)).toEqual([
      'delegated administrator 333333333333 for GuardDuty is deregistered: the account loses the organization-wide administration of GuardDuty',
      'delegated administrator 333333333333 for Security Hub is deregistered: the account loses the organization-wide administration of Security Hub',
      'delegated administrator 333333333333 for Macie is deregistered: the account loses the organization-wide administration of Macie',
      'delegated administrator 333333333333 for Inspector is deregistered: the account loses the organization-wide administration of Inspector',
      'delegated administrator 333333333333 for Detective is deregistered: the account loses the organization-wide administration of Detective',
      'delegated administrator 333333333333 for CloudTrail is deregistered: the account loses the organization-wide administration of CloudTrail',
      'delegated administrator 333333333333 for GuardDuty is deregistered and registered anew (replaced): the account loses the organization-wide administration of GuardDuty',
    ]);
  });

  it('passes a registration (create) and an import', () => {
    const plan = stackPlan('management', [
      { address: 'aws_organizations_delegated_administrator.d', actions: ['create'], after: { account_id: '333333333333', service_principal: 'guardduty.amazonaws.com' } },
      { address: 'aws_securityhub_organization_admin_account.s', actions: ['no-op'], importing: '333333333333', before: { id: '333333333333', admin_account_id: '333333333333' }, after: { id: '333333333333', admin_account_id: '333333333333' } },
    ]);
    expect(findings([plan], ctx)).toEqual([]);
  });
});

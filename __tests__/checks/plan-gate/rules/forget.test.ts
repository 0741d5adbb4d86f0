import { forget } from '../../../../checks/plan-gate/rules/forget';
import { contextOf, role, stackPlan } from '../fixtures';
import { gateContext } from '../../../../checks/plan-gate/context';
import { minimalConfig } from '../../../harness/config';

const ACCOUNT = { id: '222222222222', arn: 'arn:aws:organizations::111111111111:account/o-abc123defg/222222222222', name: 'Old Shop', email: 'old@acme.example' };

describe('forget', () => {
  const ctx = contextOf();
  const closed = contextOf((input) => {
    input.closedAccounts = [{ name: 'old-shop', id: '222222222222' }];
  });

  it('fails a forgotten account that closedAccounts does not list', () => {
    const plan = stackPlan('management', [{ address: 'aws_organizations_account.Account-old-shop_1A2B3C4D', actions: ['forget'], before: ACCOUNT, actionReason: 'delete_because_no_resource_config' }]);
    expect(forget([plan], ctx)).toEqual([
      {
        id: 'forget/management/aws_organizations_account.Account-old-shop_1A2B3C4D',
        rule: 'forget',
        stack: 'management',
        address: 'aws_organizations_account.Account-old-shop_1A2B3C4D',
        message:
          'forgotten (removed, destroy = false) (id "222222222222"): account 222222222222 (Old Shop) is not in closedAccounts: an account leaves the landing zone only through closedAccounts (with its id), docs/accounts.md',
        severity: 'refuse',
      },
    ]);
  });

  it('passes a forgotten account of closedAccounts that nothing refers to', () => {
    const plan = stackPlan('management', [{ address: 'aws_organizations_account.Account-old-shop_1A2B3C4D', actions: ['forget'], before: ACCOUNT }]);
    expect(forget([plan], closed)).toEqual([]);
  });

  it('fails an object still referenced by another resource of any plan: its id, or its ARN inside a document', () => {
    const management = stackPlan('management', [
      { address: 'aws_organizations_account.Account-old-shop_1A2B3C4D', actions: ['forget'], before: ACCOUNT },
      { address: 'aws_iam_role.ci', actions: ['forget'], before: role('lz-ci') },
      { address: 'aws_organizations_policy_attachment.a', actions: ['create'], after: { policy_id: 'p-12345678', target_id: '222222222222' } },
    ]);
    const security = stackPlan('security', [], {
      planned: [
        { address: 'aws_iam_policy.uses', values: { id: 'x', policy: '{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111111111111:role/lz-ci"}]}' } },
        { address: 'aws_iam_role.lz-ci-2', values: role('lz-ci-2') },
      ],
    });
    expect(forget([management, security], closed).map((f) => [f.id, f.message])).toEqual([
      ['forget/management/aws_organizations_account.Account-old-shop_1A2B3C4D', 'forgotten (removed, destroy = false) (id "222222222222"): it is still referenced by aws_organizations_policy_attachment.a'],
      ['forget/management/aws_iam_role.ci', 'forgotten (removed, destroy = false) (id "lz-ci"): it is still referenced by aws_iam_policy.uses (stack security)'],
    ]);
  });

  it('passes a move between stacks: another plan of the set imports the same object (type and id), even while referenced', () => {
    const management = stackPlan('management', [
      { address: 'aws_cloudtrail.OrganizationTrail_Resource_1A2B3C4D', actions: ['forget'], before: { id: 'acme-org-trail', arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-org-trail', name: 'acme-org-trail' } },
    ]);
    const security = stackPlan('security', [
      {
        address: 'aws_cloudtrail.OrganizationTrail_Resource_5E6F7A8B',
        actions: ['no-op'],
        importing: 'acme-org-trail',
        before: { id: 'acme-org-trail', name: 'acme-org-trail' },
        after: { id: 'acme-org-trail', name: 'acme-org-trail' },
      },
    ]);
    expect(forget([management, security], ctx)).toEqual([]);
    // Without the importing plan, the trail is still named by the security stack's planned values: refused.
    const referencing = stackPlan('security', [], { planned: [{ address: 'aws_cloudwatch_event_rule.r', values: { id: 'r', description: 'from acme-org-trail' } }] });
    expect(forget([management, referencing], ctx).map((f) => f.id)).toEqual(['forget/management/aws_cloudtrail.OrganizationTrail_Resource_1A2B3C4D']);
  });

  it('passes a forgotten role nothing refers to (a longer name that starts with its id is another role)', () => {
    const plan = stackPlan('management', [{ address: 'aws_iam_role.gone', actions: ['forget'], before: role('lz-gone') }], { planned: [{ address: 'aws_iam_role.other', values: role('lz-gone-2') }] });
    expect(forget([plan], ctx)).toEqual([]);
  });

  it('passes an account the config moves to an account stack when its stack\'s wave is reviewed alone, and still fails one the config does not move', () => {
    // The inventory records shop-dev in the management stack (written before account stacks); with three accounts a
    // stack the organization outgrows it, so shop-dev moves to accounts-1, whose wave imports it after the management
    // stack's wave forgot it. log-archive, a core account, stays in the management stack.
    const moving = gateContext({ ...minimalConfig((input) => (input.layout = { accountsPerStack: 3 })), recordedLayout: { 'shop-dev': { stack: 'management' }, 'shop-prod': { stack: 'management' } } });
    const account = (name: string) => ({ ...ACCOUNT, name, id: '333333333333' });
    const plan = stackPlan('management', [
      { address: 'aws_organizations_account.Account-shop-dev_1A2B3C4D', actions: ['forget'], before: account('shop-dev') },
      { address: 'aws_organizations_account.Account-log-archive_1A2B3C4D', actions: ['forget'], before: account('log-archive') },
    ]);
    expect(forget([plan], moving).map((f) => f.address)).toEqual(['aws_organizations_account.Account-log-archive_1A2B3C4D']);
    // The same forget in another stack is not the move.
    expect(forget([{ ...plan, stack: 'accounts-2' }], moving).map((f) => f.address)).toHaveLength(2);
  });

  it('does not count the organization\'s and an OU\'s account listings as uses of a forgotten account, and passes a moved one whatever names it', () => {
    const listings = {
      planned: [
        { address: 'aws_organizations_organization.org', values: { id: 'o-abc123defg', accounts: [{ id: '222222222222', name: 'Old Shop' }], non_master_accounts: [{ id: '222222222222' }] } },
        { address: 'aws_organizations_organizational_unit.prod', values: { id: 'ou-ab12-cd34ef56', accounts: [{ id: '222222222222' }] } },
      ],
    };
    const plan = stackPlan('management', [{ address: 'aws_organizations_account.Account-old-shop_1A2B3C4D', actions: ['forget'], before: ACCOUNT }], listings);
    expect(forget([plan], closed)).toEqual([]);
    const used = stackPlan('management', [{ address: 'aws_organizations_account.Account-old-shop_1A2B3C4D', actions: ['forget'], before: ACCOUNT }], {
      planned: [...listings.planned, { address: 'aws_organizations_policy_attachment.a', values: { policy_id: 'p-12345678', target_id: '222222222222' } }],
    });
    expect(forget([used], closed).map((f) => f.message)).toEqual(['forgotten (removed, destroy = false) (id "222222222222"): it is still referenced by aws_organizations_policy_attachment.a']);
    const moving = gateContext({ ...minimalConfig((input) => (input.layout = { accountsPerStack: 3 })), recordedLayout: { 'shop-dev': { stack: 'management' }, 'shop-prod': { stack: 'management' } } });
    const moved = stackPlan('management', [{ address: 'aws_organizations_account.Account-shop-dev_1A2B3C4D', actions: ['forget'], before: { ...ACCOUNT, name: 'shop-dev' } }], {
      planned: [{ address: 'aws_organizations_policy_attachment.a', values: { policy_id: 'p-12345678', target_id: '222222222222' } }],
    });
    expect(forget([moved], moving)).toEqual([]);
  });
});

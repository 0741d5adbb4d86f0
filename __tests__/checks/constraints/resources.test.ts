import { find } from '../../../checks/checklist/resources';
import { accountKey, accountLabel, accountOf, dependencyClosure, refersTo } from '../../../checks/constraints/resources';
import { context, out } from './fixtures';

describe('constraint lookups', () => {
  const ctx = context();

  it('keys accounts: literal ids, adopted accounts by their import id, new accounts by resource name', () => {
    expect(accountKey(ctx, '222222222222')).toBe('222222222222');
    expect(accountKey(ctx, '${aws_organizations_account.Account-security.id}')).toBe('222222222222');
    expect(accountKey(ctx, out('Account-shop'))).toBe('account:Account-shop');
    expect(accountLabel(ctx, 'account:Account-shop')).toBe('the shop account');
    expect(accountLabel(ctx, '222222222222')).toBe('the security account (222222222222)');
    expect(accountLabel(ctx, '111111111111')).toBe('111111111111 (management account)');
  });

  it('finds the account a resource runs in from its provider, the management account without assume_role', () => {
    const [trail] = find(ctx, 'aws_cloudtrail');
    expect(accountOf(ctx, trail)).toBe('222222222222');
    const [shopRecorder] = find(ctx, 'aws_config_configuration_recorder', ['workload-shop']);
    expect(accountOf(ctx, shopRecorder)).toBe('account:Account-shop');
    const [budget] = find(ctx, 'aws_budgets_budget', ['management']);
    expect(accountOf(ctx, budget)).toBe('111111111111');
  });

  it('follows depends_on and references transitively, ignoring data sources and other stacks', () => {
    const closure = dependencyClosure(ctx.stacks.management, 'aws_cloudformation_stack_set.AuditRole');
    expect([...closure].sort()).toEqual(['aws_iam_service_linked_role.StackSetsOrgAdmin', 'aws_organizations_organization.Organization']);
    expect([...dependencyClosure(ctx.stacks.security, 'aws_iam_role_policy.AggregatorRolePolicy')]).toEqual(['aws_iam_role.AggregatorRole']);
  });

  it('matches references and cross-stack outputs of exactly one resource', () => {
    const logs = { stack: 'x', type: 'aws_s3_bucket', name: 'Logs', body: {} };
    expect(refersTo('${aws_s3_bucket.Logs.id}', logs)).toBe(true);
    expect(refersTo('${aws_s3_bucket.Logs_Access.id}', logs)).toBe(false);
    expect(refersTo('${data.terraform_remote_state.x.outputs.cross-stack-output-aws_s3_bucketLogsbucket}', logs)).toBe(true);
    expect(refersTo('${data.terraform_remote_state.x.outputs.cross-stack-output-aws_s3_bucketLogs_Accessbucket}', logs)).toBe(false);
    expect(refersTo('acme-logs', logs, 'acme-logs')).toBe(true);
  });
});

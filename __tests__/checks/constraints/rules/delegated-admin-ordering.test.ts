import { delegatedAdminOrdering } from '../../../../checks/constraints/rules/delegated-admin-ordering';
import { context, ORG, SECURITY } from '../fixtures';

describe('constraint delegated-admin-ordering', () => {
  it('passes regional designations chained from the home region', () => {
    const result = delegatedAdminOrdering.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([{ stack: 'management', address: 'aws_guardduty_organization_admin_account.GuardDuty-us-east-1', note: '2 regions chained from us-east-1' }]);
  });

  it('fails designations that only depend on the organization (parallel)', () => {
    const result = delegatedAdminOrdering.check(
      context((s) => (s.management.resource.aws_guardduty_organization_admin_account['GuardDuty-ap-northeast-1'].depends_on = [ORG])),
    );
    expect(result.problems).toEqual([
      'management: 2 aws_guardduty_organization_admin_account (us-east-1, ap-northeast-1) can run in parallel (ap-northeast-1 not chained); chain them with depends_on, home region first',
    ]);
  });

  it('fails a chain of three with one branch, and a chain that starts outside the home region', () => {
    const branched = delegatedAdminOrdering.check(
      context((s) => {
        s.management.provider.aws.push({ alias: 'eu-west-1', region: 'eu-west-1' });
        s.management.resource.aws_guardduty_organization_admin_account['GuardDuty-eu-west-1'] = {
          admin_account_id: SECURITY,
          provider: 'aws.eu-west-1',
          depends_on: ['aws_guardduty_organization_admin_account.GuardDuty-us-east-1'],
        };
      }),
    );
    expect(branched.problems[0]).toContain('3 aws_guardduty_organization_admin_account (us-east-1, ap-northeast-1, eu-west-1) can run in parallel');
    const reversed = delegatedAdminOrdering.check(
      context((s) => {
        const admins = s.management.resource.aws_guardduty_organization_admin_account;
        admins['GuardDuty-ap-northeast-1'].depends_on = [ORG];
        admins['GuardDuty-us-east-1'].depends_on = ['aws_guardduty_organization_admin_account.GuardDuty-ap-northeast-1'];
      }),
    );
    expect(reversed.problems).toEqual(['management: the aws_guardduty_organization_admin_account chain starts in ap-northeast-1, not in the home region us-east-1']);
  });
});

import { delegatedAdministratorRegistrations } from '../../../../checks/constraints/rules/delegated-administrator-registrations';
import { context, SECURITY } from '../fixtures';

describe('constraint delegated-administrator-registrations', () => {
  it('passes a delegable principal with trusted access registered once for a member account', () => {
    const result = delegatedAdministratorRegistrations.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence[0].note).toBe('config.amazonaws.com → the security account (222222222222)');
  });

  it('fails the management account, a principal without trusted access, and a second registration', () => {
    const result = delegatedAdministratorRegistrations.check(
      context((s) => {
        const admins = s.management.resource.aws_organizations_delegated_administrator;
        admins.Health = { account_id: '111111111111', service_principal: 'health.amazonaws.com' };
        admins.ConfigAgain = { account_id: SECURITY, service_principal: 'config.amazonaws.com' };
      }),
    );
    expect(result.problems).toEqual([
      'management: aws_organizations_delegated_administrator.Health (health.amazonaws.com): health.amazonaws.com has no trusted access (aws_service_access_principals)',
      'management: aws_organizations_delegated_administrator.Health (health.amazonaws.com): registers the management account, which Organizations refuses',
      'management: aws_organizations_delegated_administrator.ConfigAgain (config.amazonaws.com): the security account (222222222222) is already registered for config.amazonaws.com by aws_organizations_delegated_administrator.Config',
    ]);
  });

  it("fails an Organizations registration beside the service's own designation of the same account", () => {
    const result = delegatedAdministratorRegistrations.check(
      context((s) => (s.management.resource.aws_organizations_delegated_administrator.CloudTrail = { account_id: SECURITY, service_principal: 'cloudtrail.amazonaws.com' })),
    );
    expect(result.problems).toEqual([
      'management: aws_organizations_delegated_administrator.CloudTrail (cloudtrail.amazonaws.com): management: aws_cloudtrail_organization_delegated_admin_account.CloudTrail registers the security account (222222222222) for cloudtrail.amazonaws.com already (AccountAlreadyRegisteredException); keep only one',
    ]);
  });

  it('warns, without failing, about a principal it does not know to be delegable', () => {
    const result = delegatedAdministratorRegistrations.check(
      context((s) => {
        s.management.resource.aws_organizations_organization.Organization.aws_service_access_principals.push('example.amazonaws.com');
        s.management.resource.aws_organizations_delegated_administrator.Example = { account_id: SECURITY, service_principal: 'example.amazonaws.com' };
      }),
    );
    expect(result.status).toBe('pass');
    expect(result.warnings).toEqual([
      'management: aws_organizations_delegated_administrator.Example (example.amazonaws.com): example.amazonaws.com is not among the delegable principals this check knows; confirm it on the Organizations services list',
    ]);
  });
});

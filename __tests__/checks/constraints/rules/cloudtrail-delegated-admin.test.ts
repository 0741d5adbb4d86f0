import { cloudTrailDelegatedAdmin } from '../../../../checks/constraints/rules/cloudtrail-delegated-admin';
import { context, SECURITY } from '../fixtures';

describe('constraint cloudtrail-delegated-admin', () => {
  it("passes an organization trail from the account registered through CloudTrail's own API", () => {
    const result = cloudTrailDelegatedAdmin.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence[0].note).toBe("the security account (222222222222) is CloudTrail's delegated administrator");
  });

  it('fails a trail and an event data store from an account registered only through Organizations', () => {
    const result = cloudTrailDelegatedAdmin.check(
      context((s) => {
        delete s.management.resource.aws_cloudtrail_organization_delegated_admin_account;
        s.management.resource.aws_organizations_delegated_administrator.CloudTrail = { account_id: SECURITY, service_principal: 'cloudtrail.amazonaws.com' };
        s.security.resource.aws_cloudtrail_event_data_store = { Lake: { organization_enabled: true, provider: 'aws.security-us-east-1' } };
      }),
    );
    const why =
      "created from the security account (222222222222), which is registered only through Organizations (aws_organizations_delegated_administrator cloudtrail.amazonaws.com); register it with aws_cloudtrail_organization_delegated_admin_account instead, which creates CloudTrail's service-linked role in the management account";
    expect(result.problems).toEqual([`security: aws_cloudtrail.Trail: ${why}`, `security: aws_cloudtrail_event_data_store.Lake: ${why}`]);
  });

  it('fails a trail from an account that is no delegated administrator at all, and passes one from the management account', () => {
    const unregistered = cloudTrailDelegatedAdmin.check(context((s) => delete s.management.resource.aws_cloudtrail_organization_delegated_admin_account));
    const why = "created from the security account (222222222222), which is not CloudTrail's delegated administrator (aws_cloudtrail_organization_delegated_admin_account)";
    expect(unregistered.problems).toEqual([`security: aws_cloudtrail.Trail: ${why}`, `security: aws_cloudtrail_event_data_store.Lake: ${why}`]);
    const fromManagement = cloudTrailDelegatedAdmin.check(
      context((s) => {
        delete s.management.resource.aws_cloudtrail_organization_delegated_admin_account;
        delete s.security.resource.aws_cloudtrail.Trail.provider;
        delete s.security.resource.aws_cloudtrail_event_data_store.Lake.provider;
      }),
    );
    expect(fromManagement.status).toBe('pass');
  });
});

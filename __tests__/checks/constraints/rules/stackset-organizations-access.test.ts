import { stackSetOrganizationsAccess } from '../../../../checks/constraints/rules/stackset-organizations-access';
import { context } from '../fixtures';

describe('constraint stackset-organizations-access', () => {
  it("passes a service-managed StackSet that waits for CloudFormation's activation (and through it, the organization)", () => {
    const result = stackSetOrganizationsAccess.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence[0].note).toBe('after aws_iam_service_linked_role.StackSetsOrgAdmin');
  });

  it('fails without the activation, and without a dependency on the organization', () => {
    const result = stackSetOrganizationsAccess.check(
      context((s) => {
        delete s.management.resource.aws_iam_service_linked_role;
        delete s.management.resource.aws_cloudformation_stack_set.AuditRole.depends_on;
      }),
    );
    expect(result.problems).toEqual([
      "management: aws_cloudformation_stack_set.AuditRole: nothing activates CloudFormation's trusted access with Organizations (ActivateOrganizationsAccess, role AWSServiceRoleForCloudFormationStackSetsOrgAdmin); the Organizations principal alone is not enough",
      'management: aws_cloudformation_stack_set.AuditRole: does not depend on the organization (aws_organizations_organization.Organization)',
    ]);
  });

  it('accepts an activate-organizations-access command as the activation, but only when the StackSet waits for it', () => {
    const edit = (dependsOn: string[]) => (s: any) => {
      delete s.management.resource.aws_iam_service_linked_role;
      s.management.resource.terraform_data = {
        ActivateStackSets: { provisioner: [{ 'local-exec': { command: 'aws cloudformation activate-organizations-access' } }], depends_on: ['aws_organizations_organization.Organization'] },
      };
      s.management.resource.aws_cloudformation_stack_set.AuditRole.depends_on = dependsOn;
    };
    expect(stackSetOrganizationsAccess.check(context(edit(['terraform_data.ActivateStackSets']))).status).toBe('pass');
    expect(stackSetOrganizationsAccess.check(context(edit(['aws_organizations_organization.Organization']))).problems).toEqual([
      "management: aws_cloudformation_stack_set.AuditRole: does not depend on terraform_data.ActivateStackSets, which activates CloudFormation's organizations access",
    ]);
  });

  it('fails without the Organizations principal, and call_as SELF outside the management account', () => {
    const result = stackSetOrganizationsAccess.check(
      context((s) => {
        const org = s.management.resource.aws_organizations_organization.Organization;
        org.aws_service_access_principals = org.aws_service_access_principals.filter((p: string) => !p.startsWith('member.org.stacksets'));
        s.management.provider.aws[0].assume_role = [{ role_arn: 'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole' }];
      }),
    );
    expect(result.problems).toEqual([
      "management: aws_cloudformation_stack_set.AuditRole: member.org.stacksets.cloudformation.amazonaws.com is not in the organization's aws_service_access_principals",
      'management: aws_cloudformation_stack_set.AuditRole: call_as SELF from the security account (222222222222); service-managed StackSets are created by the management account (or call_as DELEGATED_ADMIN from a registered delegated administrator)',
    ]);
  });
});

import { organizationTrustedAccess } from '../../../../checks/constraints/rules/organization-trusted-access';
import { context } from '../fixtures';

const without = (principal: string) => (s: any) => {
  const org = s.management.resource.aws_organizations_organization.Organization;
  org.aws_service_access_principals = org.aws_service_access_principals.filter((p: string) => p !== principal);
};

describe('constraint organization-trusted-access', () => {
  it('passes when every organization-wide service has its principal', () => {
    const result = organizationTrustedAccess.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence[0].note).toBe('10 trusted services cover every organization-wide resource');
  });

  it('fails GuardDuty malware protection without malware-protection.guardduty.amazonaws.com', () => {
    const result = organizationTrustedAccess.check(context(without('malware-protection.guardduty.amazonaws.com')));
    expect(result.problems).toEqual([
      'malware-protection.guardduty.amazonaws.com is not in management: aws_organizations_organization.Organization aws_service_access_principals, but 1 resource(s) use it (security: aws_guardduty_organization_configuration_feature.GuardDuty-us-east-1_Malware)',
    ]);
  });

  it.each([
    ['cloudtrail.amazonaws.com', 'security: aws_cloudtrail.Trail, ...'],
    ['access-analyzer.amazonaws.com', 'security: aws_accessanalyzer_analyzer.Analyzer'],
    ['sso.amazonaws.com', 'management: aws_ssoadmin_account_assignment.AdminShop'],
    ['iam.amazonaws.com', 'management: aws_iam_organizations_features.Root'],
    ['config.amazonaws.com', 'security: aws_config_configuration_aggregator.Aggregator'],
  ])('fails without %s, naming the resource that needs it', (principal, user) => {
    const result = organizationTrustedAccess.check(context(without(principal)));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(new RegExp(`^${principal.replace(/\./g, '\\.')} is not in .* use it \\(${user.replace(/[.()]/g, '\\$&')}\\)$`));
  });

  it('does not ask for the malware principal when the feature is off', () => {
    const result = organizationTrustedAccess.check(
      context((s) => {
        without('malware-protection.guardduty.amazonaws.com')(s);
        s.security.resource.aws_guardduty_organization_configuration_feature['GuardDuty-us-east-1_Malware'].auto_enable = 'NONE';
      }),
    );
    expect(result.status).toBe('pass');
  });
});

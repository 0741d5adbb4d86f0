import { guardDutySecurityHub } from '../../../../checks/checklist/rules/guardduty-securityhub';
import { context } from '../fixtures';

describe('check rule guardduty-securityhub', () => {
  it('passes with GuardDuty auto-enabling ALL members in every governed region and Security Hub central configuration at Root', () => {
    const result = guardDutySecurityHub.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.address)).toEqual([
      'aws_guardduty_organization_configuration.Home',
      'aws_securityhub_configuration_policy_association.Root',
    ]);
  });

  it('fails a governed region without GuardDuty auto-enable or a delegated administrator', () => {
    const result = guardDutySecurityHub.check(
      context((s) => {
        s.security.resource.aws_guardduty_organization_configuration.Tokyo.auto_enable_organization_members = 'NEW';
        delete s.management.resource.aws_guardduty_organization_admin_account.GdTokyo;
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual([
      'GuardDuty ap-northeast-1: no delegated administrator; ap-northeast-1: no organization configuration auto-enabling ALL members (security.guardDuty)',
    ]);
  });

  it('fails when the Security Hub finding aggregator does not link a governed region', () => {
    const result = guardDutySecurityHub.check(context((s) => (s.security.resource.aws_securityhub_finding_aggregator.Aggregator.specified_regions = [])));
    expect(result.problems).toEqual(['Security Hub: central configuration does not reach ap-northeast-1 (the finding aggregator must link every governed region)']);
  });

  it('fails when no enabled configuration policy is associated with Root', () => {
    const result = guardDutySecurityHub.check(context((s) => (s.security.resource.aws_securityhub_configuration_policy.Policy.configuration_policy.service_enabled = false)));
    expect(result.problems[0]).toContain('central configuration has no enabled policy associated with Root');
  });
});

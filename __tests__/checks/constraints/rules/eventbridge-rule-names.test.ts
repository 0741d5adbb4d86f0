import { eventBridgeRuleNames } from '../../../../checks/constraints/rules/eventbridge-rule-names';
import { context } from '../fixtures';

describe('constraint eventbridge-rule-names', () => {
  it('passes short names, the same name allowed in another Region', () => {
    const result = eventBridgeRuleNames.check(context((s) => (s.security.resource.aws_cloudwatch_event_rule['GuardDutyForward-ap-northeast-1'].name = 'acme-guardduty-findings')));
    expect(result.status).toBe('pass');
    expect(result.evidence).toHaveLength(2);
  });

  it('fails a name over 64 characters (a long organization name) and a name used twice on one bus', () => {
    const long = `${'a'.repeat(50)}-guardduty-findings`;
    const result = eventBridgeRuleNames.check(
      context((s) => {
        const rules = s.security.resource.aws_cloudwatch_event_rule;
        rules.GuardDutyFindings.name = long;
        rules.Again = { name: 'acme-guardduty-forward', provider: 'aws.security-ap-northeast-1' };
      }),
    );
    expect(result.problems).toEqual([
      `security: aws_cloudwatch_event_rule.GuardDutyFindings: ${JSON.stringify(long)} must be 1 to 64 of letters, digits, . - _ (69 characters)`,
      'security: aws_cloudwatch_event_rule.Again: "acme-guardduty-forward" is also the name of security: aws_cloudwatch_event_rule.GuardDutyForward-ap-northeast-1 on the same bus in the security account (222222222222) ap-northeast-1',
    ]);
  });
});

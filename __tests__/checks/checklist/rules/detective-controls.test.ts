import { detectiveControls } from '../../../../checks/checklist/rules/detective-controls';
import { context } from '../fixtures';

describe('check rule detective-controls', () => {
  it('passes with Config rules, an organization aggregator, Security Hub standards, a finding aggregator and a non-compliance → SNS rule', () => {
    const result = detectiveControls.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.address)).toEqual([
      'aws_config_organization_managed_rule.Rule',
      'aws_config_configuration_aggregator.Aggregator',
      'aws_securityhub_configuration_policy.Policy',
      'aws_securityhub_finding_aggregator.Aggregator',
      'aws_cloudwatch_event_rule.ConfigCompliance',
    ]);
  });

  it('fails without Config rules or Security Hub standards', () => {
    const result = detectiveControls.check(
      context((s) => {
        delete s.security.resource.aws_config_organization_managed_rule;
        s.security.resource.aws_securityhub_configuration_policy.Policy.configuration_policy.enabled_standard_arns = [];
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual(['no Config rules or conformance packs (security.config.rules)', 'no Security Hub standards enabled (security.securityHub.standards)']);
  });

  it('fails when the non-compliance rule targets something other than SNS', () => {
    const result = detectiveControls.check(context((s) => (s.security.resource.aws_cloudwatch_event_target.ConfigCompliance_Target.arn = '${aws_sqs_queue.Q.arn}')));
    expect(result.problems).toEqual(['no EventBridge rule sends Config non-compliance to an SNS topic (security.notifications.configNonCompliance)']);
  });

  it('fails without aggregators', () => {
    const result = detectiveControls.check(
      context((s) => {
        delete s.security.resource.aws_config_configuration_aggregator;
        delete s.security.resource.aws_securityhub_finding_aggregator;
      }),
    );
    expect(result.problems).toHaveLength(2);
    expect(result.problems[1]).toContain('no Security Hub finding aggregator');
  });
});

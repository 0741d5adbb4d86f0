import { verdict, type CheckRule, type Evidence } from '../types';
import { evidenceOf, find, referencedAddress } from '../resources';
import { address } from '../../../lib/stack-json';

/** An EventBridge pattern that matches AWS Config NON_COMPLIANT evaluations. */
function isNonComplianceRule(pattern: unknown): boolean {
  let p: any;
  try {
    p = typeof pattern === 'string' ? JSON.parse(pattern) : pattern;
  } catch {
    return false;
  }
  const sources: unknown[] = p?.source ?? [];
  const types: unknown[] = p?.['detail-type'] ?? [];
  const text = JSON.stringify(p ?? {});
  return (
    (sources.includes('aws.config') && types.includes('Config Rules Compliance Change') && text.includes('NON_COMPLIANT')) ||
    (sources.includes('aws.securityhub') && text.includes('"FAILED"'))
  );
}

/**
 * Seed 004 state 1-C: detective controls. Config rules (organization rules or conformance packs),
 * an organization Config aggregator, Security Hub standards and a finding aggregator, and
 * non-compliance notification (an EventBridge rule on Config non-compliance targeting SNS).
 */
export const detectiveControls: CheckRule = {
  id: 'detective-controls',
  title: 'Detective controls: Config rules + aggregator, Security Hub standards + finding aggregator, non-compliance notification',
  seedItem: '1-C',
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];

    const rules = [
      ...find(ctx, 'aws_config_organization_managed_rule'),
      ...find(ctx, 'aws_config_organization_custom_rule'),
      ...find(ctx, 'aws_config_organization_conformance_pack'),
      ...find(ctx, 'aws_config_conformance_pack'),
      ...find(ctx, 'aws_config_config_rule'),
    ];
    const inStacks = new Set(rules.map((r) => r.stack)).size;
    if (rules.length > 0) evidence.push(evidenceOf(rules[0], `${rules.length} Config rule(s) / conformance pack(s) in ${inStacks} stack(s)`));
    else problems.push('no Config rules or conformance packs (security.config.rules)');

    const aggregator = find(ctx, 'aws_config_configuration_aggregator').find((a) => a.body.organization_aggregation_source);
    if (aggregator) evidence.push(evidenceOf(aggregator, 'organization-wide Config aggregator'));
    else problems.push('no organization Config aggregator (aws_config_configuration_aggregator with organization_aggregation_source)');

    const standards = [
      ...find(ctx, 'aws_securityhub_configuration_policy').filter(
        (p) => p.body.configuration_policy?.service_enabled === true && (p.body.configuration_policy?.enabled_standard_arns ?? []).length > 0,
      ),
      ...find(ctx, 'aws_securityhub_standards_subscription'),
    ];
    if (standards.length > 0) {
      const n = standards[0].body.configuration_policy?.enabled_standard_arns?.length;
      evidence.push(evidenceOf(standards[0], n ? `${n} Security Hub standard(s)` : 'Security Hub standard subscribed'));
    } else problems.push('no Security Hub standards enabled (security.securityHub.standards)');

    const findingAggregator = find(ctx, 'aws_securityhub_finding_aggregator')[0];
    if (findingAggregator) evidence.push(evidenceOf(findingAggregator, `linking_mode = ${findingAggregator.body.linking_mode}`));
    else problems.push('no Security Hub finding aggregator (aws_securityhub_finding_aggregator)');

    const targets = find(ctx, 'aws_cloudwatch_event_target');
    const notified = find(ctx, 'aws_cloudwatch_event_rule')
      .filter((r) => isNonComplianceRule(r.body.event_pattern))
      .find((r) =>
        targets.some(
          (t) => t.stack === r.stack && referencedAddress(t.body.rule) === address(r.type, r.name) && (referencedAddress(t.body.arn) ?? '').startsWith('aws_sns_topic.'),
        ),
      );
    if (notified) evidence.push(evidenceOf(notified, 'non-compliance → SNS'));
    else problems.push('no EventBridge rule sends Config non-compliance to an SNS topic (security.notifications.configNonCompliance)');
    return verdict(evidence, problems);
  },
};

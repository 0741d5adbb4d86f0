import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find, type FoundResource } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { accountLabel, accountOf, regionLabel } from '../resources';
import { hasExpression } from '../sizes';

/**
 * EventBridge PutRule: a rule name is 1 to 64 of [.\-_A-Za-z0-9], and unique per event bus in an
 * account and Region (a second PutRule with the same name overwrites the first rule).
 */
export const eventBridgeRuleNames: ConstraintRule = {
  id: 'eventbridge-rule-names',
  title: 'EventBridge rule names: 1-64 of [.-_A-Za-z0-9], unique per account, Region and event bus',
  sources: ['https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const seen = new Map<string, FoundResource>();
    for (const r of find(ctx, 'aws_cloudwatch_event_rule')) {
      const name = r.body.name;
      if (typeof name !== 'string' || hasExpression(name)) continue;
      const at = `${r.stack}: aws_cloudwatch_event_rule.${r.name}: ${JSON.stringify(name)}`;
      const before = problems.length;
      if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(name)) problems.push(`${at} must be 1 to 64 of letters, digits, . - _ (${name.length} characters)`);
      const key = `${accountOf(ctx, r)}|${regionLabel(r)}|${r.body.event_bus_name ?? 'default'}|${name}`;
      const twin = seen.get(key);
      if (twin) problems.push(`${at} is also the name of ${twin.stack}: aws_cloudwatch_event_rule.${twin.name} on the same bus in ${accountLabel(ctx, accountOf(ctx, r))} ${regionLabel(r)}`);
      seen.set(key, r);
      if (problems.length === before) evidence.push(evidenceOf(r, name));
    }
    return verdict(evidence, problems);
  },
};

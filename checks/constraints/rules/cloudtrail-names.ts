import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { hasExpression } from '../sizes';

/** What is wrong with a trail name (CreateTrail), or undefined. */
export function trailNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 128) return `is ${name.length} characters (3 to 128)`;
  if (!/^[A-Za-z0-9._-]+$/.test(name)) return 'may hold only letters, digits, periods, underscores and hyphens';
  if (!/^[A-Za-z0-9]/.test(name) || !/[A-Za-z0-9]$/.test(name)) return 'must begin and end with a letter or digit';
  if (/[._-]{2}/.test(name)) return 'must not hold adjacent periods, underscores or hyphens';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'must not be formatted as an IP address';
  return undefined;
}

/** CloudTrail trail names (CreateTrail) and event data store names (CreateEventDataStore: 3-128 of [a-zA-Z0-9._-]). */
export const cloudTrailNames: ConstraintRule = {
  id: 'cloudtrail-names',
  title: 'CloudTrail trail and event data store names follow the CreateTrail / CreateEventDataStore rules',
  sources: ['https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html', 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateEventDataStore.html'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    for (const t of find(ctx, 'aws_cloudtrail')) {
      if (typeof t.body.name !== 'string' || hasExpression(t.body.name)) continue;
      const problem = trailNameProblem(t.body.name);
      if (problem) problems.push(`${t.stack}: aws_cloudtrail.${t.name}: ${JSON.stringify(t.body.name)} ${problem}`);
      else evidence.push(evidenceOf(t, t.body.name));
    }
    for (const s of find(ctx, 'aws_cloudtrail_event_data_store')) {
      const name = s.body.name;
      if (typeof name !== 'string' || hasExpression(name)) continue;
      if (!/^[a-zA-Z0-9._-]{3,128}$/.test(name)) problems.push(`${s.stack}: aws_cloudtrail_event_data_store.${s.name}: ${JSON.stringify(name)} must be 3 to 128 of letters, digits, . _ -`);
      else evidence.push(evidenceOf(s, name));
    }
    return verdict(evidence, problems);
  },
};

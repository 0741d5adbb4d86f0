import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';

/** Each plan-gate finding is acknowledged once (reviewPlan.acknowledge): a second entry would hide a stale reason. */
export const checkReviewPlan: Rule = (config) => {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  config.reviewPlan.acknowledge.forEach((a, i) => {
    const first = seen.get(a.change);
    if (first !== undefined) problems.push({ path: ['reviewPlan', 'acknowledge', i, 'change'], message: `${show(a.change)} is already acknowledged at reviewPlan.acknowledge[${first}]; keep one entry with one reason` });
    else seen.set(a.change, i);
  });
  return problems;
};

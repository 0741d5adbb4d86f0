import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';
import { createsStateBucket } from '../model';

/**
 * `state.writers` names principals of the management account (the state bucket's policy is checked against
 * their `aws:PrincipalArn`), and only where the landing zone makes the state bucket (backend s3 with bootstrap):
 * elsewhere the bucket's policy is not the landing zone's to write.
 */
export const checkStateWriters: Rule = (config) => {
  const { state, organization } = config;
  const problems: Problem[] = [];
  if (!state.writers) return problems;
  if (!createsStateBucket(config)) {
    problems.push({
      path: ['state', 'writers'],
      message: `has no effect: the landing zone makes no state bucket (state.backend ${show(state.backend)}, state.bootstrap ${show(state.bootstrap)}); remove it, and restrict writes in the policy of the bucket where it is managed (docs/operations.md)`,
    });
  }
  state.writers.forEach((arn, i) => {
    const account = arn.split(':')[4];
    if (account !== organization.managementAccountId) {
      problems.push({
        path: ['state', 'writers', i],
        message: `${show(arn)} is in account ${account}, not the management account ${organization.managementAccountId} that holds the state bucket; name a principal of the management account`,
      });
    }
  });
  return problems;
};

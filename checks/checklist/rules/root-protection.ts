import { verdict, type CheckRule, type Evidence } from '../types';
import { evidenceOf, find } from '../resources';
import { conditionValues, organizationPolicies, requireAttachedStatement } from '../policies';

const FEATURES = ['RootCredentialsManagement', 'RootSessions'];

/**
 * Seed 004 state 1-A: root users are protected. Centralized root access management
 * (aws_iam_organizations_features with RootCredentialsManagement and RootSessions: member accounts
 * have no root credentials, privileged root tasks go through AssumeRoot) and an attached SCP that
 * denies every action by a root user.
 */
export const rootProtection: CheckRule = {
  id: 'root-protection',
  title: 'Root users protected: centralized root access management and the deny-root-user SCP',
  seedItem: '1-A',
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const features = find(ctx, 'aws_iam_organizations_features');
    const full = features.find((f) => FEATURES.every((x) => (f.body.enabled_features ?? []).includes(x)));
    if (full) evidence.push(evidenceOf(full, `enabled_features = ${FEATURES.join(', ')}`));
    else if (features.length > 0) {
      const missing = FEATURES.filter((x) => !(features[0].body.enabled_features ?? []).includes(x));
      problems.push(`root access management lacks ${missing.join(' and ')}; the management stack's RootAccessManagement construct sets both`);
    } else problems.push('no aws_iam_organizations_features: centralized root access management is off (management stack, constructs/organization/root-access-management.ts)');

    const scp = requireAttachedStatement(organizationPolicies(ctx), {
      label: 'deny-root-user',
      policyType: 'SERVICE_CONTROL_POLICY',
      fix: 'guardrails.scp (policy: deny-root-user)',
      matches: (s) => s.Effect === 'Deny' && conditionValues(s, 'aws:PrincipalArn').some((v) => /^arn:aws:iam::\*:root$/.test(String(v))),
    });
    if (scp.evidence) evidence.push(scp.evidence);
    if (scp.problem) problems.push(scp.problem);
    return verdict(evidence, problems);
  },
};

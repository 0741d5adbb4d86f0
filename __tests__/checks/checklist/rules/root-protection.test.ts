import { rootProtection } from '../../../../checks/checklist/rules/root-protection';
import { context, withStatements } from '../fixtures';

describe('check rule root-protection', () => {
  it('passes with root access management and an attached deny-root-user SCP, naming both as evidence', () => {
    const result = rootProtection.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.address)).toEqual(['aws_iam_organizations_features.RootAccessManagement', 'aws_organizations_policy.Scp']);
  });

  it('fails when root sessions are not enabled', () => {
    const result = rootProtection.check(context((s) => (s.management.resource.aws_iam_organizations_features.RootAccessManagement.enabled_features = ['RootCredentialsManagement'])));
    expect(result.status).toBe('fail');
    expect(result.problems[0]).toContain('lacks RootSessions');
  });

  it('fails when no SCP denies the root user', () => {
    const result = rootProtection.check(context((s) => withStatements(s, 'Scp', (st) => st.filter((x) => x.Sid !== 'DenyRootUser'))));
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual(['deny-root-user: no SERVICE_CONTROL_POLICY has it; turn it on with guardrails.scp (policy: deny-root-user)']);
  });

  it('fails when the deny-root-user SCP is attached nowhere', () => {
    const result = rootProtection.check(context((s) => delete s.management.resource.aws_organizations_policy_attachment.ScpRoot));
    expect(result.problems[0]).toContain('aws_organizations_policy.Scp exists but is attached nowhere');
  });
});

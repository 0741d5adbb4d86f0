import { durationMinutes, permissionSetLimits } from '../../../../checks/constraints/rules/permission-set-limits';
import { context, policy } from '../fixtures';

describe('constraint permission-set-limits', () => {
  it('passes a one-hour permission set with a small inline policy', () => {
    const result = permissionSetLimits.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence[0].note).toBe('AdministratorAccess, PT1H');
  });

  it('reads ISO-8601 durations', () => {
    expect(durationMinutes('PT1H')).toBe(60);
    expect(durationMinutes('PT12H')).toBe(720);
    expect(durationMinutes('PT90M')).toBe(90);
    expect(durationMinutes('P1D')).toBe(1440);
    expect(durationMinutes('1 hour')).toBeUndefined();
  });

  it.each([
    ['PT30M', 'session_duration PT30M is outside 1 to 12 hours (PT1H to PT12H)'],
    ['PT13H', 'session_duration PT13H is outside 1 to 12 hours (PT1H to PT12H)'],
    ['8h', 'session_duration "8h" is not an ISO-8601 duration'],
  ])('fails session duration %s', (duration, problem) => {
    const result = permissionSetLimits.check(context((s) => (s.management.resource.aws_ssoadmin_permission_set.Admin.session_duration = duration)));
    expect(result.problems).toEqual([`management: aws_ssoadmin_permission_set.Admin: ${problem}`]);
  });

  it('fails an inline policy over 10,240 characters besides white space, and warns from 11 managed policies on', () => {
    const dense = policy([{ Sid: 'p'.repeat(10300), Effect: 'Deny', Action: '*', Resource: '*' }]);
    const result = permissionSetLimits.check(
      context((s) => {
        const m = s.management.resource;
        m.aws_ssoadmin_permission_set_inline_policy.AdminInline.inline_policy = dense;
        for (let i = 0; i < 10; i++) m.aws_ssoadmin_managed_policy_attachment[`More${i}`] = { ...m.aws_ssoadmin_managed_policy_attachment.AdminManaged };
      }),
    );
    expect(result.problems).toEqual([`management: aws_ssoadmin_permission_set.Admin: inline policy AdminInline has ${dense.length} characters besides white space; the maximum is 10240`]);
    expect(result.warnings).toEqual([
      'management: aws_ssoadmin_permission_set.Admin: 11 managed policies; IAM allows 10 per role by default, so raise "Managed policies attached to an IAM role" in every account it is assigned to',
    ]);
  });

  it('fails a long name, an inline policy over 32 KB and 21 managed policies', () => {
    const big = policy([{ Sid: 'p'.repeat(33000), Effect: 'Deny', Action: '*', Resource: '*' }]);
    const result = permissionSetLimits.check(
      context((s) => {
        const m = s.management.resource;
        m.aws_ssoadmin_permission_set.Admin.name = 'AdministratorAccessForEveryoneEverywhere';
        m.aws_ssoadmin_permission_set_inline_policy.AdminInline.inline_policy = big;
        for (let i = 0; i < 20; i++) m.aws_ssoadmin_managed_policy_attachment[`More${i}`] = { ...m.aws_ssoadmin_managed_policy_attachment.AdminManaged };
      }),
    );
    expect(result.problems).toEqual([
      'management: aws_ssoadmin_permission_set.Admin: name "AdministratorAccessForEveryoneEverywhere" must be 1 to 32 of [A-Za-z0-9_+=,.@-]',
      `management: aws_ssoadmin_permission_set.Admin: inline policy AdminInline is ${big.length} bytes; the maximum is 32768`,
      'management: aws_ssoadmin_permission_set.Admin: 21 managed policies attached; a permission set takes at most 20',
    ]);
  });
});

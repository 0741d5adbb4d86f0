import { federatedAccess } from '../../../../checks/checklist/rules/federated-access';
import { context } from '../fixtures';

describe('check rule federated-access', () => {
  it('passes with permission sets and account assignments, without advice for short admin and read-only sessions', () => {
    const result = federatedAccess.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence[0].note).toBe('2 permission set(s): AdministratorAccess, ReadOnlyAccess');
    expect(result.warnings).toEqual([]);
  });

  it('fails without account assignments', () => {
    const result = federatedAccess.check(context((s) => delete s.management.resource.aws_ssoadmin_account_assignment));
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual(['no account assignments: nobody can sign in to any account; add identityCenter.groups and identityCenter.assignments']);
  });

  it('warns about long sessions and a missing read-only permission set', () => {
    const result = federatedAccess.check(context((s) => (s.management.resource.aws_ssoadmin_permission_set = { Admin: { name: 'AdministratorAccess', session_duration: 'PT12H' } })));
    expect(result.status).toBe('pass');
    expect(result.warnings).toEqual(['no read-only permission set', 'long sessions (> 8 h): AdministratorAccess PT12H']);
  });
});

import { MINIMAL_YAML, problemsOf, configFrom } from '../../harness/config';
import { parse } from 'yaml';

const withIdentityCenter = (identityCenter: unknown) => JSON.stringify({ ...parse(MINIMAL_YAML), identityCenter });

describe('identityCenter meaning checks', () => {
  it('accepts groups, existing groups, OU and account targets and the default permission sets', () => {
    const config = configFrom({
      ...parse(MINIMAL_YAML),
      identityCenter: {
        groups: [{ name: 'admins' }, { name: 'Corp Devs', existing: true }],
        assignments: [
          { group: 'admins', permissionSet: 'AdministratorAccess', targets: ['Root'] },
          { group: 'Corp Devs', permissionSet: 'ReadOnlyAccess', targets: ['Workloads', 'shop-prod'] },
        ],
      },
    });
    expect(config.identityCenter.groups[1].existing).toBe(true);
  });

  it('fails on an unknown permission set in an assignment, with a did-you-mean', () => {
    const text = withIdentityCenter({ groups: [{ name: 'admins' }], assignments: [{ group: 'admins', permissionSet: 'AdministratorAcess', targets: ['shop-prod'] }] });
    expect(problemsOf(text)).toContain(
      'identityCenter.assignments[0].permissionSet (line 1): permission set "AdministratorAcess" is not defined; did you mean "AdministratorAccess"?',
    );
  });

  it('fails on an unknown permission set when the defaults are off, naming the ones there are', () => {
    const text = withIdentityCenter({
      includeDefaultPermissionSets: false,
      permissionSets: [{ name: 'Auditor', managedPolicies: ['SecurityAudit'] }],
      groups: [{ name: 'admins' }],
      assignments: [{ group: 'admins', permissionSet: 'ReadOnlyAccess', targets: ['shop-prod'] }],
    });
    expect(problemsOf(text)).toContain('permission set "ReadOnlyAccess" is not defined (includeDefaultPermissionSets is false); define it under identityCenter.permissionSets or use one of Auditor');
  });

  it('fails on an unknown group and an unknown OU target', () => {
    const text = withIdentityCenter({
      groups: [{ name: 'platform-admins' }],
      assignments: [{ group: 'platform-admin', permissionSet: 'ReadOnlyAccess', targets: ['Workload/Prod', 'nobody'] }],
    });
    const message = problemsOf(text);
    expect(message).toContain('has 3 problems:');
    expect(message).toContain('identityCenter.assignments[0].group (line 1): group "platform-admin" is not in identityCenter.groups; did you mean "platform-admins"?');
    expect(message).toContain('identityCenter.assignments[0].targets[0] (line 1): "Workload/Prod" is neither an account name, an OU path nor "Root"; did you mean "Workloads/Prod"?');
    expect(message).toContain('identityCenter.assignments[0].targets[1] (line 1): "nobody" is neither an account name, an OU path nor "Root"; use an account name from accounts or a path from organizationalUnits');
  });

  it('fails on duplicate permission sets and groups', () => {
    const message = problemsOf(
      withIdentityCenter({ permissionSets: [{ name: 'Ops' }, { name: 'Ops' }], groups: [{ name: 'Admins' }, { name: 'admins' }] }),
    );
    expect(message).toContain('identityCenter.permissionSets[1].name (line 1): "Ops" is already defined at permissionSets[0]; every permission set needs its own name');
    expect(message).toContain('identityCenter.groups[1].name (line 1): "admins" is already listed at groups[0]; group names are unique in the identity store (ignoring case)');
  });

  it('fails on a session duration that is not ISO-8601 or longer than 12 hours', () => {
    const message = problemsOf(withIdentityCenter({ permissionSets: [{ name: 'A', sessionDuration: '1h' }, { name: 'B', sessionDuration: 'PT13H' }] }));
    expect(message).toContain('identityCenter.permissionSets[0].sessionDuration (line 1): "1h" is not an ISO-8601 duration; write hours and minutes like "PT1H", "PT8H" or "PT1H30M"');
    expect(message).toContain('identityCenter.permissionSets[1].sessionDuration (line 1): "PT13H" is outside what IAM Identity Center allows; use 1 to 12 hours ("PT1H" to "PT12H")');
  });
});

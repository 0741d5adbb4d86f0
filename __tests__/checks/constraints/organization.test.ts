import { accountsReachedBy, ouChain, trustedPrincipals } from '../../../checks/constraints/organization';
import { context, ROOT } from './fixtures';

describe('organization structure from the management stack', () => {
  const ctx = context();

  it('walks an OU up to the root', () => {
    expect(ouChain(ctx, 'OU-Workloads--Prod')).toEqual(['OU-Workloads--Prod', 'OU-Workloads']);
  });

  it('knows which accounts a policy attachment reaches: all for Root, the accounts below an OU, one account', () => {
    expect(accountsReachedBy(ctx, ROOT)).toBe('all');
    expect(accountsReachedBy(ctx, '${aws_organizations_organizational_unit.OU-Workloads.id}')).toEqual(new Set(['account:Account-shop']));
    expect(accountsReachedBy(ctx, '${aws_organizations_organizational_unit.OU-Security.id}')).toEqual(new Set(['222222222222', 'account:Account-log-archive']));
    expect(accountsReachedBy(ctx, '333333333333')).toEqual(new Set(['333333333333']));
  });

  it('reads the trusted-access list, or nothing without an organization resource', () => {
    expect(trustedPrincipals(ctx)?.has('sso.amazonaws.com')).toBe(true);
    expect(trustedPrincipals(context((s) => delete s.management.resource.aws_organizations_organization))).toBeUndefined();
  });
});

import { inspectorEnablerAccounts } from '../../../../checks/constraints/rules/inspector-enabler-accounts';
import { context, SECURITY } from '../fixtures';

describe('constraint inspector-enabler-accounts', () => {
  it('passes one enabler for the administrator and one for the members', () => {
    const result = inspectorEnablerAccounts.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.note)).toEqual(['administrator account only', '2 member account(s)']);
  });

  it('fails an enabler that lists the administrator with member accounts', () => {
    const result = inspectorEnablerAccounts.check(
      context((s) => s.security.resource.aws_inspector2_enabler['Inspector-us-east-1_Members'].account_ids.unshift(SECURITY)),
    );
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual([
      'security: aws_inspector2_enabler.Inspector-us-east-1_Members (us-east-1) lists the administrator the security account (222222222222) together with 2 member account(s); use one enabler for the administrator account and a second one, depending on it, for the members',
    ]);
  });

  it('recognizes the administrator by the enabler provider account even without a delegated-admin resource', () => {
    const result = inspectorEnablerAccounts.check(
      context((s) => {
        delete s.management.resource.aws_inspector2_delegated_admin_account;
        s.security.resource.aws_inspector2_enabler['Inspector-us-east-1_Admin'].account_ids.push('${data.terraform_remote_state.management.outputs.cross-stack-output-aws_organizations_accountAccount-shopid}');
      }),
    );
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain('Inspector-us-east-1_Admin (us-east-1) lists the administrator the security account (222222222222) together with 1 member account(s)');
  });
});

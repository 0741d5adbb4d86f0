import { managementAccountUnused } from '../../../../checks/checklist/rules/management-account-unused';
import { context } from '../fixtures';

describe('check rule management-account-unused', () => {
  it('passes when the management stack holds only governance resources and the security services are delegated', () => {
    const result = managementAccountUnused.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.note)).toEqual([
      '11 resource type(s), all governance',
      'GuardDuty delegated',
      'Security Hub delegated',
      'AWS Config delegated',
      'CloudTrail delegated',
      'IAM Access Analyzer delegated',
    ]);
  });

  it('fails a workload resource in the management stack', () => {
    const result = managementAccountUnused.check(context((s) => (s.management.resource.aws_instance = { Web: { ami: 'ami-1' } })));
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual(['the management stack holds non-governance resources: aws_instance; move them to a workload account']);
  });

  it('fails a service delegated to the management account itself, or not delegated', () => {
    const result = managementAccountUnused.check(
      context((s) => {
        s.management.resource.aws_securityhub_organization_admin_account.Sh.admin_account_id = '111111111111';
        delete s.management.resource.aws_cloudtrail_organization_delegated_admin_account.Trail;
      }),
    );
    expect(result.problems).toEqual([
      'Security Hub is delegated to the management account itself (111111111111); delegate it to the security account',
      'CloudTrail has no delegated administrator (aws_cloudtrail_organization_delegated_admin_account)',
    ]);
  });

  it("accepts StackSets' Organizations access activation (terraform_data running only that CLI call), and nothing else as terraform_data", () => {
    const activation = { provisioner: [{ 'local-exec': { command: 'aws cloudformation activate-organizations-access --region us-east-1' } }] };
    expect(managementAccountUnused.check(context((s) => (s.management.resource.terraform_data = { Activation: activation }))).status).toBe('pass');
    const other = { provisioner: [{ 'local-exec': { command: 'aws cloudformation activate-organizations-access --region us-east-1; curl evil' } }] };
    const result = managementAccountUnused.check(context((s) => (s.management.resource.terraform_data = { Activation: activation, Other: other })));
    expect(result.problems).toEqual(['the management stack holds non-governance resources: terraform_data; move them to a workload account']);
  });
});

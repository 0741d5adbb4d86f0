import { preventiveControls } from '../../../../checks/checklist/rules/preventive-controls';
import { context, withStatements } from '../fixtures';

describe('check rule preventive-controls', () => {
  it('passes with the region-deny, protect and no-leave SCP statements, both RCPs and an attached declarative policy', () => {
    const result = preventiveControls.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.note)).toEqual([
      'region deny (SCP) (DenyOutsideGovernedRegions), attached to Root',
      'no disabling CloudTrail / Config / GuardDuty (SCP) (ProtectSecurityServices), attached to Root',
      'no leaving the organization (SCP) (DenyLeaveOrganization), attached to Root',
      'organization principals only (RCP) (EnforceOrgIdentities), attached to Root',
      'HTTPS only (RCP) (EnforceSecureTransport), attached to Root',
      'EC2 declarative policy (vpc_block_public_access) attached to 1 target(s)',
    ]);
  });

  it('fails when only a deny-everything statement covers the protected actions (it is not the protect guardrail)', () => {
    const result = preventiveControls.check(
      context((s) => withStatements(s, 'Scp', (st) => st.filter((x) => x.Sid !== 'ProtectSecurityServices' && x.Sid !== 'DenyLeaveOrganization'))),
    );
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual([
      'no disabling CloudTrail / Config / GuardDuty (SCP): no SERVICE_CONTROL_POLICY has it; turn it on with guardrails.scp (policy: protect-security-services)',
      'no leaving the organization (SCP): no SERVICE_CONTROL_POLICY has it; turn it on with guardrails.scp (policy: deny-leave-organization)',
    ]);
  });

  it('fails without RCPs and without a declarative policy', () => {
    const result = preventiveControls.check(
      context((s) => {
        delete s.management.resource.aws_organizations_policy.Rcp;
        delete s.management.resource.aws_organizations_policy_attachment.DeclarativeRoot;
      }),
    );
    expect(result.problems).toEqual([
      'organization principals only (RCP): no RESOURCE_CONTROL_POLICY has it; turn it on with guardrails.rcp (policy: org-principals-only)',
      'HTTPS only (RCP): no RESOURCE_CONTROL_POLICY has it; turn it on with guardrails.rcp (policy: https-only)',
      'EC2 declarative policy: aws_organizations_policy.Declarative is attached nowhere; add targets in guardrails.declarative',
    ]);
  });
});

import { trustedAccessRemoved } from '../../../../checks/plan-gate/rules/trusted-access-removed';
import { contextOf, stackPlan } from '../fixtures';

const ORG = 'aws_organizations_organization.Organization_1A2B3C4D';
const org = (principals: string[]) => ({ id: 'o-abc123defg', feature_set: 'ALL', enabled_policy_types: ['SERVICE_CONTROL_POLICY'], aws_service_access_principals: principals });

describe('trusted-access-removed', () => {
  const ctx = contextOf();

  it('fails each principal that leaves aws_service_access_principals', () => {
    const plan = stackPlan('management', [
      { address: ORG, actions: ['update'], before: org(['backup.amazonaws.com', 'controltower.amazonaws.com', 'sso.amazonaws.com']), after: org(['sso.amazonaws.com', 'config.amazonaws.com']) },
    ]);
    const found = trustedAccessRemoved([plan], ctx);
    expect(found[0]).toEqual({
      id: `trusted-access-removed/management/${ORG}/backup.amazonaws.com`,
      rule: 'trusted-access-removed',
      stack: 'management',
      address: ORG,
      detail: 'backup.amazonaws.com',
      message: 'removes trusted access for backup.amazonaws.com: the service loses its access to the organization (keep it in organization.additionalServiceAccessPrincipals while anything uses it)',
      severity: 'refuse',
    });
    expect(found.map((f) => f.id)).toEqual([`trusted-access-removed/management/${ORG}/backup.amazonaws.com`, `trusted-access-removed/management/${ORG}/controltower.amazonaws.com`]);
  });

  it('passes principals added and an unchanged list', () => {
    const plan = stackPlan('management', [{ address: ORG, actions: ['update'], before: org(['sso.amazonaws.com']), after: org(['sso.amazonaws.com', 'guardduty.amazonaws.com']) }]);
    expect(trustedAccessRemoved([plan], ctx)).toEqual([]);
  });
});

import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';
import { terraformCloudTrustLength, terraformCloudTrustOf } from '../ci-subjects';

/**
 * The CI identities fit the rest of the config: the plan role, the apply role and the access role
 * are three different roles (the guardrails exempt the access role and protect the others), the
 * chosen CI can keep state (HCP Terraform needs `state.backend: cloud`; a GitHub runner loses local state),
 * and HCP Terraform's trusts, which name every stack workspace, fit in a role trust policy.
 */
export const checkCi: Rule = (config) => {
  const { ci, organization, state } = config;
  const problems: Problem[] = [];
  const { accessRoleName, breakGlassRoleNames } = organization;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase(); // IAM role names are case-insensitive
  if (same(ci.planRoleName, accessRoleName)) {
    problems.push({ path: ['ci', 'planRoleName'], message: `${show(ci.planRoleName)} is organization.accessRoleName; the read-only plan role needs a name of its own, e.g. "LandingZonePlan"` });
  } else if (breakGlassRoleNames.some((r) => same(r, ci.planRoleName))) {
    problems.push({ path: ['ci', 'planRoleName'], message: `${show(ci.planRoleName)} is a break-glass role (organization.breakGlassRoleNames); the read-only plan role needs a name of its own` });
  }
  if (same(ci.applyRoleName, ci.planRoleName)) {
    problems.push({ path: ['ci', 'applyRoleName'], message: `${show(ci.applyRoleName)} is also ci.planRoleName; plans and applies need two roles, e.g. "LandingZoneApply"` });
  } else if (same(ci.applyRoleName, accessRoleName)) {
    problems.push({ path: ['ci', 'applyRoleName'], message: `${show(ci.applyRoleName)} is organization.accessRoleName, the role Organizations makes in member accounts; name the CI apply role differently, e.g. "LandingZoneApply"` });
  }
  if (ci.provider === 'terraform-cloud' && state.backend !== 'cloud') {
    problems.push({ path: ['ci', 'provider'], message: `"terraform-cloud" needs state.backend: cloud (now ${show(state.backend)}); set the backend or use provider github` });
  }
  if (ci.provider === 'github' && state.backend === 'local') {
    problems.push({ path: ['ci', 'provider'], message: '"github" needs remote state: a runner loses local files; set state.backend to s3 (or cloud)' });
  }
  const cloud = state.backend === 'cloud' ? terraformCloudTrustOf(config) : undefined;
  if (cloud) {
    const length = terraformCloudTrustLength(cloud);
    if (length > ci.trustPolicyLengthQuota) {
      const raise = ci.trustPolicyLengthQuota < 4096 ? ' Request the IAM quota "Role trust policy length" up to 4,096 (Service Quotas) and set ci.trustPolicyLengthQuota: 4096,' : '';
      problems.push({
        path: ['ci', 'provider'],
        message: `the HCP Terraform trusts name each of the ${cloud.workspaces.length} stack workspaces (about ${length} characters), more than an IAM role trust policy holds (ci.trustPolicyLengthQuota: ${ci.trustPolicyLengthQuota}).${raise} or use provider github, whose trust does not grow with the stacks`,
      });
    }
  }
  return problems;
};

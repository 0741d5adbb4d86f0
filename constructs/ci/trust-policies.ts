import { policyDocument, type PolicyDocument } from '../../lib/policy-document';

/** Issuer host of GitHub Actions OIDC tokens; also the IAM OIDC provider's name and its condition-key prefix. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
/** Audience `aws-actions/configure-aws-credentials` requests. */
export const GITHUB_AUDIENCE = 'sts.amazonaws.com';
/** Audience HCP Terraform's dynamic AWS credentials use by default (TFC_AWS_WORKLOAD_IDENTITY_AUDIENCE). */
export const TERRAFORM_CLOUD_AUDIENCE = 'aws.workload.identity';

/** `arn:aws:iam::<account>:oidc-provider/<host>` */
export function oidcProviderArn(accountId: string, host: string): string {
  return `arn:aws:iam::${accountId}:oidc-provider/${host}`;
}

/** How a trust matches the `sub` claim. */
export interface SubjectMatch {
  /** Exact subjects (`StringEquals`). */
  readonly equals?: readonly string[];
  /** Subject patterns (`StringLike`: `*` matches any characters). */
  readonly like?: readonly string[];
}

/** One value, or the list (IAM reads either). */
function oneOrList(values: readonly string[]): string | string[] {
  return values.length === 1 ? values[0] : [...values];
}

/**
 * Trust of a role assumed by GitHub Actions with OIDC: the audience and the subjects of the repository's
 * customized subject claim (config/ci-subjects.ts), so no other repository, workflow, ref or environment can
 * assume it.
 * @see https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub
 */
export function githubActionsTrust(providerArn: string, subjects: SubjectMatch): PolicyDocument {
  const { equals = [], like = [] } = subjects;
  if (equals.length + like.length === 0) throw new Error('githubActionsTrust needs at least one subject');
  const sub = `${GITHUB_OIDC_HOST}:sub`;
  return policyDocument({
    Sid: 'GitHubActions',
    Effect: 'Allow',
    Principal: { Federated: providerArn },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_AUDIENCE, ...(equals.length > 0 ? { [sub]: oneOrList(equals) } : {}) },
      ...(like.length > 0 ? { StringLike: { [sub]: oneOrList(like) } } : {}),
    },
  });
}

/**
 * Trust of a role assumed by HCP Terraform / Terraform Enterprise dynamic provider credentials: exactly the
 * given subjects (`organization:<org>:project:<project>:workspace:<name>:run_phase:<phase>`, config/ci-subjects.ts),
 * no pattern, so no other organization, project, workspace or run phase matches.
 * @see https://developer.hashicorp.com/terraform/cloud-docs/workspaces/dynamic-provider-credentials/aws-configuration
 */
export function terraformCloudTrust(providerArn: string, host: string, subjects: readonly string[]): PolicyDocument {
  if (subjects.length === 0) throw new Error('terraformCloudTrust needs at least one subject');
  return policyDocument({
    Sid: 'TerraformCloud',
    Effect: 'Allow',
    Principal: { Federated: providerArn },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${host}:aud`]: TERRAFORM_CLOUD_AUDIENCE, [`${host}:sub`]: oneOrList(subjects) } },
  });
}

/**
 * Trust of a member account's plan role: only the CI plan identity of the management account, and only as a
 * principal of the organization. The principal is the management account with an `aws:PrincipalArn` condition
 * rather than the role ARN itself, so the trust does not depend on the CI role existing first (IAM refuses a
 * role principal that does not exist) and survives its re-creation; `aws:PrincipalOrgID` keeps a management
 * account that left the organization (and every principal outside it) out.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid
 */
export function memberPlanRoleTrust(managementAccountId: string, planRoleName: string, organizationId: string): PolicyDocument {
  return policyDocument({
    Sid: 'ManagementPlanIdentity',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${managementAccountId}:root` },
    Action: 'sts:AssumeRole',
    Condition: {
      ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${managementAccountId}:role/${planRoleName}` },
      StringEquals: { 'aws:PrincipalOrgID': organizationId },
    },
  });
}

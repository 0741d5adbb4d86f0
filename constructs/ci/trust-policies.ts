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

/** OIDC subject of a pull-request run of `repository`. */
export function pullRequestSubject(repository: string): string {
  return `repo:${repository}:pull_request`;
}

/** OIDC subject of a job in `environment` of `repository`. */
export function environmentSubject(repository: string, environment: string): string {
  return `repo:${repository}:environment:${environment}`;
}

/** OIDC subject of a run on `branch` (push, schedule) without an environment. */
export function branchSubject(repository: string, branch: string): string {
  return `repo:${repository}:ref:refs/heads/${branch}`;
}

/**
 * Trust of a role assumed by GitHub Actions with OIDC: the audience and the exact subjects (`StringEquals`,
 * no wildcards), so no other repository, branch or environment can assume it.
 * @see https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub
 */
export function githubActionsTrust(providerArn: string, subjects: readonly string[]): PolicyDocument {
  return policyDocument({
    Sid: 'GitHubActions',
    Effect: 'Allow',
    Principal: { Federated: providerArn },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: {
        [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_AUDIENCE,
        [`${GITHUB_OIDC_HOST}:sub`]: subjects.length === 1 ? subjects[0] : [...subjects],
      },
    },
  });
}

/** HCP Terraform run phases a role is trusted for. */
export type RunPhase = 'plan' | 'apply' | '*';

/**
 * Trust of a role assumed by HCP Terraform / Terraform Enterprise dynamic provider credentials: the
 * workspaces `<workspacePrefix>-*` of `organization` (any project) in `phase`.
 * @see https://developer.hashicorp.com/terraform/cloud-docs/workspaces/dynamic-provider-credentials/aws-configuration
 */
export function terraformCloudTrust(providerArn: string, host: string, organization: string, workspacePrefix: string, phase: RunPhase): PolicyDocument {
  return policyDocument({
    Sid: 'TerraformCloud',
    Effect: 'Allow',
    Principal: { Federated: providerArn },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { [`${host}:aud`]: TERRAFORM_CLOUD_AUDIENCE },
      StringLike: { [`${host}:sub`]: `organization:${organization}:project:*:workspace:${workspacePrefix}-*:run_phase:${phase}` },
    },
  });
}

/**
 * Trust of a member account's plan role: only the CI plan identity of the management account. The
 * principal is the management account with an `aws:PrincipalArn` condition rather than the role ARN
 * itself, so the trust does not depend on the CI role existing first (IAM refuses a role principal that
 * does not exist) and survives its re-creation.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
export function memberPlanRoleTrust(managementAccountId: string, planRoleName: string): PolicyDocument {
  return policyDocument({
    Sid: 'ManagementPlanIdentity',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${managementAccountId}:root` },
    Action: 'sts:AssumeRole',
    Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${managementAccountId}:role/${planRoleName}` } },
  });
}

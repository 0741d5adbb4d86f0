import { z } from 'zod';

const RoleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, { error: 'is not an IAM role name (1-64 of letters, digits and +=,.@_-)' });

/**
 * `owner/name` of a GitHub repository. Owners (user or organization names) are 1-39 letters, digits
 * and single hyphens, not at either end; repository names are 1-100 letters, digits, ".", "_" and "-",
 * and not "." or "..".
 * @see https://docs.github.com/en/rest/repos/repos#create-an-organization-repository
 * @see https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#example-subject-claims
 */
export const GitHubRepository = z
  .string()
  .regex(/^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/, {
    error:
      'is not a GitHub repository: write owner/name, e.g. "acme/landing-zone" (owner: 1-39 letters, digits and single inner hyphens; name: 1-100 letters, digits, ".", "_" and "-")',
  })
  .describe('GitHub repository as owner/name (e.g. acme/landing-zone).');

/**
 * A GitHub environment name as it appears in the OIDC subject (`repo:<owner>/<name>:environment:<env>`):
 * up to 255 characters; ":" (the subject's separator) and wildcard characters are not accepted.
 * @see https://docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment#creating-an-environment
 */
export const GitHubEnvironment = z
  .string()
  .regex(/^[^\s:*?"'][^:*?"']{0,254}$/, {
    error: 'is not a usable GitHub environment name: 1-255 characters without ":", "*", "?" or quotes, not starting with a space (e.g. "production")',
  });

/** A Git branch name as it appears in the OIDC subject `repo:<owner>/<name>:ref:refs/heads/<branch>`. */
export const GitBranch = z
  .string()
  .regex(/^(?!\/)(?!.*\/\/)(?!.*\.\.)[A-Za-z0-9._/-]{1,255}(?<![/.])$/, {
    error: 'is not a usable branch name: letters, digits and ._/-, no "..", "//" or leading/trailing "/" (e.g. "main")',
  });

export const CiSchema = z
  .strictObject({
    provider: z
      .enum(['none', 'github', 'terraform-cloud'], { error: 'must be one of none, github, terraform-cloud' })
      .default('none')
      .describe(
        'Who runs plans and applies. github: the bootstrap stack creates the GitHub OIDC provider and the plan and apply roles; terraform-cloud: the same for HCP Terraform dynamic credentials (state.backend cloud); none: the landing zone creates no CI identity (the member plan roles still trust <managementAccountId>:role/<planRoleName>).',
      ),
    repository: GitHubRepository.optional().describe('GitHub repository (owner/name) whose workflows may plan and apply (provider github).'),
    applyEnvironment: GitHubEnvironment.default('production').describe(
      'Protected GitHub environment of the apply jobs; only its OIDC subject (repo:<repository>:environment:<name>) may assume the apply role.',
    ),
    branch: GitBranch.default('main').describe(
      'Default branch: besides pull requests, runs on it (scheduled drift plans) may assume the read-only plan role (subject repo:<repository>:ref:refs/heads/<branch>).',
    ),
    planRoleName: RoleName.default('LandingZonePlan').describe(
      'Read-only plan role in every account: in the management account the CI plan identity itself, in member accounts (made by their stack\'s baseline) the role plans assume.',
    ),
    applyRoleName: RoleName.default('LandingZoneApply').describe('Apply role of the CI in the management account; it assumes organization.accessRoleName into the member accounts.'),
    adoptOidcProvider: z
      .boolean()
      .default(false)
      .describe('The management account already has an OIDC provider for this issuer (made by hand): adopt it with an import block instead of creating a second one, which IAM refuses.'),
  })
  .superRefine((ci, ctx) => {
    if (ci.provider === 'github' && !ci.repository) {
      ctx.addIssue({ code: 'custom', path: ['repository'], message: 'is required with provider github; name the repository that runs the workflows, e.g. "acme/landing-zone"' });
    }
  })
  .describe('The CI identities: read-only plans, applies only from the protected environment (docs/github-actions.md).');

export type CiConfig = z.infer<typeof CiSchema>;

import { z } from 'zod';

const RoleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, { error: 'is not an IAM role name (1-64 of letters, digits and +=,.@_-)' });

/**
 * `owner/name` of a GitHub repository, as it appears in the OIDC token's `repo` claim. Owners (user or
 * organization names) are 1-39 letters, digits and single hyphens, not at either end; repository names are
 * 1-100 letters, digits, ".", "_" and "-", not "." or "..", and never end in ".git" (GitHub drops that suffix,
 * so a subject would never name it).
 * @see https://docs.github.com/en/rest/repos/repos#create-an-organization-repository
 * @see https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#example-subject-claims
 */
export const GitHubRepository = z
  .string()
  .regex(/^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/, {
    error:
      'is not a GitHub repository: write owner/name, e.g. "acme/landing-zone" (owner: 1-39 letters, digits and single inner hyphens; name: 1-100 letters, digits, ".", "_" and "-")',
  })
  .refine((v) => !/\.git$/i.test(v), { error: 'ends in ".git"; GitHub drops that suffix and the token names the repository without it: write e.g. "acme/landing-zone"' })
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

/**
 * Why `branch` is a name GitHub never puts in a token subject (`ref:refs/heads/<branch>`,
 * `job_workflow_ref:...@refs/heads/<branch>`), or undefined. Git refuses components that start with "." or end
 * in ".lock" and the name "HEAD"; a full ref ("refs/heads/main") would be read as a branch of that name.
 * @see https://git-scm.com/docs/git-check-ref-format
 */
export function branchProblem(branch: string): string | undefined {
  if (!/^[A-Za-z0-9._/-]{1,255}$/.test(branch)) return 'is not a usable branch name: letters, digits and ._/- only (e.g. "main")';
  if (branch.startsWith('refs/')) return `is a ref, not a branch name; write the branch alone, e.g. "${branch.replace(/^refs\/(heads\/)?/, '') || 'main'}"`;
  if (branch === 'HEAD') return 'is not a branch: Git reserves "HEAD"; write the default branch, e.g. "main"';
  if (branch.startsWith('-')) return 'may not start with "-" (Git refuses it)';
  const parts = branch.split('/');
  if (parts.some((p) => p === '')) return 'has an empty path component (a leading, trailing or double "/"), which Git refuses';
  if (parts.some((p) => p.startsWith('.'))) return 'has a path component starting with ".", which Git refuses';
  if (parts.some((p) => p.endsWith('.lock'))) return 'has a path component ending in ".lock", which Git refuses';
  if (branch.includes('..') || branch.endsWith('.')) return 'contains ".." or ends with ".", which Git refuses';
  return undefined;
}

/** A Git branch name as it appears in the OIDC subject (`ref:refs/heads/<branch>`, `...@refs/heads/<branch>`). */
export const GitBranch = z.string().superRefine((v, ctx) => {
  const why = branchProblem(v);
  if (why) ctx.addIssue({ code: 'custom', message: why });
});

/**
 * A reviewer of the apply environment: a GitHub user (`login`) or a team of the repository's organization
 * (`org/team-slug`).
 * @see https://docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment#required-reviewers
 */
export const GitHubReviewer = z
  .string()
  .regex(/^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}(?:\/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$/, {
    error: 'is not a GitHub user or team: write a login ("alice") or org/team-slug ("acme/platform-team")',
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
      'Protected GitHub environment of the apply jobs; only a job in it, of the apply workflow on the default branch, may assume the apply role (repo:<repository>:environment:<name>:job_workflow_ref:...).',
    ),
    branch: GitBranch.default('main').describe(
      'Default branch: only the apply workflow on it may assume the apply role, and its scheduled drift plans the read-only plan role (docs/github-actions.md, "The trust").',
    ),
    applyReviewers: z
      .array(GitHubReviewer)
      .max(6, { error: 'lists more than 6 reviewers; GitHub allows up to six users or teams on an environment' })
      .optional()
      .describe(
        'Required reviewers of the apply environment (GitHub logins or org/team-slug), set by lz ci github configure and compared by lz ci github check; without it the reviewers are left as they are.',
      ),
    trustPolicyLengthQuota: z
      .number({ error: 'must be a number of characters, 2048 (the IAM default) up to 4096' })
      .int({ error: 'must be a whole number of characters' })
      .min(2048, { error: 'is below IAM\'s default of 2,048 characters for a role trust policy' })
      .max(4096, { error: 'is above 4,096, the most IAM allows for a role trust policy' })
      .default(2048)
      .describe(
        'Characters a role trust policy may hold in the management account (IAM quota "Role trust policy length": 2,048, up to 4,096 after a Service Quotas increase). With terraform-cloud the trusts name every stack workspace, and lz validate refuses trusts longer than this.',
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
    const owner = ci.repository?.split('/')[0];
    const seen = new Set<string>();
    (ci.applyReviewers ?? []).forEach((reviewer, i) => {
      const key = reviewer.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['applyReviewers', i], message: 'is listed twice' });
      seen.add(key);
      const org = reviewer.includes('/') ? reviewer.split('/')[0] : undefined;
      if (org && owner && org.toLowerCase() !== owner.toLowerCase()) {
        ctx.addIssue({ code: 'custom', path: ['applyReviewers', i], message: `is a team of another organization than the repository's ("${owner}"); environment reviewers are users or teams of the organization that owns the repository` });
      }
    });
    if (ci.applyReviewers && ci.provider !== 'github') {
      ctx.addIssue({ code: 'custom', path: ['applyReviewers'], message: 'applies to provider github only (the reviewers of its apply environment); remove it or set provider: github' });
    }
  })
  .describe('The CI identities: read-only plans, applies only from the protected environment (docs/github-actions.md).');

export type CiConfig = z.infer<typeof CiSchema>;

import type { LandingZoneConfig } from './schema';
import { landingZoneStackIds } from './stack-ids';

/**
 * Who the CI identities trust, derived from the config in one place: the trust policies of the bootstrap
 * stack (constructs/ci) and `lz ci github configure` / `check` (cli/ci/github.ts) both read it, so the
 * repository's OIDC settings and the roles cannot drift apart.
 */

/**
 * Claims GitHub puts into the `sub` of this repository's OIDC tokens, in this order (the repository's subject
 * claim template, set by `lz ci github configure`). `context` is what the default subject holds after the
 * repository (`environment:<name>`, `pull_request` or `ref:<ref>`); `job_workflow_ref` names the workflow file
 * that defines the job and the ref it ran from (for a job of a reusable workflow: the called file).
 * @see https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#customizing-the-subject-claims-for-an-organization-or-repository
 */
export const GITHUB_SUBJECT_CLAIM_KEYS: readonly string[] = ['repo', 'context', 'job_workflow_ref'];

/** The reusable workflow whose jobs plan (pull requests, drift): `job_workflow_ref` of every plan job. */
export const GITHUB_PLAN_WORKFLOW = '.github/workflows/stack-wave.yml';

/**
 * The reusable workflow whose jobs plan, review and apply on the default branch, called by apply.yml alone:
 * `job_workflow_ref` of every job that may hold the apply role.
 */
export const GITHUB_APPLY_WORKFLOW = '.github/workflows/apply-wave.yml';

/** What the GitHub Actions trust and the repository's settings are made of. */
export interface GitHubTrust {
  /** `owner/name`. */
  readonly repository: string;
  /** The protected environment of the apply jobs. */
  readonly applyEnvironment: string;
  /** The default branch: applies and drift plans run from it. */
  readonly branch: string;
  /** Required reviewers of the apply environment (logins, `org/team-slug`); undefined: left as they are. */
  readonly applyReviewers?: readonly string[];
  /** The repository's subject claim template. */
  readonly claimKeys: readonly string[];
  /** The one `sub` the apply role trusts (StringEquals): a job of the apply workflow on the branch, in the environment. */
  readonly applySubject: string;
  /**
   * The `sub` patterns the plan role trusts (StringLike): a plan job of a pull request (any pull request number),
   * and one on the branch without an environment (scheduled drift plans).
   */
  readonly planSubjects: readonly string[];
}

/** `job_workflow_ref` of `workflow` (a path in the repository) run from `ref`. */
export function jobWorkflowRef(repository: string, workflow: string, ref: string): string {
  return `${repository}/${workflow}@${ref}`;
}

/** The GitHub trust of `ci.repository`, `ci.applyEnvironment` and `ci.branch`. */
export function githubTrust(ci: { repository: string; applyEnvironment: string; branch: string; applyReviewers?: readonly string[] }): GitHubTrust {
  const { repository, applyEnvironment, branch } = ci;
  const onBranch = `refs/heads/${branch}`;
  const subject = (context: string, workflow: string, ref: string) => `repo:${repository}:${context}:job_workflow_ref:${jobWorkflowRef(repository, workflow, ref)}`;
  return {
    repository,
    applyEnvironment,
    branch,
    applyReviewers: ci.applyReviewers,
    claimKeys: GITHUB_SUBJECT_CLAIM_KEYS,
    applySubject: subject(`environment:${applyEnvironment}`, GITHUB_APPLY_WORKFLOW, onBranch),
    planSubjects: [subject('pull_request', GITHUB_PLAN_WORKFLOW, 'refs/pull/*/merge'), subject(`ref:${onBranch}`, GITHUB_PLAN_WORKFLOW, onBranch)],
  };
}

/** The GitHub trust of the config; undefined unless `ci.provider` is github. */
export function githubTrustOf(config: LandingZoneConfig): GitHubTrust | undefined {
  const { ci } = config;
  if (ci.provider !== 'github' || !ci.repository) return undefined;
  return githubTrust({ repository: ci.repository, applyEnvironment: ci.applyEnvironment, branch: ci.branch, applyReviewers: ci.applyReviewers });
}

/** HCP Terraform run phases. */
export type RunPhase = 'plan' | 'apply';

/** What the HCP Terraform trust is made of. */
export interface TerraformCloudTrust {
  /** Host of the service, also the issuer and its condition-key prefix. */
  readonly hostname: string;
  readonly organization: string;
  readonly project: string;
  /** Every workspace of the landing zone (`<workspacePrefix>-<stack-id>`; the bootstrap stack keeps local state). */
  readonly workspaces: readonly string[];
  /** The exact subjects the plan role trusts: the plan phase of each workspace. */
  readonly planSubjects: readonly string[];
  /** The exact subjects the apply role trusts: the apply phase of each workspace. */
  readonly applySubjects: readonly string[];
}

/**
 * `sub` of an HCP Terraform run token.
 * @see https://developer.hashicorp.com/terraform/cloud-docs/workspaces/dynamic-provider-credentials/workload-identity-tokens
 */
export function terraformCloudSubject(organization: string, project: string, workspace: string, phase: RunPhase): string {
  return `organization:${organization}:project:${project}:workspace:${workspace}:run_phase:${phase}`;
}

/** The HCP Terraform trust of the config; undefined unless `ci.provider` is terraform-cloud. */
export function terraformCloudTrustOf(config: LandingZoneConfig): TerraformCloudTrust | undefined {
  const { ci, state } = config;
  if (ci.provider !== 'terraform-cloud' || !state.cloud) return undefined;
  const { hostname, organization, project, workspacePrefix } = state.cloud;
  const workspaces = landingZoneStackIds(config)
    .filter((id) => id !== 'bootstrap')
    .map((id) => `${workspacePrefix}-${id}`);
  const subjects = (phase: RunPhase) => workspaces.map((w) => terraformCloudSubject(organization, project, w, phase));
  return { hostname, organization, project, workspaces, planSubjects: subjects('plan'), applySubjects: subjects('apply') };
}

/**
 * Characters of the longer of the two HCP Terraform trust policies, as IAM counts them (no whitespace), at most:
 * the statement around the subjects (provider ARN, audience) plus the subjects as a JSON list.
 * `__tests__/stacks/bootstrap-ci.test.ts` proves it is never below the synthesized policy's length.
 */
export function terraformCloudTrustLength(trust: TerraformCloudTrust): number {
  const around = 280 + 3 * trust.hostname.length;
  return around + Math.max(JSON.stringify(trust.planSubjects).length, JSON.stringify(trust.applySubjects).length);
}

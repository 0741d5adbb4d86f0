/**
 * The OIDC tokens GitHub Actions and HCP Terraform issue, modelled from their documentation and independent
 * of the product's own subject functions (config/ci-subjects.ts), so a simulation against them proves the trust
 * policies match what the services really send.
 * @see https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#understanding-the-oidc-token
 * @see https://developer.hashicorp.com/terraform/cloud-docs/workspaces/dynamic-provider-credentials/workload-identity-tokens
 */

/** One GitHub Actions job that requests a token. */
export interface GitHubJob {
  /** Repository the workflow run belongs to (`owner/name`). */
  readonly repository: string;
  /** The event that started the run. */
  readonly event: 'push' | 'pull_request' | 'workflow_dispatch' | 'schedule';
  /** `github.ref` of the run: `refs/heads/<branch>`, `refs/tags/<tag>`, `refs/pull/<n>/merge`. */
  readonly ref: string;
  /** The environment the job names, if any. */
  readonly environment?: string;
  /** The workflow file that defines the job (a reusable workflow's own file), e.g. `.github/workflows/apply-wave.yml`. */
  readonly workflowFile: string;
  /**
   * Repository of that workflow file; a workflow may call a reusable workflow of another repository.
   * @default - the run's repository (a local `uses: ./.github/workflows/...`)
   */
  readonly workflowRepository?: string;
  /**
   * Ref the workflow file was taken from.
   * @default - the run's ref (a local reusable workflow runs at the caller's ref)
   */
  readonly workflowRef?: string;
  /**
   * The repository's subject claim template (include_claim_keys).
   * @default - GitHub's default subject
   */
  readonly claimKeys?: readonly string[];
}

/** What the default subject holds after the repository: the environment, else the pull request, else the ref. */
function context(job: GitHubJob): string {
  if (job.environment) return `environment:${job.environment}`;
  if (job.event === 'pull_request') return 'pull_request';
  return `ref:${job.ref}`;
}

/** The claims of the token GitHub issues to `job` (audience of aws-actions/configure-aws-credentials). */
export function githubToken(job: GitHubJob, audience = 'sts.amazonaws.com'): Record<string, string> {
  const workflowRepository = job.workflowRepository ?? job.repository;
  const jobWorkflowRef = `${workflowRepository}/${job.workflowFile}@${job.workflowRef ?? job.ref}`;
  const claims: Record<string, string> = {
    aud: audience,
    repository: job.repository,
    repository_owner: job.repository.split('/')[0],
    ref: job.ref,
    ref_type: job.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    event_name: job.event,
    job_workflow_ref: jobWorkflowRef,
    workflow_ref: jobWorkflowRef,
    ...(job.environment ? { environment: job.environment } : {}),
  };
  const values: Record<string, string> = { repo: job.repository, context: context(job), job_workflow_ref: jobWorkflowRef };
  claims.sub = job.claimKeys
    ? job.claimKeys
        .map((key) => {
          // `repo` and `context` keep their default form; other claims are written key:value.
          if (key === 'repo') return `repo:${values.repo}`;
          if (key === 'context') return values.context;
          return `${key}:${values[key] ?? claims[key]}`;
        })
        .join(':')
    : `repo:${job.repository}:${context(job)}`;
  return claims;
}

/** One HCP Terraform run phase that requests a token. */
export interface TerraformCloudRun {
  readonly organization: string;
  readonly project: string;
  readonly workspace: string;
  readonly phase: 'plan' | 'apply';
}

/** The claims of the workload identity token HCP Terraform issues to a run phase (default audience). */
export function terraformCloudToken(run: TerraformCloudRun, audience = 'aws.workload.identity'): Record<string, string> {
  return {
    aud: audience,
    sub: `organization:${run.organization}:project:${run.project}:workspace:${run.workspace}:run_phase:${run.phase}`,
    terraform_organization_name: run.organization,
    terraform_project_name: run.project,
    terraform_workspace_name: run.workspace,
    terraform_run_phase: run.phase,
  };
}

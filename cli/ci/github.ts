import type { GitHubTrust } from '../../config/ci-subjects';
import { UserError } from '../../lib/user-error';
import type { GitHubApi } from './github-api';

/**
 * The repository settings the CI roles' trust relies on, which no Terraform provider of this project manages:
 * the OIDC subject claim template (so tokens name the workflow file and ref that runs the job) and the apply
 * environment's protection (deployments from the default branch only, required reviewers). `configure` sets
 * them through GitHub's REST API, `check` reads them back; both take what to set from config/ci-subjects.ts,
 * the source of the trust policies themselves.
 * @see https://docs.github.com/en/rest/actions/oidc#set-the-customization-template-for-an-oidc-subject-claim-for-a-repository
 * @see https://docs.github.com/en/rest/deployments/environments#create-or-update-an-environment
 * @see https://docs.github.com/en/rest/deployments/branch-policies
 */

/** One setting that differs from what the trust needs. */
export interface Difference {
  /** What is checked. */
  readonly setting: string;
  /** What GitHub has. */
  readonly found: string;
  /** How to fix it. */
  readonly fix: string;
}

/** What `check` found. */
export interface CheckResult {
  readonly repository: string;
  readonly differences: readonly Difference[];
}

interface Reviewer {
  readonly type: 'User' | 'Team';
  readonly id: number;
  /** `login` or `org/team-slug`, as in ci.applyReviewers. */
  readonly name: string;
}

interface BranchPolicy {
  readonly id: number;
  readonly name: string;
  readonly type?: string;
}

interface Environment {
  readonly deployment_branch_policy?: { readonly protected_branches: boolean; readonly custom_branch_policies: boolean } | null;
  readonly protection_rules?: ReadonlyArray<{
    readonly type: string;
    readonly reviewers?: ReadonlyArray<{ readonly type: string; readonly reviewer?: { readonly login?: string; readonly slug?: string } }>;
  }>;
}

const CONFIGURE = 'run lz ci github configure';

/** `/repos/{owner}/{repo}` */
function repoPath(trust: GitHubTrust): string {
  const [owner, name] = trust.repository.split('/');
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
}

function environmentPath(trust: GitHubTrust): string {
  return `${repoPath(trust)}/environments/${encodeURIComponent(trust.applyEnvironment)}`;
}

/** The environment's deployment branch policy: only branches named by custom policies (here: the default branch). */
const BRANCH_POLICY_SETTINGS = { protected_branches: false, custom_branch_policies: true } as const;

/** Resolves ci.applyReviewers to the ids the environments API takes. */
async function resolveReviewers(api: GitHubApi, names: readonly string[]): Promise<Reviewer[]> {
  const reviewers: Reviewer[] = [];
  for (const name of names) {
    const [org, slug] = name.split('/');
    if (slug) {
      const { status, body } = await api.request('GET', `/orgs/${encodeURIComponent(org)}/teams/${encodeURIComponent(slug)}`, undefined, [404]);
      if (status === 404) throw new UserError(`ci.applyReviewers: team "${name}" does not exist (or the token cannot see it: it needs read:org / Members read)`);
      reviewers.push({ type: 'Team', id: (body as { id: number }).id, name });
    } else {
      const { status, body } = await api.request('GET', `/users/${encodeURIComponent(name)}`, undefined, [404]);
      if (status === 404) throw new UserError(`ci.applyReviewers: user "${name}" does not exist on this GitHub`);
      reviewers.push({ type: 'User', id: (body as { id: number }).id, name });
    }
  }
  return reviewers;
}

async function branchPolicies(api: GitHubApi, trust: GitHubTrust): Promise<BranchPolicy[]> {
  const { status, body } = await api.request('GET', `${environmentPath(trust)}/deployment-branch-policies?per_page=100`, undefined, [404]);
  return status === 404 ? [] : ((body as { branch_policies?: BranchPolicy[] }).branch_policies ?? []);
}

/** A policy for branches named exactly `branch` (tag policies, and patterns matching other branches, are not). */
function isBranch(policy: BranchPolicy, branch: string): boolean {
  return policy.name === branch && (policy.type ?? 'branch') === 'branch';
}

/**
 * Sets the repository's OIDC subject claim template and the apply environment's protection, and returns what it
 * did, one line each. Branch policies other than the default branch are deleted; reviewers are set only when
 * ci.applyReviewers lists them.
 */
export async function configureGitHub(api: GitHubApi, trust: GitHubTrust): Promise<string[]> {
  const done: string[] = [];
  const repo = repoPath(trust);
  await api.request('PUT', `${repo}/actions/oidc/customization/sub`, { use_default: false, include_claim_keys: [...trust.claimKeys] });
  done.push(`OIDC subject claim template: ${trust.claimKeys.join(', ')}`);

  const reviewers = trust.applyReviewers ? await resolveReviewers(api, trust.applyReviewers) : undefined;
  await api.request('PUT', environmentPath(trust), {
    deployment_branch_policy: BRANCH_POLICY_SETTINGS,
    ...(reviewers ? { reviewers: reviewers.map(({ type, id }) => ({ type, id })) } : {}),
  });
  done.push(
    `environment ${trust.applyEnvironment}: deployments from selected branches only` +
      (reviewers ? `, required reviewers ${reviewers.length > 0 ? reviewers.map((r) => r.name).join(', ') : 'none'}` : ' (reviewers left as they are: ci.applyReviewers is not set)'),
  );

  const policies = await branchPolicies(api, trust);
  if (!policies.some((p) => isBranch(p, trust.branch))) {
    await api.request('POST', `${environmentPath(trust)}/deployment-branch-policies`, { name: trust.branch, type: 'branch' });
    done.push(`environment ${trust.applyEnvironment}: branch policy ${trust.branch} added`);
  }
  for (const policy of policies.filter((p) => !isBranch(p, trust.branch))) {
    await api.request('DELETE', `${environmentPath(trust)}/deployment-branch-policies/${policy.id}`);
    done.push(`environment ${trust.applyEnvironment}: ${policy.type ?? 'branch'} policy ${policy.name} removed`);
  }
  return done;
}

/** Reads the settings back and lists every difference from what the trust needs. */
export async function checkGitHub(api: GitHubApi, trust: GitHubTrust): Promise<CheckResult> {
  const differences: Difference[] = [];
  const repo = repoPath(trust);

  const { body: repository } = await api.request('GET', repo);
  const fullName = (repository as { full_name?: string }).full_name;
  if (fullName && fullName !== trust.repository) {
    differences.push({
      setting: 'ci.repository',
      found: `GitHub spells the repository "${fullName}"`,
      fix: `token subjects are case-sensitive: write ci.repository: ${fullName} in landing-zone.yaml and apply the bootstrap stack`,
    });
  }

  const { body: template } = await api.request('GET', `${repo}/actions/oidc/customization/sub`);
  const { use_default: useDefault, include_claim_keys: keys } = template as { use_default: boolean; include_claim_keys?: string[] };
  if (useDefault || JSON.stringify(keys ?? []) !== JSON.stringify(trust.claimKeys)) {
    differences.push({
      setting: 'OIDC subject claim template',
      found: useDefault ? "GitHub's default (repo and context only)" : `include_claim_keys ${JSON.stringify(keys ?? [])}`,
      fix: `${CONFIGURE} (include_claim_keys ${JSON.stringify(trust.claimKeys)}); until then no job gets the plan or apply role`,
    });
  }

  const { status, body } = await api.request('GET', environmentPath(trust), undefined, [404]);
  if (status === 404) {
    differences.push({ setting: `environment ${trust.applyEnvironment}`, found: 'does not exist', fix: `${CONFIGURE} (it creates the environment restricted to ${trust.branch})` });
    return { repository: trust.repository, differences };
  }
  const environment = body as Environment;
  const policy = environment.deployment_branch_policy;
  if (!policy || policy.protected_branches || !policy.custom_branch_policies) {
    differences.push({
      setting: `environment ${trust.applyEnvironment}: deployment branches`,
      found: !policy ? 'any branch may deploy' : policy.protected_branches ? 'protected branches (any branch a rule protects)' : 'no custom branch policies',
      fix: `${CONFIGURE} (selected branches: ${trust.branch} only)`,
    });
  } else {
    const policies = await branchPolicies(api, trust);
    const others = policies.filter((p) => !isBranch(p, trust.branch));
    if (!policies.some((p) => isBranch(p, trust.branch)) || others.length > 0) {
      differences.push({
        setting: `environment ${trust.applyEnvironment}: branch policies`,
        found: policies.length > 0 ? policies.map((p) => `${p.type ?? 'branch'} ${p.name}`).join(', ') : 'none',
        fix: `${CONFIGURE} (exactly the branch ${trust.branch})`,
      });
    }
  }

  if (trust.applyReviewers) {
    const rule = environment.protection_rules?.find((r) => r.type === 'required_reviewers');
    const found = (rule?.reviewers ?? [])
      .map((r) => (r.type === 'Team' ? `${trust.repository.split('/')[0]}/${r.reviewer?.slug ?? '?'}` : (r.reviewer?.login ?? '?')))
      .map((n) => n.toLowerCase())
      .sort();
    const wanted = trust.applyReviewers.map((n) => n.toLowerCase()).sort();
    if (JSON.stringify(found) !== JSON.stringify(wanted)) {
      differences.push({
        setting: `environment ${trust.applyEnvironment}: required reviewers`,
        found: found.length > 0 ? found.join(', ') : 'none',
        fix: `${CONFIGURE} (ci.applyReviewers: ${wanted.join(', ') || 'none'})`,
      });
    }
  }
  return { repository: trust.repository, differences };
}

/** What `check` prints: the verdict, each difference with its fix, and the subjects the roles trust. */
export function formatCheck(result: CheckResult, trust: GitHubTrust): string {
  const lines =
    result.differences.length === 0
      ? [`lz ci github check: ${result.repository} matches the CI trust.`]
      : [
          `lz ci github check: ${result.repository} has ${result.differences.length} difference${result.differences.length === 1 ? '' : 's'} from the CI trust:`,
          ...result.differences.map((d) => `  ✗ ${d.setting}: ${d.found}; fix: ${d.fix}`),
        ];
  return [...lines, '', `The apply role trusts sub = ${trust.applySubject}`, `The plan role trusts sub like ${trust.planSubjects.join('\n                         or ')}`].join('\n');
}

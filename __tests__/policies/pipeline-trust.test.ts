import { exampleConfig, minimalConfig } from '../harness/config';
import { resourcesOf, synthLandingZone, type StackJson } from '../harness/synth';
import { evaluateWebIdentity } from './simulate-pipeline';
import { githubToken, terraformCloudToken, type GitHubJob } from './oidc-tokens';

/*
 * Who may assume the CI roles by OIDC, simulated with @cloud-copilot/iam-simulate on the synthesized trust
 * policies of the bootstrap stack, for the tokens GitHub Actions and HCP Terraform send (oidc-tokens.ts: the
 * customized sub, aud and the separate claims). Every combination of the dimensions below is evaluated: only the
 * apply workflow on main in the protected environment gets the apply role, plan jobs of pull requests and of main
 * (drift) get only the plan role, everything else gets nothing.
 */

const MANAGEMENT = '123456789012';
const GITHUB = 'token.actions.githubusercontent.com';
const GITHUB_OIDC = `arn:aws:iam::${MANAGEMENT}:oidc-provider/${GITHUB}`;
const OURS = 'globex/landing-zone'; // examples/enterprise.yaml: ci.repository, applyEnvironment production, branch main
const CLAIM_KEYS = ['repo', 'context', 'job_workflow_ref']; // the template lz ci github configure sets
const APPLY_WORKFLOW = '.github/workflows/apply-wave.yml';
const PLAN_WORKFLOW = '.github/workflows/stack-wave.yml';

/** Trust policy of the role named `name`, with the OIDC provider's ARN in place of its reference. */
function trustOf(stack: StackJson, name: string, providerArn: string): object {
  const role = Object.values(resourcesOf(stack, 'aws_iam_role')).find((r) => r.name === name);
  if (!role) throw new Error(`no role ${name}`);
  return JSON.parse(role.assume_role_policy.replace(/\$\{aws_iam_openid_connect_provider\.[^}]+\.arn\}/g, providerArn));
}

type Role = 'apply' | 'plan';

describe('GitHub Actions: who may assume the plan and apply roles (ci.provider github)', () => {
  let trusts: Record<Role, object>;
  beforeAll(() => {
    const bootstrap = synthLandingZone(exampleConfig('enterprise')).stack('bootstrap');
    trusts = { apply: trustOf(bootstrap, 'LandingZoneApply', GITHUB_OIDC), plan: trustOf(bootstrap, 'LandingZonePlan', GITHUB_OIDC) };
  });
  const granted = async (claims: Record<string, string>): Promise<Role[]> => {
    const roles: Role[] = [];
    for (const role of ['apply', 'plan'] as const) {
      const name = role === 'apply' ? 'LandingZoneApply' : 'LandingZonePlan';
      if ((await evaluateWebIdentity(trusts[role], `arn:aws:iam::${MANAGEMENT}:role/${name}`, GITHUB, GITHUB_OIDC, claims)) === 'Allowed') roles.push(role);
    }
    return roles;
  };

  const EVENTS = ['push', 'pull_request', 'workflow_dispatch', 'schedule'] as const;
  const REFS = { main: 'refs/heads/main', branch: 'refs/heads/feature', tag: 'refs/tags/v1.0.0', 'pull request': 'refs/pull/1/merge' } as const;
  const ENVIRONMENTS = { production: 'production', none: undefined, another: 'staging' } as const;
  /** The file that defines the job; its ref is the run's (local reusable workflows run at the caller's ref). */
  const WORKFLOWS = { 'apply workflow': APPLY_WORKFLOW, 'plan workflow': PLAN_WORKFLOW, 'another workflow': '.github/workflows/mallory.yml' } as const;
  /** The run's repository and the repository of the workflow file it runs. */
  const REPOSITORIES = {
    ours: { repository: OURS },
    'a fork': { repository: 'mallory/landing-zone' },
    'another organization': { repository: 'initech/platform' },
    'another organization calling our workflow': { repository: 'initech/platform', workflowRepository: OURS },
  } as const;

  /** GitHub runs pull_request events at refs/pull/<n>/merge, scheduled ones on the default branch, the others at a branch or tag. */
  const possible = (event: string, ref: string) =>
    event === 'pull_request' ? ref === REFS['pull request'] : ref !== REFS['pull request'] && (event !== 'schedule' || ref === REFS.main);

  /** What must hold, in the words of the issue: the apply role for the apply workflow on main in the environment, the plan role for plan jobs of pull requests and main. */
  function expected(c: { repo: string; event: string; ref: string; environment: string; workflow: string }): Role[] {
    if (c.repo !== 'ours') return [];
    if (c.workflow === 'apply workflow' && c.ref === 'main' && c.environment === 'production') return ['apply'];
    if (c.workflow === 'plan workflow' && c.environment === 'none' && (c.event === 'pull_request' || c.ref === 'main')) return ['plan'];
    return [];
  }

  const cases = EVENTS.flatMap((event) =>
    Object.entries(REFS).flatMap(([ref, refValue]) =>
      possible(event, refValue)
        ? Object.keys(ENVIRONMENTS).flatMap((environment) =>
            Object.keys(WORKFLOWS).flatMap((workflow) => Object.keys(REPOSITORIES).map((repo) => ({ event, ref, environment, workflow, repo }))),
          )
        : [],
    ),
  );

  it('evaluates every combination of event, ref, environment, workflow and repository (pull_request runs only at refs/pull/<n>/merge, schedule only on main)', () => {
    expect(cases).toHaveLength((1 + 3 * 2 + 1) * 3 * 3 * 4);
  });

  it.each(cases)('$event at $ref, environment $environment, $workflow, repository $repo', async (c) => {
    const job: GitHubJob = {
      ...REPOSITORIES[c.repo as keyof typeof REPOSITORIES],
      event: c.event,
      ref: REFS[c.ref as keyof typeof REFS],
      environment: ENVIRONMENTS[c.environment as keyof typeof ENVIRONMENTS],
      workflowFile: WORKFLOWS[c.workflow as keyof typeof WORKFLOWS],
      claimKeys: CLAIM_KEYS,
    };
    expect(await granted(githubToken(job))).toEqual(expected(c));
  });

  it('grants the apply role to exactly the apply workflow on main in production: push and workflow_dispatch of apply.yml', async () => {
    const apply = (event: 'push' | 'workflow_dispatch') => githubToken({ repository: OURS, event, ref: REFS.main, environment: 'production', workflowFile: APPLY_WORKFLOW, claimKeys: CLAIM_KEYS });
    expect(await granted(apply('push'))).toEqual(['apply']);
    expect(await granted(apply('workflow_dispatch'))).toEqual(['apply']);
    expect(apply('push').sub).toBe(`repo:${OURS}:environment:production:job_workflow_ref:${OURS}/${APPLY_WORKFLOW}@refs/heads/main`);
  });

  it('gives a job nothing while the repository sends GitHub\'s default subject (the customization is missing): it fails closed', async () => {
    for (const job of [
      { repository: OURS, event: 'push', ref: REFS.main, environment: 'production', workflowFile: APPLY_WORKFLOW },
      { repository: OURS, event: 'pull_request', ref: REFS['pull request'], workflowFile: PLAN_WORKFLOW },
      { repository: OURS, event: 'schedule', ref: REFS.main, workflowFile: PLAN_WORKFLOW },
    ] as GitHubJob[]) {
      expect(await granted(githubToken(job))).toEqual([]);
    }
  });

  it('gives nothing to a token for another audience, or with the claims in another order', async () => {
    const job: GitHubJob = { repository: OURS, event: 'push', ref: REFS.main, environment: 'production', workflowFile: APPLY_WORKFLOW, claimKeys: CLAIM_KEYS };
    expect(await granted(githubToken(job, 'sigstore'))).toEqual([]);
    expect(await granted(githubToken({ ...job, claimKeys: ['repo', 'job_workflow_ref', 'context'] }))).toEqual([]);
    expect(await granted(githubToken({ ...job, claimKeys: ['repo', 'context'] }))).toEqual([]);
  });

  it('gives nothing to the apply workflow taken from a branch or a pull request, even when the run names the environment', async () => {
    const base: GitHubJob = { repository: OURS, event: 'workflow_dispatch', ref: REFS.main, environment: 'production', workflowFile: APPLY_WORKFLOW, claimKeys: CLAIM_KEYS };
    expect(await granted(githubToken({ ...base, workflowRef: REFS.branch }))).toEqual([]);
    expect(await granted(githubToken({ ...base, event: 'pull_request', ref: REFS['pull request'] }))).toEqual([]);
    // A look-alike repository name and a path outside .github/workflows.
    expect(await granted(githubToken({ ...base, repository: `${OURS}-fork` }))).toEqual([]);
    expect(await granted(githubToken({ ...base, workflowFile: `x/${APPLY_WORKFLOW}` }))).toEqual([]);
  });
});

describe('HCP Terraform: who may assume the plan and apply roles (ci.provider terraform-cloud)', () => {
  const HOST = 'app.terraform.io';
  const TFC_OIDC = `arn:aws:iam::111111111111:oidc-provider/${HOST}`;
  let trusts: Record<Role, object>;
  beforeAll(() => {
    const config = minimalConfig((input) => {
      input.state = { backend: 'cloud', cloud: { organization: 'acme', workspacePrefix: 'lz', project: 'Landing Zone' } };
      input.ci = { provider: 'terraform-cloud' };
    });
    const bootstrap = synthLandingZone(config).stack('bootstrap');
    trusts = { apply: trustOf(bootstrap, 'LandingZoneApply', TFC_OIDC), plan: trustOf(bootstrap, 'LandingZonePlan', TFC_OIDC) };
  });
  const granted = async (claims: Record<string, string>): Promise<Role[]> => {
    const roles: Role[] = [];
    for (const role of ['apply', 'plan'] as const) {
      const name = role === 'apply' ? 'LandingZoneApply' : 'LandingZonePlan';
      if ((await evaluateWebIdentity(trusts[role], `arn:aws:iam::111111111111:role/${name}`, HOST, TFC_OIDC, claims)) === 'Allowed') roles.push(role);
    }
    return roles;
  };

  const STACK_WORKSPACES = ['lz-management', 'lz-log-archive', 'lz-management-baseline', 'lz-security', 'lz-workload-shop-prod', 'lz-workload-shop-dev'];
  const WORKSPACES = [...STACK_WORKSPACES, 'lz-bootstrap', 'lz-workload-new', 'lz-management-copy', 'other-management'];
  const cases = ['plan', 'apply'].flatMap((phase) =>
    ['acme', 'mallory'].flatMap((organization) =>
      ['Landing Zone', 'Default Project'].flatMap((project) => WORKSPACES.map((workspace) => ({ phase, organization, project, workspace }))),
    ),
  );

  it.each(cases)('$phase phase of $organization/$project/$workspace', async (c) => {
    const ours = c.organization === 'acme' && c.project === 'Landing Zone' && STACK_WORKSPACES.includes(c.workspace);
    const claims = terraformCloudToken({ ...c, phase: c.phase as 'plan' | 'apply' });
    expect(await granted(claims)).toEqual(ours ? [c.phase] : []);
  });

  it('gives a speculative plan (the plan phase) of every stack workspace the plan role only, never the apply role', async () => {
    for (const workspace of STACK_WORKSPACES) {
      expect(await granted(terraformCloudToken({ organization: 'acme', project: 'Landing Zone', workspace, phase: 'plan' }))).toEqual(['plan']);
    }
  });

  it('gives nothing to a token for another audience', async () => {
    expect(await granted(terraformCloudToken({ organization: 'acme', project: 'Landing Zone', workspace: 'lz-management', phase: 'apply' }, 'sts.amazonaws.com'))).toEqual([]);
  });
});

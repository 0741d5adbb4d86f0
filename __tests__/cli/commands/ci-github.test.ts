import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MINIMAL_YAML } from '../../harness/config';
import { runLz } from '../../config/broken-configs';

/*
 * `lz ci github configure` and `check` against a fake GitHub REST API on 127.0.0.1 (a free port): the exact
 * requests configure makes, and the differences check names, with their fixes.
 */

interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly authorization?: string;
  readonly apiVersion?: string;
}

interface BranchPolicy {
  id: number;
  name: string;
  type: string;
}

/** What the fake repository holds; the tests set it up and read it back. */
interface FakeRepository {
  fullName: string;
  oidc: { use_default: boolean; include_claim_keys?: string[] };
  environments: Map<string, { deployment_branch_policy: { protected_branches: boolean; custom_branch_policies: boolean } | null; reviewers: Array<{ type: string; id: number }>; policies: BranchPolicy[] }>;
}

const USERS: Record<string, number> = { alice: 101, bob: 102 };
const TEAMS: Record<string, { id: number; slug: string }> = { platform: { id: 201, slug: 'platform' } };

/** A fake of the few GitHub endpoints lz ci github calls, for the repository acme/landing-zone. */
class FakeGitHub {
  readonly requests: Recorded[] = [];
  repo: FakeRepository = { fullName: 'acme/landing-zone', oidc: { use_default: true }, environments: new Map() };
  private server!: Server;
  private nextPolicyId = 1;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v3`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : undefined;
    const path = (req.url ?? '').replace(/^\/api\/v3/, '');
    this.requests.push({ method: req.method!, path, body, authorization: req.headers.authorization, apiVersion: req.headers['x-github-api-version'] as string });
    const send = (status: number, json?: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    if (req.headers.authorization !== 'Bearer test-token') return send(401, { message: 'Bad credentials' });
    const route = `${req.method} ${path.replace(/\?.*$/, '')}`;
    let m: RegExpMatchArray | null;
    if (route === 'GET /repos/acme/landing-zone') return send(200, { full_name: this.repo.fullName });
    if (route === 'GET /repos/acme/landing-zone/actions/oidc/customization/sub') return send(200, this.repo.oidc);
    if (route === 'PUT /repos/acme/landing-zone/actions/oidc/customization/sub') {
      this.repo.oidc = body;
      return send(201, {});
    }
    if ((m = route.match(/^GET \/users\/([^/]+)$/))) return USERS[m[1]] ? send(200, { login: m[1], id: USERS[m[1]] }) : send(404, { message: 'Not Found' });
    if ((m = route.match(/^GET \/orgs\/acme\/teams\/([^/]+)$/))) return TEAMS[m[1]] ? send(200, TEAMS[m[1]]) : send(404, { message: 'Not Found' });
    if ((m = route.match(/^(GET|PUT) \/repos\/acme\/landing-zone\/environments\/([^/]+)$/))) {
      const name = decodeURIComponent(m[2]);
      let env = this.repo.environments.get(name);
      if (m[1] === 'PUT') {
        env = env ?? { deployment_branch_policy: null, reviewers: [], policies: [] };
        env.deployment_branch_policy = body.deployment_branch_policy ?? null;
        if (body.reviewers !== undefined) env.reviewers = body.reviewers ?? [];
        this.repo.environments.set(name, env);
      }
      if (!env) return send(404, { message: 'Not Found' });
      const reviewers = env.reviewers.map((r) =>
        r.type === 'User'
          ? { type: 'User', reviewer: { login: Object.keys(USERS).find((u) => USERS[u] === r.id), id: r.id } }
          : { type: 'Team', reviewer: { slug: Object.values(TEAMS).find((t) => t.id === r.id)?.slug, id: r.id } },
      );
      return send(200, {
        name,
        deployment_branch_policy: env.deployment_branch_policy,
        protection_rules: [
          ...(reviewers.length > 0 ? [{ id: 1, type: 'required_reviewers', prevent_self_review: false, reviewers }] : []),
          ...(env.deployment_branch_policy ? [{ id: 2, type: 'branch_policy' }] : []),
        ],
      });
    }
    if ((m = route.match(/^(GET|POST) \/repos\/acme\/landing-zone\/environments\/([^/]+)\/deployment-branch-policies$/))) {
      const env = this.repo.environments.get(decodeURIComponent(m[2]));
      if (!env) return send(404, { message: 'Not Found' });
      if (m[1] === 'GET') return send(200, { total_count: env.policies.length, branch_policies: env.policies });
      if (!env.deployment_branch_policy?.custom_branch_policies) return send(404, { message: 'Not Found' });
      const policy = { id: this.nextPolicyId++, name: body.name, type: body.type ?? 'branch' };
      env.policies.push(policy);
      return send(200, policy);
    }
    if ((m = route.match(/^DELETE \/repos\/acme\/landing-zone\/environments\/([^/]+)\/deployment-branch-policies\/(\d+)$/))) {
      const env = this.repo.environments.get(decodeURIComponent(m[1]))!;
      env.policies = env.policies.filter((p) => p.id !== Number(m![2]));
      return send(204);
    }
    return send(404, { message: `no fake for ${route}` });
  }
}

const CI_YAML = `${MINIMAL_YAML}
state:
  backend: s3
  bucket: acme-tfstate-111111111111
ci:
  provider: github
  repository: acme/landing-zone
  applyReviewers: [alice, acme/platform]
`;

const APPLY_SUB = 'repo:acme/landing-zone:environment:production:job_workflow_ref:acme/landing-zone/.github/workflows/apply-wave.yml@refs/heads/main';

describe('lz ci github configure and check (a fake GitHub API on 127.0.0.1)', () => {
  const github = new FakeGitHub();
  let config: string;
  const env = { ...process.env };
  beforeAll(async () => {
    await github.start();
    const dir = mkdtempSync(join(tmpdir(), 'lz-ci-github-'));
    config = join(dir, 'landing-zone.yaml');
    writeFileSync(config, CI_YAML);
  });
  afterAll(() => github.stop());
  beforeEach(() => {
    github.requests.length = 0;
    github.repo = { fullName: 'acme/landing-zone', oidc: { use_default: true }, environments: new Map() };
    process.env.GITHUB_TOKEN = 'test-token';
    delete process.env.GH_TOKEN;
  });
  afterEach(() => {
    process.env.GITHUB_TOKEN = env.GITHUB_TOKEN;
    process.env.GH_TOKEN = env.GH_TOKEN;
    if (env.GITHUB_TOKEN === undefined) delete process.env.GITHUB_TOKEN;
    if (env.GH_TOKEN === undefined) delete process.env.GH_TOKEN;
  });
  const lz = (command: string, extra: string[] = []) => runLz(['ci', 'github', command, '--config', config, '--api-url', github.url, ...extra]);
  const writes = () => github.requests.filter((r) => r.method !== 'GET').map(({ method, path, body }) => ({ method, path, body }));

  it('sets the subject claim template, the environment restricted to main with the reviewers, then reads them back', async () => {
    const { code, output } = await lz('configure');
    expect(writes()).toEqual([
      { method: 'PUT', path: '/repos/acme/landing-zone/actions/oidc/customization/sub', body: { use_default: false, include_claim_keys: ['repo', 'context', 'job_workflow_ref'] } },
      {
        method: 'PUT',
        path: '/repos/acme/landing-zone/environments/production',
        body: {
          deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
          reviewers: [
            { type: 'User', id: 101 },
            { type: 'Team', id: 201 },
          ],
        },
      },
      { method: 'POST', path: '/repos/acme/landing-zone/environments/production/deployment-branch-policies', body: { name: 'main', type: 'branch' } },
    ]);
    // Reviewer ids were looked up by name; every request carried the token and the API version.
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['GET /users/alice', 'GET /orgs/acme/teams/platform']));
    expect(new Set(github.requests.map((r) => `${r.authorization} ${r.apiVersion}`))).toEqual(new Set(['Bearer test-token 2022-11-28']));
    expect(output).toContain('✓ OIDC subject claim template: repo, context, job_workflow_ref');
    expect(output).toContain('✓ environment production: deployments from selected branches only, required reviewers alice, acme/platform');
    expect(output).toContain('✓ environment production: branch policy main added');
    expect(output).toContain('lz ci github check: acme/landing-zone matches the CI trust.');
    expect(output).toContain(`The apply role trusts sub = ${APPLY_SUB}`);
    expect(code).toBe(0);
  });

  it('checks a configured repository clean, with GET requests only', async () => {
    await lz('configure');
    github.requests.length = 0;
    const { code, output } = await lz('check');
    expect(code).toBe(0);
    expect(writes()).toEqual([]);
    expect(output.split('\n')[0]).toBe('lz ci github check: acme/landing-zone matches the CI trust.');
  });

  it('fails on a repository left at its defaults, naming each difference and its fix', async () => {
    const { code, output } = await lz('check');
    expect(code).toBe(1);
    expect(output).toContain('lz ci github check: acme/landing-zone has 2 differences from the CI trust:');
    expect(output).toContain(
      '  ✗ OIDC subject claim template: GitHub\'s default (repo and context only); fix: run lz ci github configure (include_claim_keys ["repo","context","job_workflow_ref"]); until then no job gets the plan or apply role',
    );
    expect(output).toContain('  ✗ environment production: does not exist; fix: run lz ci github configure (it creates the environment restricted to main)');
  });

  it('fails on an environment any branch may deploy to, an extra branch pattern, other reviewers and another claim order', async () => {
    await lz('configure');
    const production = github.repo.environments.get('production')!;
    production.policies.push({ id: 99, name: 'release/*', type: 'branch' });
    production.reviewers = [{ type: 'User', id: 102 }];
    github.repo.oidc = { use_default: false, include_claim_keys: ['repo', 'job_workflow_ref', 'context'] };
    let result = await lz('check');
    expect(result.code).toBe(1);
    expect(result.output).toContain('has 3 differences');
    expect(result.output).toContain('  ✗ OIDC subject claim template: include_claim_keys ["repo","job_workflow_ref","context"]; fix: run lz ci github configure');
    expect(result.output).toContain('  ✗ environment production: branch policies: branch main, branch release/*; fix: run lz ci github configure (exactly the branch main)');
    expect(result.output).toContain('  ✗ environment production: required reviewers: bob; fix: run lz ci github configure (ci.applyReviewers: acme/platform, alice)');

    production.deployment_branch_policy = null;
    result = await lz('check');
    expect(result.output).toContain('  ✗ environment production: deployment branches: any branch may deploy; fix: run lz ci github configure (selected branches: main only)');

    // configure repairs all of it: the extra pattern is deleted.
    github.requests.length = 0;
    result = await lz('configure');
    expect(writes()).toContainEqual({ method: 'DELETE', path: '/repos/acme/landing-zone/environments/production/deployment-branch-policies/99', body: undefined });
    expect(result.output).toContain('✓ environment production: branch policy release/* removed');
    expect(result.code).toBe(0);
  });

  it('names the spelling GitHub uses for the repository: subjects are case-sensitive', async () => {
    await lz('configure');
    github.repo.fullName = 'Acme/Landing-Zone';
    const { code, output } = await lz('check');
    expect(code).toBe(1);
    expect(output).toContain('  ✗ ci.repository: GitHub spells the repository "Acme/Landing-Zone"; fix: token subjects are case-sensitive: write ci.repository: Acme/Landing-Zone');
  });

  it('fails without a token, with a token GitHub refuses, and for a reviewer that does not exist', async () => {
    delete process.env.GITHUB_TOKEN;
    let result = await lz('check');
    expect(result).toEqual({ code: 1, output: expect.stringContaining('No GitHub token: set GITHUB_TOKEN (or GH_TOKEN)') });
    expect(github.requests).toEqual([]);

    process.env.GH_TOKEN = 'wrong';
    result = await lz('check');
    expect(result.code).toBe(1);
    expect(result.output).toContain('GitHub API GET /repos/acme/landing-zone: 401 Bad credentials. The token in GITHUB_TOKEN or GH_TOKEN is not valid');

    process.env.GH_TOKEN = 'test-token';
    const dir = mkdtempSync(join(tmpdir(), 'lz-ci-github-'));
    writeFileSync(join(dir, 'landing-zone.yaml'), CI_YAML.replace('[alice, acme/platform]', '[alice, carol]'));
    result = await runLz(['ci', 'github', 'configure', '--config', join(dir, 'landing-zone.yaml'), '--api-url', github.url]);
    expect(result).toEqual({ code: 1, output: expect.stringContaining('ci.applyReviewers: user "carol" does not exist on this GitHub') });
  });

  it('refuses a config whose CI is not GitHub', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-ci-github-'));
    writeFileSync(join(dir, 'landing-zone.yaml'), MINIMAL_YAML);
    const result = await runLz(['ci', 'github', 'check', '--config', join(dir, 'landing-zone.yaml'), '--api-url', github.url]);
    expect(result).toEqual({ code: 1, output: expect.stringContaining('ci.provider is none: lz ci github needs ci.provider: github and ci.repository') });
  });
});

import { MINIMAL_YAML, minimalConfig, problemsOf } from '../../harness/config';
import { parseConfig } from '../../../config/load';

const S3_STATE = '\nstate: { backend: s3, bucket: acme-tfstate-111111111111 }\n';
const withCi = (ci: string, state = S3_STATE) => `${MINIMAL_YAML}${state}ci: ${ci}\n`;

describe('ci config', () => {
  it('defaults to no CI identities, a LandingZonePlan plan role and a LandingZoneApply apply role', () => {
    const { ci } = minimalConfig();
    expect(ci).toEqual({
      provider: 'none',
      applyEnvironment: 'production',
      branch: 'main',
      planRoleName: 'LandingZonePlan',
      applyRoleName: 'LandingZoneApply',
      adoptOidcProvider: false,
      trustPolicyLengthQuota: 2048,
    });
  });

  it('accepts a GitHub repository with dots, underscores and inner hyphens', () => {
    const config = minimalConfig((input) => {
      input.state = { backend: 's3', bucket: 'acme-tfstate-111111111111' };
      input.ci = { provider: 'github', repository: 'Acme-Corp/landing_zone.infra' };
    });
    expect(config.ci.repository).toBe('Acme-Corp/landing_zone.infra');
  });

  it.each([
    ['acme', 'no owner'],
    ['-acme/lz', 'owner starting with a hyphen'],
    ['ac--me/lz', 'owner with a double hyphen'],
    ['acme_corp/lz', 'owner with an underscore'],
    ['a234567890123456789012345678901234567890/lz', 'owner over 39 characters'],
    ['acme/..', 'name ".."'],
    ['acme/lz zone', 'name with a space'],
    ['acme/lz:environment:production', 'a subject smuggled into the name'],
  ])('fails on repository %s (%s), with the fix', (repository) => {
    expect(problemsOf(withCi(`{ provider: github, repository: "${repository}" }`))).toMatch(
      /ci\.repository \(line \d+\): ".+" is not a GitHub repository: write owner\/name, e\.g\. "acme\/landing-zone"/,
    );
  });

  it('fails on provider github without a repository', () => {
    expect(problemsOf(withCi('{ provider: github }'))).toMatch(/ci\.repository \(line \d+\): is required with provider github; name the repository that runs the workflows/);
  });

  it('fails on an apply environment that would break the OIDC subject', () => {
    expect(problemsOf(withCi('{ provider: github, repository: acme/lz, applyEnvironment: "prod:uction" }'))).toMatch(/ci\.applyEnvironment \(line \d+\): "prod:uction" is not a usable GitHub environment name/);
  });

  it('fails, all at once, on a plan role that is the access role and an apply role that is the plan role', () => {
    const message = problemsOf(withCi('{ provider: github, repository: acme/lz, planRoleName: organizationaccountaccessrole, applyRoleName: OrganizationAccountAccessRole }'));
    expect(message).toMatch(/ci\.planRoleName \(line \d+\): "organizationaccountaccessrole" is organization\.accessRoleName; the read-only plan role needs a name of its own/);
    expect(message).toMatch(/ci\.applyRoleName \(line \d+\): "OrganizationAccountAccessRole" is also ci\.planRoleName; plans and applies need two roles/);
  });

  it('fails on an apply role named like the access role', () => {
    expect(problemsOf(withCi('{ applyRoleName: OrganizationAccountAccessRole }'))).toMatch(/ci\.applyRoleName \(line \d+\): "OrganizationAccountAccessRole" is organization\.accessRoleName/);
  });

  it('fails on provider terraform-cloud without the cloud backend, and github with local state', () => {
    expect(problemsOf(withCi('{ provider: terraform-cloud }'))).toMatch(/ci\.provider \(line \d+\): "terraform-cloud" needs state\.backend: cloud \(now "s3"\)/);
    expect(problemsOf(withCi('{ provider: github, repository: acme/lz }', ''))).toMatch(/ci\.provider \(line \d+\): "github" needs remote state: a runner loses local files/);
  });

  it('fails on a repository written with the .git suffix GitHub drops', () => {
    expect(problemsOf(withCi('{ provider: github, repository: acme/landing-zone.git }'))).toMatch(
      /ci\.repository \(line \d+\): "acme\/landing-zone\.git" ends in "\.git"; GitHub drops that suffix and the token names the repository without it/,
    );
  });

  it.each([
    ['refs/heads/main', 'is a ref, not a branch name; write the branch alone, e.g. "main"'],
    ['HEAD', 'is not a branch: Git reserves "HEAD"'],
    ['release/.hidden', 'has a path component starting with ".", which Git refuses'],
    ['main.lock', 'has a path component ending in ".lock", which Git refuses'],
    ['feature//x', 'has an empty path component'],
    ['main*', 'is not a usable branch name: letters, digits and ._/- only'],
  ])('fails on branch %s, a form GitHub never puts in a token subject', (branch, why) => {
    expect(problemsOf(withCi(`{ provider: github, repository: acme/lz, branch: "${branch}" }`))).toContain(`ci.branch (line 15): "${branch}" ${why}`);
  });

  it('takes the reviewers of the apply environment: users and teams of the repository\'s organization', () => {
    const config = minimalConfig((input) => {
      input.state = { backend: 's3', bucket: 'acme-tfstate-111111111111' };
      input.ci = { provider: 'github', repository: 'acme/lz', applyReviewers: ['alice', 'acme/platform-team'] };
    });
    expect(config.ci.applyReviewers).toEqual(['alice', 'acme/platform-team']);
  });

  it('fails, all at once, on reviewers that are malformed, listed twice, of another organization or more than six', () => {
    const message = problemsOf(withCi('{ provider: github, repository: acme/lz, applyReviewers: [alice, "al ice", Alice, initech/ops] }'));
    expect(message).toMatch(/ci\.applyReviewers\[1\] \(line \d+\): "al ice" is not a GitHub user or team: write a login \("alice"\) or org\/team-slug/);
    expect(message).toMatch(/ci\.applyReviewers\[2\] \(line \d+\): "Alice" is listed twice/);
    expect(message).toMatch(/ci\.applyReviewers\[3\] \(line \d+\): "initech\/ops" is a team of another organization than the repository's \("acme"\)/);
    expect(problemsOf(withCi('{ provider: github, repository: acme/lz, applyReviewers: [a, b, c, d, e, f, g] }'))).toMatch(
      /ci\.applyReviewers \(line \d+\): \[.*\] lists more than 6 reviewers; GitHub allows up to six users or teams on an environment/,
    );
    expect(problemsOf(withCi('{ applyReviewers: [alice] }'))).toMatch(/ci\.applyReviewers \(line \d+\): \["alice"\] applies to provider github only/);
  });
});

describe('ci config: HCP Terraform', () => {
  const CLOUD = (project = '') => `\nstate: { backend: cloud, cloud: { organization: acme, workspacePrefix: lz${project} } }\n`;

  it('defaults the project to "Default Project" and accepts HCP Terraform project names', () => {
    expect(minimalConfig((input) => (input.state = { backend: 'cloud', cloud: { organization: 'acme', workspacePrefix: 'lz' } })).state.cloud?.project).toBe('Default Project');
    expect(parseConfig(withCi('{ provider: terraform-cloud }', CLOUD(', project: "Landing Zone_1"')), 'landing-zone.yaml').state.cloud?.project).toBe('Landing Zone_1');
  });

  it.each(['Default:Project', 'x', ' Leading', 'a'.repeat(41)])('fails on project %j, naming the form', (project) => {
    expect(problemsOf(withCi('{ provider: terraform-cloud }', CLOUD(`, project: "${project}"`)))).toMatch(/state\.cloud\.project \(line \d+\): ".*" is not an HCP Terraform project name: 3-40 letters, digits, spaces/);
  });

  it('fails when the trusts, one subject per stack workspace, outgrow the role trust policy quota; the quota can be raised to 4,096', () => {
    const accounts = Array.from({ length: 30 }, (_, i) => `  - { name: team-${i}, email: aws+team-${i}@acme.example, ou: Workloads/Dev }`).join('\n');
    const many = (quota: string) => `${withCi(`{ provider: terraform-cloud${quota} }`, CLOUD())}`.replace(/^accounts:\n/m, `accounts:\n${accounts}\n`);
    expect(problemsOf(many(''))).toMatch(
      /ci\.provider \(line \d+\): the HCP Terraform trusts name each of the 36 stack workspaces \(about \d+ characters\), more than an IAM role trust policy holds \(ci\.trustPolicyLengthQuota: 2048\)\. Request the IAM quota "Role trust policy length" up to 4,096 \(Service Quotas\) and set ci\.trustPolicyLengthQuota: 4096, or use provider github/,
    );
    expect(parseConfig(many(', trustPolicyLengthQuota: 4096'), 'landing-zone.yaml').ci.trustPolicyLengthQuota).toBe(4096);
    expect(problemsOf(withCi('{ trustPolicyLengthQuota: 5000 }'))).toMatch(/ci\.trustPolicyLengthQuota \(line \d+\): .*is above 4,096, the most IAM allows/);
  });
});

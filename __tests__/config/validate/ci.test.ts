import { MINIMAL_YAML, minimalConfig, problemsOf } from '../../harness/config';

const S3_STATE = '\nstate: { backend: s3, bucket: acme-tfstate-111111111111 }\n';
const withCi = (ci: string, state = S3_STATE) => `${MINIMAL_YAML}${state}ci: ${ci}\n`;

describe('ci config', () => {
  it('defaults to no CI identities, a LandingZonePlan plan role and a LandingZoneApply apply role', () => {
    const { ci } = minimalConfig();
    expect(ci).toEqual({ provider: 'none', applyEnvironment: 'production', branch: 'main', planRoleName: 'LandingZonePlan', applyRoleName: 'LandingZoneApply', adoptOidcProvider: false });
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
});

import { githubActionsTrust, memberPlanRoleTrust, terraformCloudTrust } from '../../../constructs/ci';
import { githubTrust, terraformCloudSubject } from '../../../config/ci-subjects';

const PROVIDER = 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com';

describe('trust policies of the CI roles', () => {
  it('matches exact GitHub subjects with StringEquals and patterns with StringLike, the audience always exact', () => {
    expect(githubActionsTrust(PROVIDER, { equals: ['repo:a/b:environment:production:job_workflow_ref:a/b/.github/workflows/apply-wave.yml@refs/heads/main'] }).Statement[0].Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': 'repo:a/b:environment:production:job_workflow_ref:a/b/.github/workflows/apply-wave.yml@refs/heads/main',
      },
    });
    expect(githubActionsTrust(PROVIDER, { like: ['x*', 'y'] }).Statement[0].Condition).toEqual({
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': ['x*', 'y'] },
    });
  });

  it('fails on a trust without a subject (it would let any subject of the audience in)', () => {
    expect(() => githubActionsTrust(PROVIDER, {})).toThrow('githubActionsTrust needs at least one subject');
    expect(() => terraformCloudTrust(PROVIDER, 'app.terraform.io', [])).toThrow('terraformCloudTrust needs at least one subject');
  });

  it('matches HCP Terraform subjects exactly, never with a pattern', () => {
    const subjects = ['lz-management', 'lz-security'].map((w) => terraformCloudSubject('acme', 'Default Project', w, 'plan'));
    const condition = terraformCloudTrust(PROVIDER, 'app.terraform.io', subjects).Statement[0].Condition!;
    expect(Object.keys(condition)).toEqual(['StringEquals']);
    expect(condition.StringEquals['app.terraform.io:sub']).toEqual([
      'organization:acme:project:Default Project:workspace:lz-management:run_phase:plan',
      'organization:acme:project:Default Project:workspace:lz-security:run_phase:plan',
    ]);
  });

  it('keeps the member plan role to the management plan identity within the organization', () => {
    expect(memberPlanRoleTrust('111111111111', 'LandingZonePlan', 'o-abc123def4').Statement[0].Condition).toEqual({
      ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/LandingZonePlan' },
      StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' },
    });
  });
});

describe('the GitHub subjects (config/ci-subjects.ts)', () => {
  it('names the apply workflow on the branch in the environment for applies, the plan workflow of pull requests and the branch for plans', () => {
    expect(githubTrust({ repository: 'acme/lz', applyEnvironment: 'prod', branch: 'trunk' })).toEqual({
      repository: 'acme/lz',
      applyEnvironment: 'prod',
      branch: 'trunk',
      applyReviewers: undefined,
      claimKeys: ['repo', 'context', 'job_workflow_ref'],
      applySubject: 'repo:acme/lz:environment:prod:job_workflow_ref:acme/lz/.github/workflows/apply-wave.yml@refs/heads/trunk',
      planSubjects: [
        'repo:acme/lz:pull_request:job_workflow_ref:acme/lz/.github/workflows/stack-wave.yml@refs/pull/*/merge',
        'repo:acme/lz:ref:refs/heads/trunk:job_workflow_ref:acme/lz/.github/workflows/stack-wave.yml@refs/heads/trunk',
      ],
    });
  });
});

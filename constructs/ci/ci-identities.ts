import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { OidcProvider } from './oidc-provider';
import { PipelineRole } from './pipeline-role';
import { READ_ONLY_ACCESS_ARN, planIdentityStatements, type PlanStateAccess } from './plan-permissions';
import { GITHUB_AUDIENCE, GITHUB_OIDC_HOST, githubActionsTrust, TERRAFORM_CLOUD_AUDIENCE, terraformCloudTrust } from './trust-policies';

/** AWS managed policy of the apply role: it runs the management stack and assumes the access role into every account. */
export const ADMINISTRATOR_ACCESS_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** GitHub Actions as the CI: the subjects of the repository's customized OIDC subject claim (config/ci-subjects.ts). */
export interface GitHubCi {
  readonly kind: 'github';
  /** The one subject the apply role trusts: a job of the apply workflow on the default branch, in the protected environment. */
  readonly applySubject: string;
  /** Subject patterns the plan role trusts (`StringLike`): plan jobs of pull requests and of the default branch. */
  readonly planSubjects: readonly string[];
}

/** HCP Terraform / Terraform Enterprise dynamic provider credentials as the CI. */
export interface TerraformCloudCi {
  readonly kind: 'terraform-cloud';
  /** Host of the service (`app.terraform.io`, or the Terraform Enterprise host). */
  readonly hostname: string;
  /** Exact subjects the plan role trusts: the plan phase of every stack workspace. */
  readonly planSubjects: readonly string[];
  /** Exact subjects the apply role trusts: the apply phase of every stack workspace. */
  readonly applySubjects: readonly string[];
}

export interface CiIdentitiesProps {
  /** Provider of the management account. */
  readonly provider?: AwsProvider;
  readonly managementAccountId: string;
  readonly ci: GitHubCi | TerraformCloudCi;
  /** Name of the plan role, the same in every account. */
  readonly planRoleName: string;
  readonly applyRoleName: string;
  /** Roles the plan identity must never assume (organization.accessRoleName and the break-glass roles). */
  readonly writerRoleNames: readonly string[];
  /**
   * S3 state the plans read.
   * @default - none (HCP Terraform keeps the state)
   */
  readonly state?: PlanStateAccess;
  /**
   * Adopt an OIDC provider made by hand for the same issuer (import block).
   * @default false
   */
  readonly adoptOidcProvider?: boolean;
}

/**
 * The CI's identities in the management account: the OIDC provider, the read-only plan role (trusted for
 * plan jobs of pull requests and the default branch, or HCP Terraform's plan phase; AWS managed ReadOnlyAccess
 * without data reads, state read, and the member accounts' plan roles) and the apply role (trusted only for the apply
 * workflow's jobs on the default branch in the protected environment, or HCP Terraform's apply phase; it assumes
 * the access role into member accounts).
 * @see https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
 */
export class CiIdentities extends Construct {
  readonly oidcProvider: OidcProvider;
  readonly planRole: PipelineRole;
  readonly applyRole: PipelineRole;

  constructor(scope: Construct, id: string, props: CiIdentitiesProps) {
    super(scope, id);
    const { provider, ci } = props;
    const github = ci.kind === 'github';
    this.oidcProvider = new OidcProvider(this, 'OidcProvider', {
      provider,
      host: github ? GITHUB_OIDC_HOST : ci.hostname,
      audience: github ? GITHUB_AUDIENCE : TERRAFORM_CLOUD_AUDIENCE,
      accountId: props.managementAccountId,
      adoptExisting: props.adoptOidcProvider,
    });
    const providerArn = this.oidcProvider.providerArn;
    const planTrust = github ? githubActionsTrust(providerArn, { like: ci.planSubjects }) : terraformCloudTrust(providerArn, ci.hostname, ci.planSubjects);
    const applyTrust = github ? githubActionsTrust(providerArn, { equals: [ci.applySubject] }) : terraformCloudTrust(providerArn, ci.hostname, ci.applySubjects);

    this.planRole = new PipelineRole(this, 'PlanRole', {
      provider,
      roleName: props.planRoleName,
      description: 'Landing zone plans (pull requests, drift, HCP Terraform plan phase): read-only, no data reads, state read, member accounts\' plan roles',
      trust: planTrust,
      managedPolicyArns: [READ_ONLY_ACCESS_ARN],
      inlineStatements: planIdentityStatements({
        planRoleName: props.planRoleName,
        writerRoleNames: [...props.writerRoleNames, props.applyRoleName],
        state: props.state,
      }),
    });
    this.applyRole = new PipelineRole(this, 'ApplyRole', {
      provider,
      roleName: props.applyRoleName,
      description: 'Landing zone applies (the apply workflow on the default branch in the protected environment, or the HCP Terraform apply phase): the management stack, state, and the access role into member accounts',
      trust: applyTrust,
      managedPolicyArns: [ADMINISTRATOR_ACCESS_ARN],
      maxSessionDuration: 4 * 3600,
    });
  }
}

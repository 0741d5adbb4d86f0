import type { Construct } from 'constructs';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import { SecureBucket, onlyWritersWriteObjects } from '../constructs/storage';
import { CiIdentities, type GitHubCi, type TerraformCloudCi } from '../constructs/ci';
import { createsStateBucket } from '../config/model';
import { githubTrustOf, terraformCloudTrustOf } from '../config/ci-subjects';
import { accessRoleNames } from '../config/brownfield';
import type { LandingZoneConfig } from '../config/schema';
import { TerraformOutput } from '../lib/cdktf';

/**
 * What must exist before the pipeline can run, applied once by hand with management-account credentials
 * (README "Bootstrap"): the S3 state bucket every other stack keeps its state in (backend s3 with
 * state.bootstrap), and the CI identities (ci.provider): the OIDC provider, the read-only plan role and
 * the apply role. It starts with local state (the bucket does not exist yet); after the first apply its
 * state moves into the bucket (`state.bootstrapState: s3`), and the pipeline applies it like the others.
 */
export class BootstrapStack extends LandingZoneStack {
  /** The state bucket; undefined when it is managed elsewhere (state.bootstrap: false) or not S3. */
  readonly stateBucket?: SecureBucket;
  /** The CI's OIDC provider and roles; undefined with ci.provider none. */
  readonly ci?: CiIdentities;

  constructor(scope: Construct, id: string, props: LandingZoneStackProps) {
    const { config } = props;
    super(scope, id, { ...props, stateBackend: config.state.bootstrapState === 's3' ? 's3' : 'local' });
    const { bucket, kmsKeyId, region } = config.state;
    if (createsStateBucket(config)) {
      if (!bucket) throw new Error('the bootstrap stack needs state.bucket');
      const provider = this.providerForRegion(region ?? config.organization.homeRegion);
      const writers = stateWriterArns(config);
      this.stateBucket = new SecureBucket(this, 'StateBucket', {
        provider,
        bucketName: bucket,
        kmsKeyArn: kmsKeyId,
        policyStatements: writers ? (bucketArn) => [onlyWritersWriteObjects(bucketArn, writers)] : undefined,
      });
      new TerraformOutput(this, 'state_bucket', { value: this.stateBucket.bucketName });
    }

    const ci = ciOf(config);
    if (ci) {
      const { organization, state } = config;
      this.ci = new CiIdentities(this, 'Ci', {
        managementAccountId: organization.managementAccountId,
        ci,
        planRoleName: config.ci.planRoleName,
        applyRoleName: config.ci.applyRoleName,
        writerRoleNames: [...accessRoleNames(config), ...organization.breakGlassRoleNames],
        state:
          state.backend === 's3' && state.bucket
            ? { bucket: state.bucket, keyPrefix: state.keyPrefix, region: state.region ?? organization.homeRegion, kmsKeyId: state.kmsKeyId }
            : undefined,
        adoptOidcProvider: config.ci.adoptOidcProvider,
      });
      new TerraformOutput(this, 'plan_role_arn', {
        value: this.ci.planRole.roleArn,
        description: 'Repository variable AWS_PLAN_ROLE_ARN (GitHub) or TFC_AWS_PLAN_ROLE_ARN (HCP Terraform)',
      });
      new TerraformOutput(this, 'apply_role_arn', {
        value: this.ci.applyRole.roleArn,
        description: 'Repository variable AWS_ROLE_ARN (GitHub) or TFC_AWS_APPLY_ROLE_ARN (HCP Terraform)',
      });
    }
  }
}

/**
 * Who may write the state objects (`aws:PrincipalArn` patterns), or undefined when the config names nobody to
 * restrict them to (no CI apply role, no state.writers): the management account root user, the CI apply role,
 * the break-glass roles of the management account (recovery: docs/operations.md) and state.writers (the
 * administrator who runs the bootstrap stack and migrates its state). The plan roles are never writers.
 */
export function stateWriterArns(config: LandingZoneConfig): string[] | undefined {
  const { organization, ci, state } = config;
  const account = organization.managementAccountId;
  const applyRole = ci.provider === 'github' ? [`arn:aws:iam::${account}:role/${ci.applyRoleName}`] : [];
  if (applyRole.length === 0 && !state.writers?.length) return undefined;
  return [
    `arn:aws:iam::${account}:root`,
    ...applyRole,
    ...organization.breakGlassRoleNames.map((name) => `arn:aws:iam::${account}:role/${name}`),
    ...(state.writers ?? []),
  ];
}

/** The CI the config names, with the subjects its roles trust (config/ci-subjects.ts); undefined for ci.provider none. */
function ciOf(config: LandingZoneConfig): GitHubCi | TerraformCloudCi | undefined {
  const { ci } = config;
  if (ci.provider === 'github') {
    const trust = githubTrustOf(config);
    if (!trust) throw new Error('ci.repository is required with ci.provider github');
    return { kind: 'github', applySubject: trust.applySubject, planSubjects: trust.planSubjects };
  }
  if (ci.provider === 'terraform-cloud') {
    const trust = terraformCloudTrustOf(config);
    if (!trust) throw new Error('ci.provider terraform-cloud needs state.backend cloud with state.cloud');
    return { kind: 'terraform-cloud', hostname: trust.hostname, planSubjects: trust.planSubjects, applySubjects: trust.applySubjects };
  }
  return undefined;
}

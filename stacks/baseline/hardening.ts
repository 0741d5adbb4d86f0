import {
  AccountAccessAnalyzer,
  AlternateContacts,
  EbsDefaults,
  ImdsDefaults,
  PasswordPolicy,
  S3AccountPublicAccessBlock,
} from '../../constructs/baseline';
import { governedRegions } from '../../config/model';
import { declaredEc2Attributes } from '../../policies/declarative/ec2-attributes';
import type { BaselineContext } from './context';
import { adoptionIn, requireAccountId } from './adoption';

export interface HardeningOptions {
  /**
   * Leave the alternate contacts out (the management account's are set by the management stack,
   * stacks/management/hygiene.ts, from organization.alternateContacts).
   * @default false - the baseline's alternate contacts are set
   */
  readonly skipAlternateContacts?: boolean;
}

/**
 * Account hardening: account-wide settings once (password policy, S3 public access block, alternate
 * contacts) through the home-region provider, regional defaults (EBS encryption, IMDSv2, and an
 * account Access Analyzer when the organization analyzer is off) in every governed region.
 *
 * One owner per setting: where an EC2 declarative policy that declares `instance_metadata_defaults`
 * applies to the account (attached to the root, an OU above it or the account), the IMDS defaults are the
 * policy's and AWS refuses the account's own, so the baseline leaves them out there. The baseline sets no
 * other attribute a declarative policy can declare (EBS encryption by default is not one).
 *
 * What the account already has (`adopt`: password policy, S3 account public access block, alternate contact
 * types, EBS encryption by default per region, account analyzers per region) is imported into the same
 * resources, so the first plan shows an import and the in-place change, never a silent overwrite; an adopted
 * analyzer keeps its name (no second analyzer beside it).
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative_syntax.html
 */
export function addHardening({ stack, scope, account, baseline, providerIn }: BaselineContext, options: HardeningOptions = {}): void {
  const { config } = stack;
  const home = providerIn(config.organization.homeRegion);
  const isManagement = account.id === config.organization.managementAccountId;
  const imdsByPolicy = declaredEc2Attributes(config, isManagement ? undefined : account.name).has('instance_metadata_defaults');

  const adoption = adoptionIn({ stack, account });
  const { adopt } = adoption;
  const analyzers = adopt.accessAnalyzers as Partial<Record<string, string>>;

  const { enabled: passwordPolicyEnabled, ...passwordPolicy } = baseline.passwordPolicy;
  if (passwordPolicyEnabled) new PasswordPolicy(scope, 'PasswordPolicy', { provider: home, ...passwordPolicy, adoptExisting: adopt.passwordPolicy });
  if (baseline.s3BlockPublicAccess) {
    new S3AccountPublicAccessBlock(scope, 'S3PublicAccessBlock', {
      provider: home,
      existingAccountId: adopt.s3PublicAccessBlock ? requireAccountId(adoption, account.name, 'the S3 account public access block') : undefined,
    });
  }
  if (!options.skipAlternateContacts && Object.values(baseline.alternateContacts).some(Boolean)) {
    new AlternateContacts(scope, 'AlternateContacts', { provider: home, contacts: baseline.alternateContacts, adopted: adopt.alternateContacts });
  }

  for (const region of governedRegions(config)) {
    const provider = providerIn(region);
    // Unlike the other settings, `false` is written too, so turning it off in the config turns it off in AWS.
    new EbsDefaults(scope, `EbsDefaults-${region}`, {
      provider,
      encryptionByDefault: baseline.ebsEncryptionByDefault,
      adoptExisting: (adopt.ebsEncryptionByDefault as readonly string[]).includes(region),
    });
    // Left alone (undefined) on a takeover where the config does not set it (config/takeover.ts).
    if (!imdsByPolicy && baseline.instanceMetadata) {
      new ImdsDefaults(scope, `ImdsDefaults-${region}`, {
        provider,
        httpTokens: baseline.instanceMetadata.httpTokens,
        hopLimit: baseline.instanceMetadata.hopLimit,
      });
    }
    if (baseline.accountAccessAnalyzer) {
      const existing = analyzers[region];
      new AccountAccessAnalyzer(scope, `AccessAnalyzer-${region}`, {
        provider,
        analyzerName: existing ?? `${config.organization.name}-account`,
        adoptExisting: existing !== undefined,
      });
    }
  }
}

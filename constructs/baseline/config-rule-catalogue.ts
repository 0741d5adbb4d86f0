import type { ConfigRuleName } from '../../config/schema/security';

/*
 * The AWS Config managed rules the landing zone knows (`security.config.rules` picks from them).
 * Every account's baseline deploys the chosen ones (account-config-rules.ts).
 */

/** How an AWS Config managed rule is deployed. */
export interface ManagedRuleSpec {
  /** Source identifier of the managed rule. */
  readonly identifier: string;
  /** One line for people reading the rule in the console. */
  readonly description: string;
  /** Account-wide (IAM, root, trails, account settings): evaluated in the home region only, to avoid duplicate results. */
  readonly global: boolean;
  /** Input parameters (JSON object of strings). */
  readonly inputParameters?: Record<string, string>;
  /** Periodic rules run on this schedule. */
  readonly maximumExecutionFrequency?: string;
}

/** The seed 004 checks as managed rules. */
export const MANAGED_RULES: Record<ConfigRuleName, ManagedRuleSpec> = {
  'root-account-mfa-enabled': { identifier: 'ROOT_ACCOUNT_MFA_ENABLED', description: 'The root user has MFA.', global: true, maximumExecutionFrequency: 'TwentyFour_Hours' },
  'iam-root-access-key-check': { identifier: 'IAM_ROOT_ACCESS_KEY_CHECK', description: 'The root user has no access keys.', global: true, maximumExecutionFrequency: 'TwentyFour_Hours' },
  'iam-password-policy': {
    identifier: 'IAM_PASSWORD_POLICY',
    description: 'The account password policy meets the baseline.',
    global: true,
    inputParameters: { RequireUppercaseCharacters: 'true', RequireLowercaseCharacters: 'true', RequireSymbols: 'true', RequireNumbers: 'true', MinimumPasswordLength: '14', PasswordReusePrevention: '24', MaxPasswordAge: '90' },
    maximumExecutionFrequency: 'TwentyFour_Hours',
  },
  'multi-region-cloudtrail-enabled': { identifier: 'MULTI_REGION_CLOUD_TRAIL_ENABLED', description: 'A multi-region CloudTrail trail records the account.', global: true, maximumExecutionFrequency: 'TwentyFour_Hours' },
  'cloud-trail-log-file-validation-enabled': { identifier: 'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED', description: 'CloudTrail trails validate their log files.', global: true, maximumExecutionFrequency: 'TwentyFour_Hours' },
  'encrypted-volumes': { identifier: 'ENCRYPTED_VOLUMES', description: 'Attached EBS volumes are encrypted.', global: false },
  'ec2-ebs-encryption-by-default': { identifier: 'EC2_EBS_ENCRYPTION_BY_DEFAULT', description: 'EBS encryption by default is on in the region.', global: false, maximumExecutionFrequency: 'TwentyFour_Hours' },
  'ec2-imdsv2-check': { identifier: 'EC2_IMDSV2_CHECK', description: 'EC2 instances require IMDSv2.', global: false },
  's3-account-level-public-access-blocks-periodic': {
    identifier: 'S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC',
    description: 'S3 Block Public Access is on for the account.',
    global: true,
    maximumExecutionFrequency: 'TwentyFour_Hours',
  },
  's3-bucket-public-read-prohibited': { identifier: 'S3_BUCKET_PUBLIC_READ_PROHIBITED', description: 'No S3 bucket allows public read.', global: false },
  's3-bucket-public-write-prohibited': { identifier: 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED', description: 'No S3 bucket allows public write.', global: false },
  's3-bucket-ssl-requests-only': { identifier: 'S3_BUCKET_SSL_REQUESTS_ONLY', description: 'S3 bucket policies deny requests without TLS.', global: false },
  'restricted-ssh': { identifier: 'INCOMING_SSH_DISABLED', description: 'No security group allows SSH from anywhere.', global: false },
  'guardduty-enabled-centralized': { identifier: 'GUARDDUTY_ENABLED_CENTRALIZED', description: 'GuardDuty is on in the region.', global: false, maximumExecutionFrequency: 'TwentyFour_Hours' },
  'securityhub-enabled': { identifier: 'SECURITYHUB_ENABLED', description: 'Security Hub is on in the region.', global: false, maximumExecutionFrequency: 'TwentyFour_Hours' },
};

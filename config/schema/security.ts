import { z } from 'zod';
import { Email, Target } from './common';

/**
 * Security Hub standards a configuration policy can turn on, by the path of their ARN
 * (`arn:aws:securityhub:<region>::standards/<path>`; CIS 1.2.0 is the older
 * `arn:aws:securityhub:::ruleset/<path>`).
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html
 */
export const SECURITY_HUB_STANDARDS = [
  'aws-foundational-security-best-practices/v/1.0.0',
  'cis-aws-foundations-benchmark/v/1.2.0',
  'cis-aws-foundations-benchmark/v/1.4.0',
  'cis-aws-foundations-benchmark/v/3.0.0',
  'nist-800-53/v/5.0.0',
  'pci-dss/v/3.2.1',
  'pci-dss/v/4.0.1',
  'aws-resource-tagging-standard/v/1.0.0',
] as const;
export type SecurityHubStandard = (typeof SECURITY_HUB_STANDARDS)[number];

/** GuardDuty protection plans the organization configuration can auto-enable. */
export const GUARDDUTY_FEATURES = [
  'S3_DATA_EVENTS',
  'EKS_AUDIT_LOGS',
  'EBS_MALWARE_PROTECTION',
  'RDS_LOGIN_EVENTS',
  'LAMBDA_NETWORK_LOGS',
  'RUNTIME_MONITORING',
] as const;
export type GuardDutyFeature = (typeof GUARDDUTY_FEATURES)[number];

/**
 * AWS Config managed rules every account's baseline deploys: the seed 004 checks (root user, trail,
 * encryption, public S3, detective services). Names are the managed rules' documented names.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html
 */
export const CONFIG_RULES = [
  'root-account-mfa-enabled',
  'iam-root-access-key-check',
  'iam-password-policy',
  'multi-region-cloudtrail-enabled',
  'cloud-trail-log-file-validation-enabled',
  'encrypted-volumes',
  'ec2-ebs-encryption-by-default',
  'ec2-imdsv2-check',
  's3-account-level-public-access-blocks-periodic',
  's3-bucket-public-read-prohibited',
  's3-bucket-public-write-prohibited',
  's3-bucket-ssl-requests-only',
  'restricted-ssh',
  'guardduty-enabled-centralized',
  'securityhub-enabled',
] as const;
export type ConfigRuleName = (typeof CONFIG_RULES)[number];

export const INSPECTOR_RESOURCE_TYPES = ['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE'] as const;
export const FINDING_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const;

/**
 * GuardDuty's severity scale: a number from 1.0 to 10.0, in four levels (the lowest value of each).
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html
 */
export const GUARDDUTY_SEVERITY_LEVELS = { LOW: 1, MEDIUM: 4, HIGH: 7, CRITICAL: 9 } as const;
const GUARDDUTY_SCALE =
  'GuardDuty severities are numbers from 1.0 to 10.0: LOW 1.0-3.9, MEDIUM 4.0-6.9, HIGH 7.0-8.9, CRITICAL 9.0-10.0 (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html)';

/**
 * Security Hub's normalized severity (0-100) and the labels it maps to; the notification rule matches labels.
 * @see https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_Severity.html
 */
const SECURITY_HUB_SCALE =
  'Security Hub labels a normalized severity: INFORMATIONAL 0, LOW 1-39, MEDIUM 40-69, HIGH 70-89, CRITICAL 90-100 (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_Severity.html)';

/** The Security Hub label of a normalized severity (0-100), or undefined outside the scale. */
function securityHubLabel(value: number): (typeof FINDING_SEVERITIES)[number] | undefined {
  if (!Number.isFinite(value) || value < 0 || value > 100) return undefined;
  if (value === 0) return 'INFORMATIONAL';
  if (value < 40) return 'LOW';
  if (value < 70) return 'MEDIUM';
  if (value < 90) return 'HIGH';
  return 'CRITICAL';
}

const enabled = (on: boolean, what: string) => z.boolean().default(on).describe(what);

/**
 * Detective services run from the security account as delegated administrator.
 * The `enabled` switches are read by the management stack (service access, delegated
 * administrators) and the security stack.
 */
export const SecuritySchema = z.strictObject({
  regions: z
    .enum(['governed', 'all'], { error: 'must be governed or all' })
    .default('governed')
    .describe('Where regional services (GuardDuty, Security Hub, Access Analyzer) run: the governed regions, or every region (seed 004).'),
  guardDuty: z
    .strictObject({
      enabled: enabled(true, 'GuardDuty in every region, auto-enabled for all members.'),
      features: z
        .array(z.enum(GUARDDUTY_FEATURES, { error: `is not a GuardDuty protection plan; use one of ${GUARDDUTY_FEATURES.join(', ')}` }))
        .default([...GUARDDUTY_FEATURES])
        .describe('Protection plans auto-enabled for every member account (all by default).'),
      findingPublishingFrequency: z
        .enum(['FIFTEEN_MINUTES', 'ONE_HOUR', 'SIX_HOURS'], { error: 'must be FIFTEEN_MINUTES, ONE_HOUR or SIX_HOURS' })
        .default('FIFTEEN_MINUTES')
        .describe('How often updated findings are sent to EventBridge and the export.'),
      exportFindings: enabled(true, 'Export findings to the central log bucket (prefix guardduty/), encrypted with the log-archive key.'),
    })
    .prefault({})
    .describe('Amazon GuardDuty, organization-wide.'),
  securityHub: z
    .strictObject({
      enabled: enabled(true, 'Security Hub with central configuration and a finding aggregator.'),
      standards: z
        .array(
          z.enum(SECURITY_HUB_STANDARDS, {
            error: `is not a Security Hub standard; use one of ${SECURITY_HUB_STANDARDS.join(', ')}`,
          }),
        )
        .min(1, { error: 'needs at least one standard, e.g. [aws-foundational-security-best-practices/v/1.0.0]' })
        .default(['aws-foundational-security-best-practices/v/1.0.0', 'cis-aws-foundations-benchmark/v/3.0.0'])
        .describe('Standards the central configuration policy turns on in every account and region.'),
      targets: z
        .array(Target)
        .min(1, { error: 'needs at least one target, e.g. [Root]' })
        .default(['Root'])
        .describe('Where the configuration policy is associated: "Root" or OU paths.'),
      disabledControls: z
        .array(z.string().regex(/^[A-Za-z0-9]+\.\d+$/, { error: 'is not a Security Hub control id; it looks like "IAM.6" or "EC2.8"' }))
        .default([])
        .describe('Security Hub control ids to turn off in the policy, e.g. [IAM.6] (hardware MFA for root).'),
    })
    .prefault({})
    .describe('AWS Security Hub central configuration.'),
  config: z
    .strictObject({
      enabled: enabled(true, 'The organization aggregator in the security account, and the rules below in every account (recorders are in each account baseline: baseline.config).'),
      rules: z
        .array(z.enum(CONFIG_RULES, { error: `is not a managed rule in the catalogue; use one of ${CONFIG_RULES.join(', ')}` }))
        .default([...CONFIG_RULES])
        .describe('AWS Config managed rules (lz-<rule>) that every account baseline deploys in each governed region after its recorder, account-wide ones in the home region only; the security account sees their compliance through the aggregator (docs/baseline.md).'),
    })
    .prefault({})
    .describe('AWS Config across the organization: per-account rules and the organization aggregator.'),
  accessAnalyzer: z
    .strictObject({
      enabled: enabled(true, 'IAM Access Analyzer for the organization (external and unused access).'),
      unusedAccessAgeDays: z
        .number()
        .int()
        .min(1, { error: 'must be at least 1 day' })
        .max(365, { error: 'must be at most 365 days' })
        .default(90)
        .describe('Days without use after which a role, user, key or permission is reported as unused.'),
    })
    .prefault({})
    .describe('IAM Access Analyzer.'),
  detective: z
    .strictObject({ enabled: enabled(false, 'Amazon Detective, organization-wide (needs GuardDuty).') })
    .prefault({})
    .describe('Amazon Detective.'),
  inspector: z
    .strictObject({
      enabled: enabled(false, 'Amazon Inspector, organization-wide.'),
      resourceTypes: z
        .array(z.enum(INSPECTOR_RESOURCE_TYPES, { error: `is not an Inspector resource type; use one of ${INSPECTOR_RESOURCE_TYPES.join(', ')}` }))
        .min(1, { error: 'needs at least one resource type, e.g. [EC2]' })
        .default(['EC2', 'ECR', 'LAMBDA'])
        .describe('What Inspector scans in every account.'),
    })
    .prefault({})
    .describe('Amazon Inspector.'),
  macie: z
    .strictObject({ enabled: enabled(false, 'Amazon Macie, organization-wide.') })
    .prefault({})
    .describe('Amazon Macie.'),
  notifications: z
    .strictObject({
      emails: z.array(Email).default([]).describe('Who is e-mailed findings and non-compliance (each address confirms its subscription).'),
      guardDutyMinimumSeverity: z
        .number({
          error: (issue) => {
            const label = typeof issue.input === 'string' ? issue.input.trim().toUpperCase() : '';
            const level = GUARDDUTY_SEVERITY_LEVELS[label as keyof typeof GUARDDUTY_SEVERITY_LEVELS];
            return level !== undefined
              ? `a severity label where GuardDuty's severity number is expected; ${GUARDDUTY_SCALE}: write ${level} for ${label} and above`
              : `expected a GuardDuty severity number; ${GUARDDUTY_SCALE}: e.g. 7 for HIGH and above`;
          },
        })
        .min(1, { error: `must be between 1 and 10; ${GUARDDUTY_SCALE}` })
        .max(10, { error: `must be between 1 and 10; ${GUARDDUTY_SCALE}` })
        .default(7)
        .describe('GuardDuty findings at or above this severity are sent: a number from 1.0 to 10.0 (LOW 1, MEDIUM 4, HIGH 7, CRITICAL 9). Default 7.'),
      securityHubSeverities: z
        .array(
          z.enum(FINDING_SEVERITIES, {
            error: (issue) => {
              const number = typeof issue.input === 'number' ? issue.input : typeof issue.input === 'string' && /^\d+(\.\d+)?$/.test(issue.input.trim()) ? Number(issue.input) : undefined;
              const label = number !== undefined ? securityHubLabel(number) : undefined;
              if (label) return `is a severity number where a Security Hub severity label is expected; ${SECURITY_HUB_SCALE}: write ${label}`;
              return `is not a severity label; use one of ${FINDING_SEVERITIES.join(', ')} (${SECURITY_HUB_SCALE})`;
            },
          }),
        )
        .min(1, { error: 'needs at least one severity, e.g. [CRITICAL, HIGH]' })
        .default(['CRITICAL', 'HIGH'])
        .describe('Security Hub findings with these severity labels are sent.'),
      configNonCompliance: enabled(true, 'Send AWS Config rule evaluations that turn NON_COMPLIANT.'),
    })
    .prefault({})
    .describe('EventBridge rules → encrypted SNS topic in the security account.'),
});

export type SecurityConfig = z.infer<typeof SecuritySchema>;

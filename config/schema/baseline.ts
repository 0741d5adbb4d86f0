import { z } from 'zod';
import { Email, OuPath } from './common';
import { AlternateContacts } from './organization';

/*
 * The account baseline: what every workload account gets (docs/baseline.md).
 *
 * Values are layered: the top level (`baseline`, with the defaults below), then
 * `baseline.ouOverrides` for the account's OU and its parents (the nearest OU wins), then
 * the account's own `accounts[].baseline` (and the `accounts[].budget` / `alternateContacts`
 * shortcuts). config/effective-baseline.ts resolves a value and says where it came from.
 *
 * Each group is written once as leaf schemas; the top-level form adds the defaults and
 * `asOverride` builds the override form (every field optional, no defaults, so an override
 * never fills in a value the person did not write).
 */

const Usd = z
  .number({ error: 'must be a number of US dollars, e.g. 100' })
  .positive({ error: 'must be more than 0 USD; a budget or alarm at 0 would always fire' });
const Percent = z
  .number({ error: 'must be a percentage, e.g. 80' })
  .positive({ error: 'must be more than 0 (percent of the monthly amount)' })
  .max(1000, { error: 'must be at most 1000 (percent of the monthly amount)' });

export const SNAPSHOT_FREQUENCIES = ['One_Hour', 'Three_Hours', 'Six_Hours', 'Twelve_Hours', 'TwentyFour_Hours'] as const;
export const ACCESS_ANALYZER_MODES = ['auto', 'always', 'never'] as const;

const budgetLeaves = {
  enabled: z.boolean().describe('Create a monthly AWS Budget (cost) in the account.'),
  monthlyUsd: Usd.describe('Monthly budget limit in USD; also the billing alarm threshold unless billingAlarm.thresholdUsd is set. Default 100.'),
  actualPercent: Percent.describe('Notify when ACTUAL spend exceeds this percent of monthlyUsd (GREATER_THAN). Default 80.'),
  forecastPercent: Percent.describe('Notify when FORECASTED spend exceeds this percent of monthlyUsd (GREATER_THAN). Default 100.'),
  emails: z
    .array(Email)
    .min(1, { error: 'needs at least one address, or leave emails out to use the billing alarm e-mail' })
    .max(10, { error: 'has more than 10 addresses; AWS Budgets allows 10 e-mail subscribers per notification' })
    .describe('Who receives budget notifications. Default: the billing alarm e-mail.'),
};

const billingAlarmLeaves = {
  enabled: z.boolean().describe('Create the seed 003 billing alarm (SNS topic, e-mail subscription, EstimatedCharges alarm) in us-east-1.'),
  thresholdUsd: Usd.describe('EstimatedCharges alarm threshold in USD. Default: budget.monthlyUsd (100 unless changed), as in seed 003.'),
  email: Email.describe('Who receives the alarm (SNS e-mail subscription). Default: the account e-mail.'),
  topicName: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, { error: 'is not an SNS topic name: 1-256 letters, digits, "-" and "_"' })
    .describe('SNS topic name. Default DefaultBillingAlertTopic (seed 003).'),
  alarmName: z
    .string()
    .regex(/^[^\x00-\x1f]{1,255}$/, { error: 'is not an alarm name: 1-255 printable characters' })
    .describe('CloudWatch alarm name. Default DefaultBillingAlart, spelled as in seed 003 so an alarm made by the seed script is taken over, not duplicated.'),
};

const configLeaves = {
  enabled: z.boolean().describe('AWS Config recorder and delivery channel in every governed region.'),
  snapshotFrequency: z
    .enum(SNAPSHOT_FREQUENCIES, { error: `must be one of ${SNAPSHOT_FREQUENCIES.join(', ')}` })
    .describe('How often Config delivers a configuration snapshot to the log bucket. Default TwentyFour_Hours.'),
  recordingFrequency: z
    .enum(['CONTINUOUS', 'DAILY'], { error: 'must be CONTINUOUS or DAILY' })
    .describe('Record every change (CONTINUOUS) or once a day (DAILY, cheaper). Default CONTINUOUS.'),
  createServiceLinkedRole: z
    .boolean()
    .describe(
      'Manage AWSServiceRoleForConfig: created where the account lacks it, imported where it already exists (an adopted account that ran Config), decided at plan time. false: leave the role alone and point the recorders at its ARN (it must exist). Default true.',
    ),
};

const passwordPolicyLeaves = {
  enabled: z.boolean().describe('Set the account IAM password policy. Default true.'),
  minimumLength: z.number().int().min(8, { error: 'must be at least 8 (14 or more recommended)' }).max(128, { error: 'must be at most 128' }).describe('Minimum password length. Default 14.'),
  requireUppercase: z.boolean().describe('Require an uppercase letter. Default true.'),
  requireLowercase: z.boolean().describe('Require a lowercase letter. Default true.'),
  requireNumbers: z.boolean().describe('Require a number. Default true.'),
  requireSymbols: z.boolean().describe('Require a symbol. Default true.'),
  allowUsersToChange: z.boolean().describe('Let IAM users change their own password. Default true.'),
  maxAgeDays: z.number().int().min(0, { error: 'must be 0 (never expires) to 1095 days' }).max(1095, { error: 'must be at most 1095 days' }).describe('Days before a password expires; 0 never. Default 90.'),
  reusePrevention: z.number().int().min(0, { error: 'must be 0 to 24' }).max(24, { error: 'must be at most 24 (the IAM limit)' }).describe('Number of previous passwords that cannot be reused; 0 off. Default 24.'),
  hardExpiry: z.boolean().describe('Expired passwords need an administrator reset. Default false.'),
};

const instanceMetadataLeaves = {
  httpTokens: z
    .enum(['required', 'optional'], { error: 'must be required (IMDSv2 only) or optional' })
    .describe('Account default for new instances: required means IMDSv2 only. Default required.'),
  hopLimit: z.number().int().min(1, { error: 'must be 1 to 64' }).max(64, { error: 'must be at most 64' }).describe('IMDS PUT response hop limit; 2 lets containers reach IMDSv2. Default 2.'),
};

const topLeaves = {
  ebsEncryptionByDefault: z.boolean().describe('EBS encryption by default in every governed region. Default true.'),
  s3BlockPublicAccess: z
    .boolean()
    .describe('S3 account-level public access block (all four settings). Default true; on an adopted organization only where written (existing accounts keep theirs).'),
  accessAnalyzer: z
    .enum(ACCESS_ANALYZER_MODES, { error: 'must be auto, always or never' })
    .describe(
      'Account IAM Access Analyzer per governed region. auto: only when the organization analyzer (security.accessAnalyzer) is off, since it already covers every member account. Default auto.',
    ),
};

type Shape = Record<string, z.ZodType>;

/** Override form of a group: every leaf optional, no defaults. */
function asOverride<S extends Shape>(leaves: S) {
  return z.strictObject(leaves).partial();
}

const BUDGET_DEFAULTS = { enabled: true, monthlyUsd: 100, actualPercent: 80, forecastPercent: 100 } as const;
const BILLING_ALARM_DEFAULTS = { enabled: true, topicName: 'DefaultBillingAlertTopic', alarmName: 'DefaultBillingAlart' } as const;

const BudgetSchema = z
  .strictObject({
    enabled: budgetLeaves.enabled.default(BUDGET_DEFAULTS.enabled),
    monthlyUsd: budgetLeaves.monthlyUsd.default(BUDGET_DEFAULTS.monthlyUsd),
    actualPercent: budgetLeaves.actualPercent.default(BUDGET_DEFAULTS.actualPercent),
    forecastPercent: budgetLeaves.forecastPercent.default(BUDGET_DEFAULTS.forecastPercent),
    emails: budgetLeaves.emails.optional(),
  })
  .prefault({})
  .describe('Monthly AWS Budget (cost) with ACTUAL and FORECASTED notifications.');

const BillingAlarmSchema = z
  .strictObject({
    enabled: billingAlarmLeaves.enabled.default(BILLING_ALARM_DEFAULTS.enabled),
    thresholdUsd: billingAlarmLeaves.thresholdUsd.optional(),
    email: billingAlarmLeaves.email.optional(),
    topicName: billingAlarmLeaves.topicName.default(BILLING_ALARM_DEFAULTS.topicName),
    alarmName: billingAlarmLeaves.alarmName.default(BILLING_ALARM_DEFAULTS.alarmName),
  })
  .prefault({})
  .describe('SNS topic + e-mail + CloudWatch EstimatedCharges alarm in us-east-1 (seed 003).');

const ConfigRecorderSchema = z
  .strictObject({
    enabled: configLeaves.enabled.default(true),
    snapshotFrequency: configLeaves.snapshotFrequency.default('TwentyFour_Hours'),
    recordingFrequency: configLeaves.recordingFrequency.default('CONTINUOUS'),
    createServiceLinkedRole: configLeaves.createServiceLinkedRole.default(true),
  })
  .prefault({})
  .describe('AWS Config recorder (all supported resources; global ones in the home region only) delivering to the log-archive bucket.');

const PasswordPolicySchema = z
  .strictObject({
    enabled: passwordPolicyLeaves.enabled.default(true),
    minimumLength: passwordPolicyLeaves.minimumLength.default(14),
    requireUppercase: passwordPolicyLeaves.requireUppercase.default(true),
    requireLowercase: passwordPolicyLeaves.requireLowercase.default(true),
    requireNumbers: passwordPolicyLeaves.requireNumbers.default(true),
    requireSymbols: passwordPolicyLeaves.requireSymbols.default(true),
    allowUsersToChange: passwordPolicyLeaves.allowUsersToChange.default(true),
    maxAgeDays: passwordPolicyLeaves.maxAgeDays.default(90),
    reusePrevention: passwordPolicyLeaves.reusePrevention.default(24),
    hardExpiry: passwordPolicyLeaves.hardExpiry.default(false),
  })
  .prefault({})
  .describe('IAM account password policy (CIS-style defaults; people sign in through IAM Identity Center anyway).');

/**
 * Built-in values of the baseline settings that change what existing accounts do (config/takeover.ts). The schema
 * gives them no default, so the config tells a value it writes from one it leaves out: on a takeover the built-in
 * value is not applied to an account that existed before (config/effective-baseline.ts).
 */
export const BEHAVIOUR_BASELINE_DEFAULTS = {
  instanceMetadata: { httpTokens: 'required', hopLimit: 2 },
  s3BlockPublicAccess: true,
} as const;

const InstanceMetadataSchema = asOverride(instanceMetadataLeaves)
  .optional()
  .describe('EC2 instance metadata defaults of the account in every governed region (IMDSv2). Default httpTokens required, hopLimit 2; on an adopted organization only where written (existing accounts keep theirs).');

/** Baseline values one layer (OU or account) may override; nothing is filled in. */
export const BaselineOverrideSchema = z
  .strictObject({
    budget: asOverride(budgetLeaves).optional().describe('Overrides of baseline.budget.'),
    billingAlarm: asOverride(billingAlarmLeaves).optional().describe('Overrides of baseline.billingAlarm.'),
    config: asOverride(configLeaves).optional().describe('Overrides of baseline.config.'),
    passwordPolicy: asOverride(passwordPolicyLeaves).optional().describe('Overrides of baseline.passwordPolicy.'),
    instanceMetadata: asOverride(instanceMetadataLeaves).optional().describe('Overrides of baseline.instanceMetadata.'),
    ebsEncryptionByDefault: topLeaves.ebsEncryptionByDefault.optional(),
    s3BlockPublicAccess: topLeaves.s3BlockPublicAccess.optional(),
    accessAnalyzer: topLeaves.accessAnalyzer.optional(),
    alternateContacts: AlternateContacts.optional().describe('Alternate contacts; each of billing / operations / security replaces the one from a wider level.'),
  })
  .describe('Baseline settings that replace the wider level\'s value, setting by setting.');

/** The management account's own budget and billing alarm (its figures are the whole organization's consolidated bill). */
export const ManagementBillingSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Budget and billing alarm in the management account. Default true.'),
    monthlyUsd: Usd.default(1000).describe('Monthly budget of the management (payer) account, which sees the whole organization\'s bill. Default 1000.'),
    thresholdUsd: Usd.optional().describe('EstimatedCharges alarm threshold (organization-wide). Default: monthlyUsd.'),
    actualPercent: Percent.default(80).describe('Notify when ACTUAL spend exceeds this percent (GREATER_THAN). Default 80.'),
    forecastPercent: Percent.default(100).describe('Notify when FORECASTED spend exceeds this percent (GREATER_THAN). Default 100.'),
    email: Email.optional().describe('Who is notified. Default: organization.alternateContacts.billing.email; with neither, the topic and budget are created without subscribers.'),
  })
  .prefault({})
  .describe('The management account\'s budget and seed 003 billing alarm (issue 4, management account hygiene).');

/** Settings every member account gets; the top level, then per OU, then per account, each overriding the last. */
export const BaselineSchema = z
  .strictObject({
    budget: BudgetSchema,
    billingAlarm: BillingAlarmSchema,
    config: ConfigRecorderSchema,
    passwordPolicy: PasswordPolicySchema,
    instanceMetadata: InstanceMetadataSchema,
    ebsEncryptionByDefault: topLeaves.ebsEncryptionByDefault.default(true),
    s3BlockPublicAccess: topLeaves.s3BlockPublicAccess.optional(),
    accessAnalyzer: topLeaves.accessAnalyzer.default('auto'),
    alternateContacts: AlternateContacts.default({}).describe('Alternate contacts (billing, operations, security) for every workload account.'),
    ouOverrides: z
      .record(OuPath, BaselineOverrideSchema)
      .default({})
      .describe('Per-OU overrides by OU path, e.g. { Sandbox: { budget: { monthlyUsd: 50 } } }. A child OU inherits its parent\'s override; the nearest OU wins.'),
    management: ManagementBillingSchema,
  })
  .describe('The account baseline of every workload account (docs/baseline.md).');

export type BaselineConfig = z.infer<typeof BaselineSchema>;
export type BaselineOverride = z.infer<typeof BaselineOverrideSchema>;
export type ManagementBillingConfig = z.infer<typeof ManagementBillingSchema>;

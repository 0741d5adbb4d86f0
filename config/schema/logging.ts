import { z } from 'zod';

/** Storage classes a lifecycle rule can move log objects to. */
export const COLD_STORAGE_CLASSES = ['STANDARD_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'] as const;
export type ColdStorageClass = (typeof COLD_STORAGE_CLASSES)[number];

const Days = (what: string, min: number, max: number) =>
  z
    .number({ error: `must be a whole number of days (${what})` })
    .int({ error: 'must be a whole number of days' })
    .min(min, { error: `must be at least ${min} day${min === 1 ? '' : 's'}` })
    .max(max, { error: `must be at most ${max} days` });

/**
 * The central log archive (seed 004, 1B): retention and lifecycle of the CloudTrail and Config log
 * buckets, Object Lock of the CloudTrail bucket, their access-log bucket, and the organization trail the
 * security account writes into it.
 */
export const LoggingSchema = z.strictObject({
  retentionDays: Days('expiry of log objects', 1, 36500)
    .default(3650)
    .describe('Days log objects (CloudTrail, Config, GuardDuty findings) are kept before the lifecycle expires them; at least objectLock.retentionDays.'),
  coldStorage: z
    .strictObject({
      afterDays: Days('age before the transition', 1, 36500)
        .default(90)
        .describe('Days after creation when log objects move to the colder storage class; less than retentionDays.'),
      storageClass: z
        .enum(COLD_STORAGE_CLASSES, { error: `is not a storage class for a lifecycle transition; use one of ${COLD_STORAGE_CLASSES.join(', ')}` })
        .default('GLACIER_IR')
        .describe('Storage class log objects move to (Glacier Instant Retrieval keeps them readable in milliseconds).'),
    })
    .prefault({})
    .describe('Lifecycle transition of log objects to colder storage.'),
  noncurrentVersionDays: Days('expiry of noncurrent versions', 1, 36500)
    .default(365)
    .describe('Days a noncurrent (overwritten or delete-marked) object version is kept; Object Lock still protects it until its retain-until date.'),
  objectLock: z
    .strictObject({
      enabled: z
        .boolean()
        .default(true)
        .describe('Turn on S3 Object Lock when the CloudTrail log bucket is created (it cannot be turned on later for an existing bucket without AWS Support).'),
      mode: z
        .enum(['GOVERNANCE', 'COMPLIANCE'], { error: 'must be GOVERNANCE or COMPLIANCE' })
        .default('GOVERNANCE')
        .describe('GOVERNANCE: nobody can delete or overwrite a locked version without s3:BypassGovernanceRetention, which the bucket policy denies to everyone. COMPLIANCE: not even the root user, and the retention cannot be shortened.'),
      retentionDays: Days('default Object Lock retention', 1, 36500)
        .default(365)
        .describe('Default retention of every new log object version; at most retentionDays.'),
    })
    .prefault({})
    .describe(
      'S3 Object Lock default retention on the CloudTrail log bucket (write once, read many). The Config log bucket (every account\'s Config deliveries and GuardDuty findings) never has Object Lock: AWS Config does not support delivery to a bucket where Object Lock is enabled.',
    ),
  accessLogs: z
    .strictObject({
      retentionDays: Days('expiry of server access logs', 1, 36500)
        .default(365)
        .describe('Days the log bucket\'s server access logs are kept.'),
    })
    .prefault({})
    .describe('The access-log bucket that receives the CloudTrail and Config log buckets\' S3 server access logs.'),
  trail: z
    .strictObject({
      s3DataEvents: z
        .boolean()
        .default(false)
        .describe('Also record S3 object-level (data) events of every bucket in the organization (billed per event).'),
      lambdaDataEvents: z
        .boolean()
        .default(false)
        .describe('Also record Lambda Invoke data events of every function in the organization (billed per event).'),
      lake: z
        .strictObject({
          enabled: z.boolean().default(false).describe('Create an organization CloudTrail Lake event data store for SQL queries over management events.'),
          retentionDays: Days('CloudTrail Lake retention', 7, 2555)
            .default(366)
            .describe('Days the event data store keeps events (7-2555, the range the pinned AWS provider accepts; billed by ingestion and retention).'),
        })
        .prefault({})
        .describe('Optional CloudTrail Lake event data store (seed 004: query logs with Athena or CloudTrail Lake).'),
    })
    .prefault({})
    .describe('The organization trail: multi-region, global service events, log file validation and KMS are always on.'),
});

export type LoggingConfig = z.infer<typeof LoggingSchema>;

import { z } from 'zod';
import { Email } from './common';

/** Settings every member account gets; the top level, then per OU, then per account, each overriding the last. */
export const BaselineSchema = z.strictObject({
  billingAlarm: z
    .strictObject({
      thresholdUsd: z.number().positive({ error: 'must be more than 0 USD' }).default(100).describe('EstimatedCharges alarm threshold in USD (seed 003).'),
      email: Email.optional().describe('Who receives the alarm; default: the account e-mail.'),
    })
    .prefault({})
    .describe('SNS topic + e-mail + CloudWatch EstimatedCharges alarm in us-east-1 (seed 003).'),
  ebsEncryptionByDefault: z.boolean().default(true).describe('Turn on EBS encryption by default in every governed region.'),
});

export const BaselineOverrideSchema = BaselineSchema.partial();

export type BaselineConfig = z.infer<typeof BaselineSchema>;
export type BaselineOverride = z.infer<typeof BaselineOverrideSchema>;

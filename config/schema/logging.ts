import { z } from 'zod';

export const LoggingSchema = z.strictObject({
  retentionDays: z
    .number()
    .int()
    .min(1, { error: 'must be at least 1 day' })
    .max(36500, { error: 'must be at most 36500 days (100 years)' })
    .default(3650)
    .describe('Days log objects are kept before expiry.'),
});

export type LoggingConfig = z.infer<typeof LoggingSchema>;

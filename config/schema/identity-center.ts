import { z } from 'zod';

/** IAM Identity Center permission sets, groups and assignments (seed 002). */
export const IdentityCenterSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Manage IAM Identity Center permission sets and assignments.'),
});

export type IdentityCenterConfig = z.infer<typeof IdentityCenterSchema>;

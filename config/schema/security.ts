import { z } from 'zod';

export const SecuritySchema = z.strictObject({
  guardDuty: z
    .strictObject({
      enabled: z.boolean().default(true).describe('GuardDuty detector in every region, auto-enabled for all members.'),
    })
    .prefault({}),
});

export type SecurityConfig = z.infer<typeof SecuritySchema>;

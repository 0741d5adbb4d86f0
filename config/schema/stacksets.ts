import { z } from 'zod';

/** Service-managed CloudFormation StackSets deployed to OUs (seed 001). */
export const StackSetsSchema = z.array(z.strictObject({}));

export type StackSetsConfig = z.infer<typeof StackSetsSchema>;

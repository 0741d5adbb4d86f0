import { z } from 'zod';

/** Preventive controls: catalogue policies and custom policy files, with their targets (seed 004). */
export const GuardrailsSchema = z.strictObject({});

export type GuardrailsConfig = z.infer<typeof GuardrailsSchema>;

import { z } from 'zod';

/**
 * What `lz review-plan` (the plan gate, checks/plan-gate) lets through that it refuses by default: each entry names
 * one finding by the id the gate prints, and says why, in the pull request that makes the change. Remove the entry
 * after the apply; a later plan with the same finding is refused again only once it is gone.
 */
export const AcknowledgedChange = z
  .strictObject({
    change: z
      .string()
      .regex(/^[a-z-]+\/[^\s]+$/, { error: 'is not a finding id of lz review-plan; copy it from its output, e.g. "destroy/management/aws_organizations_policy_attachment.x"' })
      .describe('The finding id lz review-plan printed: <rule>/<stack>/<address>[/<detail>].'),
    reason: z.string().min(10, { error: 'needs a reason a reviewer can check (at least 10 characters)' }).max(500).describe('Why the change is intended.'),
  })
  .describe('One plan-gate finding acknowledged on purpose.');

export const ReviewPlanSchema = z
  .strictObject({
    acknowledge: z.array(AcknowledgedChange).default([]).describe('Findings of lz review-plan that are intended (a destroy, a detach, a disabled policy type ...), each with its reason.'),
  })
  .describe('The plan gate (lz review-plan): what it lets through on purpose (docs/operations.md, "The plan gate").');

export type ReviewPlanConfig = z.infer<typeof ReviewPlanSchema>;

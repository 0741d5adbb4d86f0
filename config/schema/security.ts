import { z } from 'zod';

const Toggle = (enabled: boolean, what: string) =>
  z.strictObject({ enabled: z.boolean().default(enabled).describe(what) }).prefault({});

/**
 * Detective services run from the security account as delegated administrator.
 * The `enabled` switches are read by the management stack (service access, delegated
 * administrators) and the security stack.
 */
export const SecuritySchema = z.strictObject({
  regions: z
    .enum(['governed', 'all'], { error: 'must be governed or all' })
    .default('governed')
    .describe('Where regional services (GuardDuty, Security Hub) run: the governed regions, or every region (seed 004).'),
  guardDuty: Toggle(true, 'GuardDuty in every region, auto-enabled for all members.'),
  securityHub: Toggle(true, 'Security Hub with central configuration and a finding aggregator.'),
  config: Toggle(true, 'AWS Config organization aggregator and rules (recorders are in each account baseline).'),
  accessAnalyzer: Toggle(true, 'IAM Access Analyzer for the organization (external and unused access).'),
  detective: Toggle(false, 'Amazon Detective, organization-wide.'),
  inspector: Toggle(false, 'Amazon Inspector, organization-wide.'),
  macie: Toggle(false, 'Amazon Macie, organization-wide.'),
});

export type SecurityConfig = z.infer<typeof SecuritySchema>;

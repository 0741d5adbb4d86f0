import { z } from 'zod';

/** Accounts a stack holds by default: each accounts-N stack, and the management stack while the whole organization fits in it. */
export const DEFAULT_ACCOUNTS_PER_STACK = 100;

export const LayoutSchema = z
  .strictObject({
    accountsPerStack: z
      .number()
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .max(1000, { error: 'must be at most 1000: a stack of more accounts plans too slowly (docs/performance.md, "Account stacks")' })
      .default(DEFAULT_ACCOUNTS_PER_STACK)
      .describe(
        'Accounts whose per-account resources (the account, its policy attachments, Identity Center assignments and Detective / Inspector / Macie enrolments) one stack holds. While the whole organization (log-archive and security included) fits in one stack, the management stack holds every account; once it has more, the management stack keeps only the log-archive and security accounts and the workload accounts go to accounts-1, accounts-2, ... of this many each, so a one-account change never plans the management stack. An account keeps its stack (recorded in the account inventory); outgrowing the management stack or lowering the number moves accounts through removed and import blocks, never destroys (docs/performance.md, "Account stacks").',
      ),
  })
  .describe('How the landing zone splits into stacks so that no stack grows with the organization.');

export type LayoutConfig = z.infer<typeof LayoutSchema>;

/** An account that moved into its stack from another one, and the OU it was in then (where its id is looked up). */
export interface MovedFrom {
  readonly stack: string;
  readonly ou: string;
}

/** Where the account inventory says an account is held (config/account-stacks.ts). */
export interface RecordedPlacement {
  readonly stack: string;
  readonly movedFrom?: MovedFrom;
}

/** The inventory's record of the accounts' stacks, by account name (config/inventory.ts recordedLayoutOf). */
export type RecordedLayout = Readonly<Record<string, RecordedPlacement>>;

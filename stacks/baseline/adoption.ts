import { adoptionOf } from '../../config/brownfield';
import type { AdoptConfig } from '../../config/schema';
import type { BaselineContext } from './context';

/** What the baseline's account already runs, and its literal id for import ids that carry it. */
export interface BaselineAdoption {
  /** The account's `adopt` section (organization.adopt for the management account). */
  readonly adopt: AdoptConfig;
  /**
   * The account id as written in the config (organization.managementAccountId, accounts[].id), for the import
   * ids that name the account (S3 account public access block, budgets). Undefined for an account created in
   * this run, which has nothing to adopt (the adopt validation requires an id).
   */
  readonly accountId?: string;
}

/** The adoption of the baseline context's account (config/brownfield.ts adoptionOf). */
export function adoptionIn({ stack, account }: Pick<BaselineContext, 'stack' | 'account'>): BaselineAdoption {
  const { config } = stack;
  const adopt = adoptionOf(config, account);
  const isManagement = account.id === config.organization.managementAccountId;
  // A member account's id is literal exactly when the config gives one (TargetAccount.id is a cross-stack token otherwise).
  const accountId = isManagement ? config.organization.managementAccountId : literalAccountId(account.id);
  return { adopt, accountId };
}

/** The literal account id an import id needs; throws when an adopted setting sits on an account without one. */
export function requireAccountId(adoption: BaselineAdoption, accountName: string, what: string): string {
  if (!adoption.accountId) {
    throw new Error(`account ${accountName}: ${what} is adopted but the account has no id in the config; set accounts[].id (an account created in this run has nothing to adopt)`);
  }
  return adoption.accountId;
}

function literalAccountId(id: string): string | undefined {
  return /^\d{12}$/.test(id) ? id : undefined;
}

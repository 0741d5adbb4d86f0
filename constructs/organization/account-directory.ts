import type { TargetAccount } from '../core/providers';

/**
 * The member accounts of the organization by name: what other stacks receive as typed props
 * (`management.accounts.get('security').id`). CDKTF turns the id of an account created in the
 * same run into a management-stack output and a remote-state read in the consuming stack.
 */
export class AccountDirectory {
  private readonly byName = new Map<string, TargetAccount>();

  add(account: TargetAccount): void {
    if (this.byName.has(account.name)) throw new Error(`account "${account.name}" is already in the directory`);
    this.byName.set(account.name, account);
  }

  /** The account named `name`; throws naming the known accounts when there is none. */
  get(name: string): TargetAccount {
    const account = this.byName.get(name);
    if (!account) throw new Error(`no account named "${name}" in the landing zone (known: ${[...this.byName.keys()].join(', ')})`);
    return account;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }
}

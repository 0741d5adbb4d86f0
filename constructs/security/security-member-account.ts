/** An existing member account that a security service's administrator enrolls. */
export interface SecurityMemberAccount {
  /** Account name from the config: names the member's constructs, so reordering accounts changes nothing. */
  readonly name: string;
  /** 12-digit account id (a cross-stack reference for accounts the management stack creates). */
  readonly accountId: string;
  /** The account's root user e-mail (Detective and Macie take it with the account id). */
  readonly email: string;
}

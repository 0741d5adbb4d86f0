import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AccountAlternateContact } from '@cdktf/provider-aws/lib/account-alternate-contact';

export const ALTERNATE_CONTACT_TYPES = ['billing', 'operations', 'security'] as const;
export type AlternateContactType = (typeof ALTERNATE_CONTACT_TYPES)[number];

/** One alternate contact. */
export interface AlternateContactDetails {
  readonly name: string;
  readonly title: string;
  readonly email: string;
  readonly phone: string;
}

export interface AlternateContactsProps {
  /** Provider running in the account whose contacts are set (no trusted access needed then). */
  readonly provider: AwsProvider;
  /** Contacts by type; a type left out is not managed. */
  readonly contacts: Partial<Record<AlternateContactType, AlternateContactDetails>>;
}

/**
 * The account's alternate contacts (billing, operations, security): who AWS writes to about
 * invoices, operational events and security notices besides the root e-mail.
 * @see https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html
 */
export class AlternateContacts extends Construct {
  /** Resources by contact type. */
  readonly resources = new Map<AlternateContactType, AccountAlternateContact>();

  constructor(scope: Construct, id: string, props: AlternateContactsProps) {
    super(scope, id);
    for (const type of ALTERNATE_CONTACT_TYPES) {
      const contact = props.contacts[type];
      if (!contact) continue;
      this.resources.set(
        type,
        new AccountAlternateContact(this, type, {
          provider: props.provider,
          alternateContactType: type.toUpperCase(),
          name: contact.name,
          title: contact.title,
          emailAddress: contact.email,
          phoneNumber: contact.phone,
        }),
      );
    }
  }
}

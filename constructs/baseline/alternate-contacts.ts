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
  /**
   * Types already set in the account (`adopt.alternateContacts`, `BILLING` / `OPERATIONS` / `SECURITY`):
   * each managed one is imported by its type (the provider's id for the current account's contact), then set
   * to the config's values. A type listed but not managed here is left alone.
   * @default - none: every contact is put without an import
   * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/account_alternate_contact#import
   */
  readonly adopted?: readonly string[];
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
      const contactType = type.toUpperCase();
      const resource = new AccountAlternateContact(this, type, {
        provider: props.provider,
        alternateContactType: contactType,
        name: contact.name,
        title: contact.title,
        emailAddress: contact.email,
        phoneNumber: contact.phone,
      });
      if (props.adopted?.includes(contactType)) resource.importFrom(contactType, props.provider);
      this.resources.set(type, resource);
    }
  }
}

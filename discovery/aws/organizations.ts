import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { UserError } from '../../lib/user-error';
import { SDK_CLIENT_RETRIES } from './session';

/** Organizations is a global service whose endpoint lives in us-east-1. */
export function organizationsClient(): OrganizationsClient {
  return new OrganizationsClient({ region: 'us-east-1', ...SDK_CLIENT_RETRIES });
}

/** Why a handshake was refused (HandshakeConstraintViolationException.Reason), as advice. */
const HANDSHAKE_REASONS: Record<string, string> = {
  ACCOUNT_NUMBER_LIMIT_EXCEEDED:
    'the organization has reached its quota of accounts; request a higher "Default maximum number of accounts" in Service Quotas (AWS Organizations) and try again',
  HANDSHAKE_RATE_LIMIT_EXCEEDED: 'the organization sent too many invitations today (the daily handshake limit); try again in 24 hours',
  ALREADY_IN_AN_ORGANIZATION:
    'the account is already a member of another organization; it must leave that organization first (Organizations console of the account, "Leave organization")',
  ORGANIZATION_MEMBERSHIP_CHANGE_RATE_LIMIT_EXCEEDED: 'too many accounts joined or left the organization recently; wait and try again later',
  MANAGEMENT_ACCOUNT_EMAIL_NOT_VERIFIED: 'the management account\'s e-mail address is not verified; verify it (link in the Organizations console) and try again',
  PAYMENT_INSTRUMENT_REQUIRED: 'the account has no valid payment method; add one in its Billing console before it can join',
  ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD: 'the account and the organization have different sellers of record (e.g. AWS Inc. and AISPL); they cannot be joined',
  INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES: 'the organization is switching to all features; finish or cancel that first',
  PAST_DUE_INVOICE: 'the account has a past-due invoice; pay it before it can join',
};

/** Name of an SDK error (`name` of ServiceException and of plain errors). */
function errorName(e: unknown): string {
  return (e as { name?: string })?.name ?? '';
}

/**
 * Turns an Organizations SDK error into a UserError that says what happened and what to do.
 * `context` reads like "inviting account 222222222222".
 */
export function explainOrganizationsError(e: unknown, context: string): UserError {
  const name = errorName(e);
  const message = (e as { message?: string })?.message ?? String(e);
  switch (name) {
    case 'HandshakeConstraintViolationException': {
      const reason = (e as { Reason?: string }).Reason ?? '';
      return new UserError(`Failed ${context}: ${HANDSHAKE_REASONS[reason] ?? `AWS refused the handshake (${reason || message})`}.`);
    }
    case 'DuplicateHandshakeException':
      return new UserError(`Failed ${context}: an invitation to this account is already open; accept it from the account (lz accept --handshake-id h-...) or cancel it in the Organizations console.`);
    case 'DuplicateAccountException':
      return new UserError(`Failed ${context}: the account is already a member of this organization; add its id to the account in landing-zone.yaml to adopt it.`);
    case 'AccountNotFoundException':
      return new UserError(`Failed ${context}: AWS knows no such account; check the 12-digit account id.`);
    case 'HandshakeNotFoundException':
      return new UserError(
        `Failed ${context}: no such invitation is visible to these credentials. Run this with credentials of the INVITED account (check with: aws sts get-caller-identity), and check the handshake id (h-...).`,
      );
    case 'InvalidHandshakeTransitionException':
    case 'HandshakeAlreadyInStateException':
      return new UserError(`Failed ${context}: the invitation is no longer open (already accepted, declined, canceled or expired); send a new one with lz invite.`);
    case 'AccessDeniedException':
    case 'AccessDeniedForDependencyException':
      return new UserError(`Failed ${context}: access denied (${message}). The credentials need the organizations permissions for this call; see docs/accounts.md.`);
    case 'AWSOrganizationsNotInUseException':
      return new UserError(`Failed ${context}: these credentials belong to an account that is not in an organization; use the management account's credentials.`);
    case 'AccountOwnerNotVerifiedException':
      return new UserError(`Failed ${context}: the management account's owner is not verified yet; wait for AWS to verify the account (or contact AWS Support).`);
    case 'ConstraintViolationException':
      return new UserError(`Failed ${context}: ${message}`);
    case 'InvalidInputException':
      return new UserError(`Failed ${context}: AWS rejected the input (${message}).`);
    case 'TooManyRequestsException':
    case 'ConcurrentModificationException':
      return new UserError(`Failed ${context}: AWS is busy (${name}); try again in a minute.`);
    default:
      return new UserError(`Failed ${context}: ${name ? `${name}: ` : ''}${message}`);
  }
}

import type { TerraformStack } from '../../lib/cdktf';
import { makeUniqueId } from '../../lib/cdktf';
import type { LandingZoneConfig } from '../../config/schema';
import type { MemberAccount } from '../../constructs/organization';
import { holderOf } from '../../config/account-stacks';

/**
 * Account ids (and a new organization's id) cross stacks as explicit outputs of the stack that holds the account (the
 * management stack or an account stack, config/account-stacks.ts), one per account the landing zone creates, named and valued exactly as cdktf names a cross-stack reference's output
 * (`cross-stack-output-aws_organizations_account<logical id>id`, sensitive). Readers build the
 * `terraform_remote_state` themselves (LandingZoneStack.outputsOf), so a workload stack is synthesized
 * without the management stack in the same process (batched synth, docs/performance.md) and the
 * management stack carries every output whichever stacks were built with it (stack selection).
 * Adopted accounts (`id:` in the config) are read as the literal id and have no output.
 */

/** The id of the stack that exports the account ids. */
export const MANAGEMENT_STACK_ID = 'management';

/** Construct id of an account in the management stack (stacks/management-stack.ts). */
export function accountConstructId(accountName: string): string {
  return `Account-${accountName}`;
}

/** Terraform address of an account's id: `aws_organizations_account.<logical id>.id`. */
export function accountIdAddress(accountName: string): string {
  // The resource is MemberAccount's child `Resource` (constructs/organization/member-account.ts).
  return `aws_organizations_account.${makeUniqueId([accountConstructId(accountName), 'Resource'])}.id`;
}

/** Name of the management stack's output that holds an account's id. */
export function accountIdOutputName(accountName: string): string {
  return makeUniqueId([`cross-stack-output-${accountIdAddress(accountName)}`]);
}

/** Construct id of the organization in the management stack (stacks/management-stack.ts). */
export const ORGANIZATION_CONSTRUCT_ID = 'Organization';

/** Terraform address of the organization's id: `aws_organizations_organization.<logical id>.id`. */
export function organizationIdAddress(): string {
  // The resource is Organization's child `Resource` (constructs/organization/organization.ts).
  return `aws_organizations_organization.${makeUniqueId([ORGANIZATION_CONSTRUCT_ID, 'Resource'])}.id`;
}

/** Name of the management stack's output that holds the organization's id (a new organization only). */
export function organizationIdOutputName(): string {
  return makeUniqueId([`cross-stack-output-${organizationIdAddress()}`]);
}

/** Structural view of a stack that holds accounts (the management stack, an account stack): no import of the stack, no import cycle. */
export interface AccountHolderScope extends TerraformStack {
  readonly config: LandingZoneConfig;
  /** The accounts this stack holds, by name. */
  readonly memberAccounts: ReadonlyMap<string, MemberAccount>;
}

/** Structural view of the management stack this needs. */
export interface AccountOutputsScope extends AccountHolderScope {
  readonly organization: { readonly resource: { readonly terraformResourceType: string; readonly friendlyUniqueId: string } };
}

/** Registers an output for the id of every account the stack holds and creates (an adopted account's id is literal). */
export function exportAccountIds(stack: AccountHolderScope): void {
  for (const account of stack.config.accounts) {
    const member = stack.memberAccounts.get(account.name);
    if (account.id || !member) continue;
    const { resource } = member;
    const address = `${resource.terraformResourceType}.${resource.friendlyUniqueId}.id`;
    // Readers compute the address without the construct: the two must never drift apart.
    if (address !== accountIdAddress(account.name)) {
      throw new Error(`account "${account.name}" is at ${address}, but readers expect ${accountIdAddress(account.name)} (stacks/management/account-outputs.ts)`);
    }
    stack.registerOutgoingCrossStackReference(address);
  }
}

/**
 * Registers an output for the id of the organization the landing zone creates (none for an adopted one, whose
 * id is the literal organization.id): the member accounts' plan roles trust principals of this organization only.
 */
export function exportOrganizationId(stack: AccountOutputsScope): void {
  if (stack.config.organization.id) return;
  const { resource } = stack.organization;
  const address = `${resource.terraformResourceType}.${resource.friendlyUniqueId}.id`;
  if (address !== organizationIdAddress()) {
    throw new Error(`the organization is at ${address}, but readers expect ${organizationIdAddress()} (stacks/management/account-outputs.ts)`);
  }
  stack.registerOutgoingCrossStackReference(address);
}

/** Structural view of a stack that reads another stack's outputs (LandingZoneStack). */
export interface OutputReader {
  outputsOf(stackId: string): { getString(output: string): string };
}

/**
 * The organization's id in a stack other than management: the literal organization.id of an adopted organization,
 * else the management stack's output, read from its state.
 */
export function readOrganizationId(stack: OutputReader & { readonly config: LandingZoneConfig }): string {
  return stack.config.organization.id ?? stack.outputsOf(MANAGEMENT_STACK_ID).getString(organizationIdOutputName());
}

/**
 * An account's id in a stack other than the one that holds it: the output of its holder (the management stack or an
 * account stack, config/account-stacks.ts), read from its state.
 */
export function readAccountId(stack: OutputReader & { readonly config: LandingZoneConfig }, accountName: string): string {
  return stack.outputsOf(holderOf(stack.config, accountName)).getString(accountIdOutputName(accountName));
}

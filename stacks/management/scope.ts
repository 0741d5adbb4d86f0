import type { LandingZoneStack } from '../landing-zone-stack';
import type { AccountDirectory, DelegatedAdministrator, MemberAccount, Organization } from '../../constructs/organization';

/**
 * What the management stack's families (this folder) use of the stack. They take this view instead of
 * importing ManagementStack, which imports them: no import cycle (__tests__/structure/import-cycles.test.ts).
 */
export interface ManagementScope extends LandingZoneStack {
  readonly organization: Organization;
  /** Member accounts by name, with ids other stacks use. */
  readonly accounts: AccountDirectory;
  /** Member account constructs by name. */
  readonly memberAccounts: ReadonlyMap<string, MemberAccount>;
  /** Organizations delegated-administrator registrations by service principal. */
  readonly delegatedAdministrators: ReadonlyMap<string, DelegatedAdministrator>;
  /** Id of the OU at `path`; throws for an OU that is not in the config. */
  ouId(path: string): string;
}

import type { ExistingDelegatedAdministratorConfig, LandingZoneConfig } from './schema';
import { coreAccount, securityRegions } from './model';
import { makesOrganizationCloudTrail } from './organization-trail';

/**
 * How many delegated administrators AWS allows per service principal, and whether the designation is made per
 * Region through the service's own API. Only documented figures are here; a service AWS gives no figure for is not
 * counted.
 */
export interface DelegatedAdminLimit {
  readonly principal: string;
  /** Service name for messages. */
  readonly label: string;
  /** Most accounts registered at once. */
  readonly max: number;
  /** Designated per Region through the service's own API (EnableOrganizationAdminAccount ...). */
  readonly perRegion: boolean;
  /** How to deregister an administrator, from the management account (`<id>` is the account id, `<region>` each Region). */
  readonly deregister: string;
  readonly source: string;
}

export const DELEGATED_ADMIN_LIMITS: readonly DelegatedAdminLimit[] = [
  {
    principal: 'guardduty.amazonaws.com',
    label: 'GuardDuty',
    max: 1,
    perRegion: true,
    deregister: 'aws guardduty disable-organization-admin-account --admin-account-id <id> --region <region>',
    source: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html',
  },
  {
    principal: 'securityhub.amazonaws.com',
    label: 'Security Hub',
    max: 1,
    perRegion: true,
    deregister: 'aws securityhub disable-organization-admin-account --admin-account-id <id> --region <region>',
    source: 'https://docs.aws.amazon.com/securityhub/latest/userguide/designate-orgs-admin-account.html',
  },
  {
    principal: 'macie.amazonaws.com',
    label: 'Macie',
    max: 1,
    perRegion: true,
    deregister: 'aws macie2 disable-organization-admin-account --admin-account-id <id> --region <region>',
    source: 'https://docs.aws.amazon.com/macie/latest/user/accounts-mgmt-ao-notes.html',
  },
  {
    principal: 'inspector2.amazonaws.com',
    label: 'Inspector',
    max: 1,
    perRegion: true,
    deregister: 'aws inspector2 disable-delegated-admin-account --delegated-admin-account-id <id> --region <region>',
    source: 'https://docs.aws.amazon.com/inspector/latest/user/designating-admin.html',
  },
  {
    principal: 'detective.amazonaws.com',
    label: 'Detective',
    max: 1,
    perRegion: true,
    deregister: 'aws detective disable-organization-admin-account --region <region>',
    source: 'https://docs.aws.amazon.com/detective/latest/adminguide/accounts-designate-admin.html',
  },
  {
    principal: 'sso.amazonaws.com',
    label: 'IAM Identity Center',
    max: 1,
    perRegion: false,
    deregister: 'aws organizations deregister-delegated-administrator --account-id <id> --service-principal sso.amazonaws.com',
    source: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin-how-to-register.html',
  },
  {
    principal: 'cloudtrail.amazonaws.com',
    label: 'CloudTrail',
    max: 3,
    perRegion: false,
    deregister: 'aws cloudtrail deregister-organization-delegated-admin --delegated-admin-account-id <id>',
    source: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-delegated-administrator.html',
  },
  {
    principal: 'config-multiaccountsetup.amazonaws.com',
    label: 'AWS Config (organization rules and conformance packs)',
    max: 3,
    perRegion: false,
    deregister: 'aws organizations deregister-delegated-administrator --account-id <id> --service-principal config-multiaccountsetup.amazonaws.com',
    source: 'https://docs.aws.amazon.com/config/latest/APIReference/API_PutOrganizationConfigRule.html',
  },
  {
    principal: 'member.org.stacksets.cloudformation.amazonaws.com',
    label: 'CloudFormation StackSets',
    max: 5,
    perRegion: false,
    deregister: 'aws organizations deregister-delegated-administrator --account-id <id> --service-principal member.org.stacksets.cloudformation.amazonaws.com',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-delegated-admin.html',
  },
];

const LIMITS = new Map(DELEGATED_ADMIN_LIMITS.map((l) => [l.principal, l]));

/** The documented limit of a service principal; undefined where AWS documents none. */
export function delegatedAdminLimit(principal: string): DelegatedAdminLimit | undefined {
  return LIMITS.get(principal);
}

/**
 * Service principals of the security services designated through their own API (constructs/organization
 * ServiceAdministrator), by the construct's service name.
 */
export const ADMIN_API_PRINCIPALS = {
  cloudtrail: 'cloudtrail.amazonaws.com',
  guardduty: 'guardduty.amazonaws.com',
  securityhub: 'securityhub.amazonaws.com',
  detective: 'detective.amazonaws.com',
  inspector2: 'inspector2.amazonaws.com',
  macie2: 'macie.amazonaws.com',
} as const;

/** What discovery recorded for one principal (organization.delegatedAdministrators). */
export function recordedAdministrators(config: LandingZoneConfig, principal: string): ExistingDelegatedAdministratorConfig[] {
  return config.organization.delegatedAdministrators.filter((d) => d.service === principal);
}

/**
 * Where the security account is already the delegated administrator of `principal`: undefined when it is not; for a
 * service designated per Region, the Regions recorded (an empty list: registered in Organizations, designated in no
 * Region yet). The landing zone imports those registrations instead of making them again
 * (AccountAlreadyRegisteredException).
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_RegisterDelegatedAdministrator.html
 */
export function securityAccountRegistration(config: LandingZoneConfig, principal: string): { readonly regions: readonly string[] } | undefined {
  const security = coreAccount(config, 'security').name;
  const found = recordedAdministrators(config, principal).find((d) => d.account === security);
  return found ? { regions: found.regions ?? [] } : undefined;
}

/** StackSets' delegated administration (needed for `callAs: DELEGATED_ADMIN` StackSets). */
export const STACKSETS_PRINCIPAL = 'member.org.stacksets.cloudformation.amazonaws.com';

/** A service the landing zone designates through its own API (constructs/organization ServiceAdministrator). */
export type AdminApiService = keyof typeof ADMIN_API_PRINCIPALS;

/** One delegation the landing zone makes to the security account. */
export interface LandingZoneDelegation {
  readonly principal: string;
  /** Designated through the service's own API (and so registered in Organizations by it); absent: RegisterDelegatedAdministrator. */
  readonly service?: AdminApiService;
  /** Regions it is designated in: the home Region only, or every security Region (the Organizations registration is global). */
  readonly regions: readonly string[];
}

/**
 * Every delegation of an enabled security service to the security account, in the order they are made
 * (stacks/management/delegated-admins.ts): the Organizations registrations of services without an admin API of
 * their own (Config, Access Analyzer, StackSets), then the services designated through their own API. CloudTrail,
 * Security Hub: once, in the home Region (CloudTrail's is global; Security Hub's central configuration makes the home
 * Region's administrator the one of the linked Regions); GuardDuty, Detective, Inspector, Macie: in every security Region.
 */
export function landingZoneDelegations(config: LandingZoneConfig): LandingZoneDelegation[] {
  const home = [config.organization.homeRegion];
  const every = securityRegions(config);
  const { security } = config;
  const out: LandingZoneDelegation[] = [];
  const registration = (principal: string, on: boolean) => {
    if (on) out.push({ principal, regions: home });
  };
  registration('config.amazonaws.com', security.config.enabled);
  registration('config-multiaccountsetup.amazonaws.com', security.config.enabled);
  registration('access-analyzer.amazonaws.com', security.accessAnalyzer.enabled);
  registration(STACKSETS_PRINCIPAL, config.stackSets.some((s) => s.callAs === 'DELEGATED_ADMIN'));
  const designation = (service: AdminApiService, on: boolean, regions: readonly string[]) => {
    if (on) out.push({ principal: ADMIN_API_PRINCIPALS[service], service, regions });
  };
  // Not when another trail is the only organization trail (config/organization-trail.ts): nothing of CloudTrail's is delegated then.
  designation('cloudtrail', makesOrganizationCloudTrail(config), home);
  designation('guardduty', security.guardDuty.enabled, every);
  designation('securityhub', security.securityHub.enabled, home);
  designation('detective', security.detective.enabled, every);
  designation('inspector2', security.inspector.enabled, every);
  designation('macie2', security.macie.enabled, every);
  return out;
}

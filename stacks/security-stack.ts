import { Construct } from 'constructs';
import { securityRegions } from '../config/model';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import type { TargetAccount } from '../constructs/core/providers';
import type { SecurityMemberAccount } from '../constructs/security';
import { namingOf } from '../lib/naming';
import type { SecurityContext } from './security/context';
import { addOrganizationTrail } from './security/trail';
import { addGuardDuty } from './security/guardduty';
import { addSecurityHub, type OrganizationTargets } from './security/security-hub';
import { addConfig } from './security/config';
import { addAccessAnalyzers } from './security/access-analyzer';
import { addOptionalServices } from './security/optional-services';
import { addNotifications } from './security/notifications';
import { effectiveBaseline, type EffectiveBaseline } from '../config/effective-baseline';
import { addAccountBaseline } from './baseline/account-baseline';
import { enrolledServices, forgetEnrolmentsMovedFrom } from './accounts/moves';
import { MANAGEMENT_HOLDER } from '../config/account-stacks';

export interface SecurityStackProps extends LandingZoneStackProps {
  /** The security account, delegated administrator of the organization's security services. */
  readonly account: TargetAccount;
  /** ARN of the log-archive KMS key (`logArchive.logKey.keyArn`): the trail and GuardDuty export encrypt with it. */
  readonly logKeyArn: string;
  /** Root and OU ids from the management stack, for Security Hub policy associations, and the organization id. */
  readonly organization: OrganizationTargets & {
    /**
     * Organization id (o-...) from the management stack.
     * @default - organization.id of an adopted organization, else the management stack's output read from its state
     */
    readonly id?: string;
  };
  /**
   * The organization's existing member accounts that the management stack holds (but the security account), enrolled
   * now by the services whose auto-enable covers only accounts that join later (Detective, Inspector, Macie); the
   * account stacks enrol theirs.
   * @default - no existing member is enrolled
   */
  readonly memberAccounts?: readonly SecurityMemberAccount[];
}

/**
 * The security account's stack (seed 004, 1B-1D and "everything delegated to the security account"): the
 * organization trail, Config aggregator, GuardDuty, Security Hub central configuration, IAM Access Analyzer,
 * optional Detective / Inspector / Macie, and finding notifications, in every region where they are
 * regional; and the security account's own baseline (stacks/baseline/account-baseline.ts), with its
 * Config recorders and rules.
 */
export class SecurityStack extends LandingZoneStack {
  /** Regions of the regional services, home first. */
  readonly regions: readonly string[];
  /** The effective baseline of the security account. */
  readonly baseline: EffectiveBaseline;

  constructor(scope: Construct, id: string, props: SecurityStackProps) {
    super(scope, id, props);
    const { config, account } = props;
    this.regions = securityRegions(config);
    const ctx: SecurityContext = {
      config,
      naming: namingOf(config),
      account,
      homeRegion: config.organization.homeRegion,
      regions: this.regions,
      allRegions: config.security.regions === 'all',
      providerIn: (region) => this.providerFor(account, region),
    };
    addOrganizationTrail(this, ctx, props.logKeyArn);
    addConfig(this, ctx);
    addGuardDuty(this, ctx, props.logKeyArn);
    addSecurityHub(this, ctx, props.organization);
    addAccessAnalyzers(this, ctx);
    addOptionalServices(this, ctx, (props.memberAccounts ?? []).filter((m) => m.accountId !== account.id));
    // Enrolments of accounts that moved from the management stack to an account stack, which enrols them now.
    forgetEnrolmentsMovedFrom(this, config, MANAGEMENT_HOLDER, enrolledServices(config));
    addNotifications(this, ctx);
    this.baseline = effectiveBaseline(config, account.name);
    addAccountBaseline(this, account, this.baseline, { scope: new Construct(this, 'Baseline'), organizationId: props.organization.id });
  }
}

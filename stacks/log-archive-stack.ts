import { Construct } from 'constructs';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import type { TargetAccount } from '../constructs/core/providers';
import { LogArchiveBucket, LogArchiveKey } from '../constructs/logging';
import { accessLogBucketName, configLogBucketName, logBucketName, logKeyAliasName, namingOf } from '../lib/naming';
import { effectiveBaseline, type EffectiveBaseline } from '../config/effective-baseline';
import { addAccountBaseline } from './baseline/account-baseline';
import { accessRoleNames } from '../config/brownfield';
import { landingZoneTrailArn } from '../config/organization-trail';
import { securityRegions } from '../config/model';

export interface LogArchiveStackProps extends LandingZoneStackProps {
  /** The log-archive account (`management.accounts.get(<log-archive name>)`). */
  readonly account: TargetAccount;
  /** Organization id (o-...) from the management stack; services write only for this organization. */
  readonly organizationId: string;
  /**
   * The security account's id: its GuardDuty detectors export findings here (while `security.guardDuty` exports them)
   * and its principals may decrypt logs.
   * @default - GuardDuty export and security-account reads are not allowed
   */
  readonly securityAccountId?: string;
}

/**
 * The log-archive account's stack (seed 004, 1B): the KMS key, the tamper-proof CloudTrail log bucket
 * (Object Lock) the organization trail writes into, the Config log bucket (no Object Lock, which AWS Config
 * does not support) every account's Config delivery channel and GuardDuty's findings export write into,
 * and the account's own baseline (stacks/baseline/account-baseline.ts), whose Config delivery channels
 * wait for the Config bucket's policy and the key made here.
 */
export class LogArchiveStack extends LandingZoneStack {
  readonly logKey: LogArchiveKey;
  readonly logBucket: LogArchiveBucket;
  /** The effective baseline of the log-archive account. */
  readonly baseline: EffectiveBaseline;

  constructor(scope: Construct, id: string, props: LogArchiveStackProps) {
    super(scope, id, props);
    const { config, account, organizationId, securityAccountId } = props;
    const { organization, logging } = config;
    const naming = namingOf(config);
    const provider = this.providerFor(account, organization.homeRegion);

    // The writers the policies name (docs/logging-and-security.md, "Resource policies"): the landing
    // zone's organization trail (the only trail that delivers here, in every mode), and the security account's
    // GuardDuty detectors while they export findings.
    const trailArns = [landingZoneTrailArn(config)];
    const { guardDuty: guardDutySettings } = config.security;
    const guardDuty =
      securityAccountId && guardDutySettings.enabled && guardDutySettings.exportFindings ? { accountId: securityAccountId, regions: securityRegions(config) } : undefined;

    this.logKey = new LogArchiveKey(this, 'LogKey', {
      provider,
      aliasName: logKeyAliasName(naming),
      accountId: account.id,
      organizationId,
      trailArns,
      guardDuty,
      readerAccountIds: securityAccountId ? [securityAccountId] : [],
    });

    this.logBucket = new LogArchiveBucket(this, 'LogBucket', {
      provider,
      bucketName: logBucketName(naming),
      configBucketName: configLogBucketName(naming),
      accessLogBucketName: accessLogBucketName(naming),
      kmsKeyArn: this.logKey.keyArn,
      policy: {
        accountId: account.id,
        organizationId,
        managementAccountId: organization.managementAccountId,
        // Only the access role (Terraform) may change the log buckets, as the protect-log-archive SCP says:
        // break-glass roles are not exempt from the evidence store (docs/operations.md). In Control Tower mode
        // Terraform may come as Control Tower's execution role (accessRoleNames).
        adminRoleNames: accessRoleNames(config),
        trailArns,
        guardDuty,
      },
      retentionDays: logging.retentionDays,
      coldStorage: logging.coldStorage,
      noncurrentVersionDays: logging.noncurrentVersionDays,
      objectLock: logging.objectLock.enabled ? logging.objectLock : undefined,
      accessLogRetentionDays: logging.accessLogs.retentionDays,
    });

    this.baseline = effectiveBaseline(config, account.name);
    addAccountBaseline(this, account, this.baseline, {
      scope: new Construct(this, 'Baseline'),
      configDeliveryDependsOn: [this.logBucket.configPolicy, this.logKey.resource],
      organizationId,
    });
  }
}

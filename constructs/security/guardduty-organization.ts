import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DataAwsGuarddutyDetector } from '@cdktf/provider-aws/lib/data-aws-guardduty-detector';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';
import { GuarddutyOrganizationConfiguration } from '@cdktf/provider-aws/lib/guardduty-organization-configuration';
import { GuarddutyOrganizationConfigurationFeature } from '@cdktf/provider-aws/lib/guardduty-organization-configuration-feature';
import { GuarddutyPublishingDestination } from '@cdktf/provider-aws/lib/guardduty-publishing-destination';
import type { GuardDutyFeature } from '../../config/schema/security';
import { GUARDDUTY_ADDITIONAL_CONFIGURATION } from './catalogue';

export interface GuardDutyOrganizationProps {
  /** Provider of the delegated administrator (security account) in one region. */
  readonly provider: AwsProvider;
  /** Protection plans turned on for the administrator and auto-enabled for every member. */
  readonly features: readonly GuardDutyFeature[];
  /**
   * How often updated findings are published to EventBridge and the export (the administrator's detector
   * setting, which GuardDuty applies to its members).
   * @default - GuardDuty's default, SIX_HOURS
   * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html#eventbridge-freq-notifications-gdu
   */
  readonly findingPublishingFrequency?: 'FIFTEEN_MINUTES' | 'ONE_HOUR' | 'SIX_HOURS';
  /**
   * Export findings to this S3 location (`arn:aws:s3:::<bucket>/<prefix>`), encrypted with `exportKmsKeyArn`.
   * @default - findings are not exported
   */
  readonly exportDestinationArn?: string;
  /**
   * KMS key ARN (a key ARN: GuardDuty does not take aliases) for the export. Required with `exportDestinationArn`.
   * @default - no export
   */
  readonly exportKmsKeyArn?: string;
  /**
   * The administrator's existing detector in this region (`adopt.guardDutyDetectors` of the security account, as
   * `lz import` found it): imported by that literal id (the provider's import id is the detector id), so the
   * plan needs no lookup.
   * @default - looked up at plan time (data source) and imported by the id found
   * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/guardduty_detector#import
   */
  readonly existingDetectorId?: string;
}

/**
 * GuardDuty for the whole organization in one region, run from the delegated administrator:
 * the administrator's detector (GuardDuty creates it when the management account designates the
 * administrator in that region, so it is found with a data source and adopted through an import block,
 * never created twice; managing it sets the finding publishing frequency), the protection plans,
 * auto-enable for ALL member accounts (`ALL` covers the accounts that exist already as well as new ones),
 * and the findings export to the log archive.
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/maintaining-guardduty-organization-delegated-admin.html
 */
export class GuardDutyOrganization extends Construct {
  /** The administrator's detector id in this region. */
  readonly detectorId: string;

  constructor(scope: Construct, id: string, props: GuardDutyOrganizationProps) {
    super(scope, id);
    const { provider } = props;
    const detector = new GuarddutyDetector(this, 'AdministratorDetector', {
      provider,
      enable: true,
      findingPublishingFrequency: props.findingPublishingFrequency,
    });
    // One detector per account and region: import it, through the administrator's provider, never create a second.
    detector.importFrom(props.existingDetectorId ?? new DataAwsGuarddutyDetector(this, 'Detector', { provider }).id, provider);
    this.detectorId = detector.id;

    const orgConfig = new GuarddutyOrganizationConfiguration(this, 'OrganizationConfiguration', {
      provider,
      detectorId: this.detectorId,
      autoEnableOrganizationMembers: 'ALL',
    });
    for (const feature of props.features) {
      const additional = GUARDDUTY_ADDITIONAL_CONFIGURATION[feature] ?? [];
      new GuarddutyDetectorFeature(this, `Feature-${feature}`, {
        provider,
        detectorId: this.detectorId,
        name: feature,
        status: 'ENABLED',
        additionalConfiguration: additional.map((name) => ({ name, status: 'ENABLED' })),
      });
      new GuarddutyOrganizationConfigurationFeature(this, `OrganizationFeature-${feature}`, {
        provider,
        detectorId: this.detectorId,
        name: feature,
        autoEnable: 'ALL',
        additionalConfiguration: additional.map((name) => ({ name, autoEnable: 'ALL' })),
        dependsOn: [orgConfig],
      });
    }
    if (props.exportDestinationArn) {
      if (!props.exportKmsKeyArn) throw new Error('GuardDutyOrganization: exportKmsKeyArn is required with exportDestinationArn');
      new GuarddutyPublishingDestination(this, 'FindingsExport', {
        provider,
        detectorId: this.detectorId,
        destinationType: 'S3',
        destinationArn: props.exportDestinationArn,
        kmsKeyArn: props.exportKmsKeyArn,
      });
    }
  }
}

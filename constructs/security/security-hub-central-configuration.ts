import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityhubFindingAggregator } from '@cdktf/provider-aws/lib/securityhub-finding-aggregator';
import { SecurityhubOrganizationConfiguration } from '@cdktf/provider-aws/lib/securityhub-organization-configuration';
import { SecurityhubConfigurationPolicy } from '@cdktf/provider-aws/lib/securityhub-configuration-policy';
import { SecurityhubConfigurationPolicyAssociation } from '@cdktf/provider-aws/lib/securityhub-configuration-policy-association';

/**
 * The finding aggregator's linking mode for the linked regions. Central configuration needs an aggregator in
 * the home region even with nothing to link, and `SPECIFIED_REGIONS` needs at least one region, so a
 * single-region organization links `NO_REGIONS` ("aggregates no data because no Regions are selected as
 * linked Regions"), which keeps the home region as the aggregation region.
 * @see https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_CreateFindingAggregator.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-securityhub-findingaggregator.html
 */
export function findingAggregatorLinking(linkedRegions: readonly string[] | 'ALL'): { linkingMode: string; specifiedRegions?: string[] } {
  if (linkedRegions === 'ALL') return { linkingMode: 'ALL_REGIONS' };
  if (linkedRegions.length === 0) return { linkingMode: 'NO_REGIONS' };
  return { linkingMode: 'SPECIFIED_REGIONS', specifiedRegions: [...linkedRegions] };
}

/** A configuration policy target: the organization root or an OU, by a stable name and its id. */
export interface PolicyTarget {
  /** "Root" or the OU path; names the association construct. */
  readonly name: string;
  /** r-... or ou-... (may be a cross-stack token). */
  readonly id: string;
}

export interface SecurityHubCentralConfigurationProps {
  /** Provider of the delegated administrator (security account) in the home (aggregation) region. */
  readonly provider: AwsProvider;
  /** Other regions linked to the home region; `'ALL'` links every region, present and future; none links no region (`NO_REGIONS`). */
  readonly linkedRegions: readonly string[] | 'ALL';
  /** Configuration policy name (naming helper). */
  readonly policyName: string;
  /** ARNs of the standards the policy turns on. */
  readonly standardArns: readonly string[];
  /**
   * Control ids the policy turns off.
   * @default - every control of the chosen standards stays on
   */
  readonly disabledControls?: readonly string[];
  /** Where the policy applies (Root and/or OUs). */
  readonly targets: readonly PolicyTarget[];
}

/**
 * Security Hub central configuration (seed 004, 1C/1D): a finding aggregator over every linked region,
 * the organization switched to CENTRAL configuration (no local auto-enable, no default standards), one
 * configuration policy with the chosen standards, associated with Root or OUs.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/central-configuration-intro.html
 */
export class SecurityHubCentralConfiguration extends Construct {
  readonly policy: SecurityhubConfigurationPolicy;

  constructor(scope: Construct, id: string, props: SecurityHubCentralConfigurationProps) {
    super(scope, id);
    const { provider } = props;
    const aggregator = new SecurityhubFindingAggregator(this, 'FindingAggregator', {
      provider,
      ...findingAggregatorLinking(props.linkedRegions),
    });
    const organization = new SecurityhubOrganizationConfiguration(this, 'OrganizationConfiguration', {
      provider,
      autoEnable: false,
      autoEnableStandards: 'NONE',
      organizationConfiguration: { configurationType: 'CENTRAL' },
      dependsOn: [aggregator],
    });
    this.policy = new SecurityhubConfigurationPolicy(this, 'Policy', {
      provider,
      name: props.policyName,
      description: 'Landing zone baseline: Security Hub on with the standards from landing-zone.yaml',
      configurationPolicy: {
        serviceEnabled: true,
        enabledStandardArns: [...props.standardArns],
        securityControlsConfiguration: { disabledControlIdentifiers: [...(props.disabledControls ?? [])] },
      },
      dependsOn: [organization],
    });
    for (const target of props.targets) {
      new SecurityhubConfigurationPolicyAssociation(this, `Association-${target.name}`, {
        provider,
        policyId: this.policy.id,
        targetId: target.id,
      });
    }
  }
}

import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudtrailEventDataStore } from '@cdktf/provider-aws/lib/cloudtrail-event-data-store';

export interface OrganizationEventDataStoreProps {
  /** Provider of the delegated administrator (security account), home region. */
  readonly provider: AwsProvider;
  /** Event data store name (naming helper). */
  readonly name: string;
  /** Days events are kept (7-2555). */
  readonly retentionDays: number;
}

/**
 * A CloudTrail Lake event data store of every account's management events, for SQL investigation
 * (seed 004: logs should be queryable). Termination protection on.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-lake.html
 */
export class OrganizationEventDataStore extends Construct {
  readonly resource: CloudtrailEventDataStore;

  constructor(scope: Construct, id: string, props: OrganizationEventDataStoreProps) {
    super(scope, id);
    this.resource = new CloudtrailEventDataStore(this, 'Resource', {
      provider: props.provider,
      name: props.name,
      organizationEnabled: true,
      multiRegionEnabled: true,
      retentionPeriod: props.retentionDays,
      terminationProtectionEnabled: true,
      billingMode: 'EXTENDABLE_RETENTION_PRICING',
      advancedEventSelector: [{ name: 'Management events', fieldSelector: [{ field: 'eventCategory', equalTo: ['Management'] }] }],
    });
  }
}

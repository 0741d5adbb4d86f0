import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DetectiveGraph } from '@cdktf/provider-aws/lib/detective-graph';
import { DetectiveOrganizationConfiguration } from '@cdktf/provider-aws/lib/detective-organization-configuration';

export interface DetectiveOrganizationProps {
  /** Provider of the delegated administrator (security account) in one region. */
  readonly provider: AwsProvider;
}

/**
 * Amazon Detective in one region: the administrator's behavior graph, with new organization accounts
 * enabled automatically.
 * @see https://docs.aws.amazon.com/detective/latest/adminguide/accounts-orgs-transition.html
 */
export class DetectiveOrganization extends Construct {
  readonly graphArn: string;

  constructor(scope: Construct, id: string, props: DetectiveOrganizationProps) {
    super(scope, id);
    const graph = new DetectiveGraph(this, 'Graph', { provider: props.provider });
    this.graphArn = graph.graphArn;
    new DetectiveOrganizationConfiguration(this, 'OrganizationConfiguration', {
      provider: props.provider,
      graphArn: graph.graphArn,
      autoEnable: true,
    });
  }
}

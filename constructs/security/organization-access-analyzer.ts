import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AccessanalyzerAnalyzer } from '@cdktf/provider-aws/lib/accessanalyzer-analyzer';

export interface OrganizationAccessAnalyzerProps {
  /** Provider of the delegated administrator (security account). */
  readonly provider: AwsProvider;
  /** Analyzer name (naming helper). */
  readonly analyzerName: string;
  /**
   * With a number, an unused-access analyzer (ORGANIZATION_UNUSED_ACCESS) reporting access unused for
   * that many days; without, an external-access analyzer (ORGANIZATION).
   * @default - external access
   */
  readonly unusedAccessAgeDays?: number;
}

/**
 * An IAM Access Analyzer with the organization as its zone of trust: external access (resources shared
 * outside the organization, per region) or unused access (roles, users, keys and permissions nobody uses).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html
 */
export class OrganizationAccessAnalyzer extends Construct {
  readonly resource: AccessanalyzerAnalyzer;

  constructor(scope: Construct, id: string, props: OrganizationAccessAnalyzerProps) {
    super(scope, id);
    const unused = props.unusedAccessAgeDays !== undefined;
    this.resource = new AccessanalyzerAnalyzer(this, 'Resource', {
      provider: props.provider,
      analyzerName: props.analyzerName,
      type: unused ? 'ORGANIZATION_UNUSED_ACCESS' : 'ORGANIZATION',
      configuration: unused ? { unusedAccess: { unusedAccessAge: props.unusedAccessAgeDays } } : undefined,
    });
  }
}

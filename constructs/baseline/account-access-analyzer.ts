import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AccessanalyzerAnalyzer } from '@cdktf/provider-aws/lib/accessanalyzer-analyzer';

export interface AccountAccessAnalyzerProps {
  /** Provider of the account in the region (analyzers are regional). */
  readonly provider: AwsProvider;
  /** Analyzer name, unique in the account and region. */
  readonly analyzerName: string;
  /**
   * An analyzer of this name already exists (`adopt.accessAnalyzers`): it is imported by its name.
   * @default false - the analyzer is created
   * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/accessanalyzer_analyzer#import
   */
  readonly adoptExisting?: boolean;
}

/**
 * An IAM Access Analyzer with the account as its zone of trust (external access findings for this
 * account's resources in one region). Needed only where no organization analyzer covers the account.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html
 */
export class AccountAccessAnalyzer extends Construct {
  readonly resource: AccessanalyzerAnalyzer;

  constructor(scope: Construct, id: string, props: AccountAccessAnalyzerProps) {
    super(scope, id);
    this.resource = new AccessanalyzerAnalyzer(this, 'Resource', {
      provider: props.provider,
      analyzerName: props.analyzerName,
      type: 'ACCOUNT',
    });
    if (props.adoptExisting) this.resource.importFrom(props.analyzerName, props.provider);
  }
}

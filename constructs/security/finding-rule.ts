import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';

export interface FindingRuleProps {
  /** Provider of the security account in the rule's region. */
  readonly provider: AwsProvider;
  /** Rule name, unique in the region. */
  readonly ruleName: string;
  /** What the rule sends, for people. */
  readonly description: string;
  /** EventBridge event pattern. */
  readonly eventPattern: Record<string, unknown>;
  /** Target: the findings topic, or another region's event bus. */
  readonly targetArn: string;
  /**
   * Role EventBridge assumes to reach the target (needed for an event bus in another region).
   * @default - no role (SNS topics in the same region use the topic policy)
   */
  readonly roleArn?: string;
}

/** An EventBridge rule that sends matching findings to one target. */
export class FindingRule extends Construct {
  readonly rule: CloudwatchEventRule;

  constructor(scope: Construct, id: string, props: FindingRuleProps) {
    super(scope, id);
    this.rule = new CloudwatchEventRule(this, 'Resource', {
      provider: props.provider,
      name: props.ruleName,
      description: props.description,
      eventPattern: JSON.stringify(props.eventPattern),
    });
    new CloudwatchEventTarget(this, 'Target', {
      provider: props.provider,
      rule: this.rule.name,
      arn: props.targetArn,
      roleArn: props.roleArn,
    });
  }
}

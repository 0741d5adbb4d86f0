import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { policyDocument, renderPolicy } from '../../lib/policy-document';

export interface EventForwardingRoleProps {
  /** Provider of the security account (IAM is global; any region). */
  readonly provider: AwsProvider;
  /** Role name. */
  readonly roleName: string;
  /** The event bus (in the home region) that the rules of other regions forward to. */
  readonly eventBusArn: string;
  /** The account the role lives in: only its own rules may assume it. */
  readonly accountId: string;
}

/** The role EventBridge rules in other regions assume to put events on the home region's bus. */
export class EventForwardingRole extends Construct {
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: EventForwardingRoleProps) {
    super(scope, id);
    const role = new IamRole(this, 'Resource', {
      provider: props.provider,
      name: props.roleName,
      description: 'Forwards security findings from every region to the home region event bus (landing zone)',
      assumeRolePolicy: renderPolicy(
        policyDocument({
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': props.accountId } },
        }),
      ),
    });
    new IamRolePolicy(this, 'Policy', {
      provider: props.provider,
      role: role.name,
      name: 'put-events-home-bus',
      policy: renderPolicy(policyDocument({ Effect: 'Allow', Action: 'events:PutEvents', Resource: props.eventBusArn })),
    });
    this.roleArn = role.arn;
  }
}

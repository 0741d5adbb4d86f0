import { Construct } from 'constructs';
import { RemovedBlock } from '../organization/closed-account';

/**
 * The landing zone's organization trail, no longer managed because AWS Control Tower runs the organization trail:
 * a Terraform `removed` block (`lifecycle { destroy = false }`) for the address the trail had, so a trail the
 * landing zone made before the switch to Control Tower mode is forgotten, never destroyed (the audit record keeps
 * running until someone deletes it on purpose); with no such trail in the state it does nothing.
 *
 * Create it at the construct path the OrganizationTrail had (`OrganizationTrail`): its child `Resource` then gets
 * the same logical id.
 * @see https://developer.hashicorp.com/terraform/language/resources/syntax#removing-resources
 */
export class ForgottenTrail extends Construct {
  /** The Terraform address that is forgotten, e.g. `aws_cloudtrail.OrganizationTrail_Resource_1A2B3C4D`. */
  readonly forgottenAddress: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.forgottenAddress = new RemovedBlock(this, 'Resource', 'aws_cloudtrail').address;
  }
}

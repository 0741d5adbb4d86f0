import { Construct } from 'constructs';
import { TerraformElement } from '../../lib/cdktf';

export interface ClosedAccountProps {
  /** Account name: the one it had under `accounts`, so the forgotten address is the same. */
  readonly accountName: string;
}

/**
 * An account taken out of the landing zone on purpose. Renders a Terraform `removed` block
 * (`lifecycle { destroy = false }`) for the address the account's resource had, so Terraform
 * forgets the account without removing it from the organization or closing it, and never tries
 * to re-create it after it is closed (a closed account reads back as gone).
 *
 * Create it at the same construct path the MemberAccount had (`Account-<name>`): its child
 * element `Resource` then gets the same logical id.
 * @see https://developer.hashicorp.com/terraform/language/resources/syntax#removing-resources
 */
export class ClosedAccount extends Construct {
  readonly accountName: string;
  /** The Terraform address that is forgotten, e.g. `aws_organizations_account.Account-old_1A2B3C4D`. */
  readonly forgottenAddress: string;

  constructor(scope: Construct, id: string, props: ClosedAccountProps) {
    super(scope, id);
    const element = new RemovedBlock(this, 'Resource', 'aws_organizations_account');
    this.forgottenAddress = element.address;
    this.accountName = props.accountName;
  }
}

/** A `removed { from = <type>.<this element's logical id>; lifecycle { destroy = false } }` block. */
export class RemovedBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly resourceType: string,
  ) {
    super(scope, id);
  }

  get address(): string {
    return `${this.resourceType}.${this.friendlyUniqueId}`;
  }

  override toTerraform(): any {
    return { removed: [{ from: this.address, lifecycle: { destroy: false } }] };
  }

  override toHclTerraform(): any {
    return this.toTerraform();
  }
}

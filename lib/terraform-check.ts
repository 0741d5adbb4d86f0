import type { Construct } from 'constructs';
import { TerraformElement } from './cdktf';

/** One `assert` of a check block. */
export interface CheckAssertion {
  /** Terraform expression that must be true, e.g. `${length(data.x.y.arns) > 0}` (built with Fn and Op). */
  readonly condition: string;
  /** The warning Terraform prints when the condition is false. */
  readonly errorMessage: string;
}

export interface TerraformCheckProps {
  /** The assertions of the block, each a warning of its own when false. */
  readonly assertions: readonly CheckAssertion[];
}

/**
 * A Terraform `check` block (cdktf 0.21 has none): its assertions are evaluated on every plan and apply, and a false
 * one is a warning, never an error, so a check can say what is still to be done without stopping the run.
 * @see https://developer.hashicorp.com/terraform/language/checks
 */
export class TerraformCheck extends TerraformElement {
  readonly assertions: readonly CheckAssertion[];

  constructor(scope: Construct, id: string, props: TerraformCheckProps) {
    super(scope, id, 'check');
    this.assertions = props.assertions;
  }

  override toTerraform(): Record<string, unknown> {
    return {
      check: {
        [this.friendlyUniqueId]: {
          assert: this.assertions.map((a) => ({ condition: a.condition, error_message: a.errorMessage })),
        },
      },
    };
  }
}

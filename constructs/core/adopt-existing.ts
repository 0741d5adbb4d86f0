import type { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformElement, type TerraformResource } from '../../lib/cdktf';

export interface AdoptExistingProps {
  /** The resource to adopt: it is imported into it when it already exists. */
  readonly resource: TerraformResource;
  /**
   * Import ids of what already exists, as a list that is known at plan time (a data source attribute):
   * empty when nothing exists (the resource is then created), one id when it does (it is imported).
   */
  readonly existingIds: string[];
  /** Provider the import runs through (the resource's own). */
  readonly provider: AwsProvider;
}

/**
 * An `import` block with `for_each` over the ids of what already exists (Terraform 1.7 or later): create
 * the resource where it is missing, adopt it where it is there, in the same configuration and without a
 * flag per account. Once the resource is in state, the import of the same id is a no-op, so later plans
 * stay clean. For resources AWS allows once per account that something else may have made before the
 * landing zone (a service-linked role).
 * @see https://developer.hashicorp.com/terraform/language/import#import-multiple-resources
 */
export class AdoptExisting extends TerraformElement {
  constructor(scope: Construct, id: string, private readonly props: AdoptExistingProps) {
    super(scope, id);
  }

  override toTerraform(): Record<string, unknown> {
    const { resource, existingIds, provider } = this.props;
    return {
      import: [
        {
          for_each: existingIds,
          to: `${resource.terraformResourceType}.${resource.friendlyUniqueId}`,
          id: '${each.value}',
          provider: provider.fqn,
        },
      ],
    };
  }
}

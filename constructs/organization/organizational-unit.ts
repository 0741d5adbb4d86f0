import { Construct } from 'constructs';
import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';

export interface OrganizationalUnitProps {
  /** OU name (last segment of its path). */
  readonly name: string;
  /** Id of the parent: the root (r-...) or another OU (ou-...). */
  readonly parentId: string;
  /**
   * Id of an existing OU (ou-...) to adopt through an import block.
   * @default - a new OU is created
   */
  readonly existingId?: string;
  /** Tags on the OU. */
  readonly tags?: Record<string, string>;
}

/** One organizational unit. Its construct id is its path, so the config's order does not matter. */
export class OrganizationalUnit extends Construct {
  readonly resource: OrganizationsOrganizationalUnit;
  /** ou-... id. */
  readonly ouId: string;

  constructor(scope: Construct, id: string, props: OrganizationalUnitProps) {
    super(scope, id);
    this.resource = new OrganizationsOrganizationalUnit(this, 'Resource', {
      name: props.name,
      parentId: props.parentId,
      tags: props.tags,
    });
    if (props.existingId) this.resource.importFrom(props.existingId);
    this.ouId = this.resource.id;
  }
}

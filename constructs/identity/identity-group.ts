import { Construct } from 'constructs';
import { DataAwsIdentitystoreGroup } from '@cdktf/provider-aws/lib/data-aws-identitystore-group';
import { IdentitystoreGroup } from '@cdktf/provider-aws/lib/identitystore-group';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { attributeOfSingleInstance } from '../../lib/single-instance';

export interface IdentityGroupProps {
  /** Identity store id (d-...). */
  readonly identityStoreId: string;
  /** Display name of the group. */
  readonly displayName: string;
  /**
   * Description of a created group.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Look up an existing group by display name (e.g. one an external IdP synchronizes by SCIM)
   * instead of creating it.
   * @default false - the group is created in the identity store
   */
  readonly existing?: boolean;
  /**
   * Provider in the Identity Center instance's region (identityCenter.region).
   * @default - the stack's default provider (the home region)
   */
  readonly provider?: AwsProvider;
  /**
   * 0 or 1: for a new organization, whether its Identity Center instance exists yet (IdentityCenterInstance.count).
   * @default - exactly one, no `count`
   */
  readonly count?: number;
}

/** A group in the Identity Center identity store: created, or an existing one looked up by name. */
export class IdentityGroup extends Construct {
  /** Group id in the identity store: the principal of account assignments. */
  readonly groupId: string;

  constructor(scope: Construct, id: string, props: IdentityGroupProps) {
    super(scope, id);
    const { count } = props;
    if (props.existing) {
      const found = new DataAwsIdentitystoreGroup(this, 'Lookup', {
        provider: props.provider,
        count,
        identityStoreId: props.identityStoreId,
        alternateIdentifier: { uniqueAttribute: { attributePath: 'DisplayName', attributeValue: props.displayName } },
      });
      this.groupId = count === undefined ? found.groupId : attributeOfSingleInstance(found, 'group_id');
    } else {
      const group = new IdentitystoreGroup(this, 'Resource', {
        provider: props.provider,
        count,
        identityStoreId: props.identityStoreId,
        displayName: props.displayName,
        description: props.description,
      });
      this.groupId = count === undefined ? group.groupId : attributeOfSingleInstance(group, 'group_id');
    }
  }
}

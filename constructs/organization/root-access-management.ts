import { Construct } from 'constructs';
import { IamOrganizationsFeatures } from '@cdktf/provider-aws/lib/iam-organizations-features';
import type { TerraformResource } from '../../lib/cdktf';

/** Both features of centralized root access management. */
export const ROOT_ACCESS_FEATURES = ['RootCredentialsManagement', 'RootSessions'] as const;

export interface RootAccessManagementProps {
  /**
   * The organization resource: `iam.amazonaws.com` trusted access must be enabled first.
   * @default - no explicit dependency
   */
  readonly dependsOn?: readonly TerraformResource[];
}

/**
 * Centralized root access management: member accounts have no root credentials (new accounts
 * are created without them; existing ones can be cleaned from the management account) and
 * privileged root tasks run as short root sessions from the management account.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management
 */
export class RootAccessManagement extends Construct {
  readonly resource: IamOrganizationsFeatures;

  constructor(scope: Construct, id: string, props: RootAccessManagementProps = {}) {
    super(scope, id);
    this.resource = new IamOrganizationsFeatures(this, 'Resource', {
      enabledFeatures: [...ROOT_ACCESS_FEATURES],
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
    });
  }
}

import { Construct } from 'constructs';
import { CloudtrailOrganizationDelegatedAdminAccount } from '@cdktf/provider-aws/lib/cloudtrail-organization-delegated-admin-account';
import { DetectiveOrganizationAdminAccount } from '@cdktf/provider-aws/lib/detective-organization-admin-account';
import { GuarddutyOrganizationAdminAccount } from '@cdktf/provider-aws/lib/guardduty-organization-admin-account';
import { Inspector2DelegatedAdminAccount } from '@cdktf/provider-aws/lib/inspector2-delegated-admin-account';
import { Macie2OrganizationAdminAccount } from '@cdktf/provider-aws/lib/macie2-organization-admin-account';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityhubOrganizationAdminAccount } from '@cdktf/provider-aws/lib/securityhub-organization-admin-account';
import type { TerraformResource } from '../../lib/cdktf';

/** Services whose own API designates the administrator account (and registers it in Organizations). */
export const SERVICES_WITH_ADMIN_API = ['cloudtrail', 'guardduty', 'securityhub', 'detective', 'inspector2', 'macie2'] as const;
export type ServiceWithAdminApi = (typeof SERVICES_WITH_ADMIN_API)[number];

export interface ServiceAdministratorProps {
  /** Which service: cloudtrail, guardduty, securityhub, detective, inspector2 or macie2. */
  readonly service: ServiceWithAdminApi;
  /** Account that administers the service (the security account). */
  readonly accountId: string;
  /**
   * Provider of the region to designate in (these designations are regional).
   * @default - the stack's default provider (home region)
   */
  readonly provider?: AwsProvider;
  /**
   * Resources that must exist first (the organization, whose trusted access the service needs).
   * @default - no explicit dependency
   */
  readonly dependsOn?: readonly TerraformResource[];
  /**
   * The account is already the service's administrator in this Region (lz import found it): the designation is
   * imported by the account id (the import id of each of these resources) instead of made again. The account id must
   * then be a literal.
   * @default false - the designation is made
   */
  readonly existing?: boolean;
}

/**
 * Designates a security service's delegated administrator through the service's own API
 * (e.g. guardduty:EnableOrganizationAdminAccount). That call also registers the account in
 * Organizations, so no `aws_organizations_delegated_administrator` is added for these services
 * (registering twice fails with AccountAlreadyRegisteredException).
 *
 * CloudTrail is designated through CloudTrail (RegisterOrganizationDelegatedAdmin), never through
 * Organizations: only the CloudTrail call creates CloudTrail's service-linked role in the management
 * account, without which the organization trail and event data store that the delegated administrator
 * creates fail. The designation is global; it is made once, from the home region.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-delegated-administrator.html
 */
export class ServiceAdministrator extends Construct {
  readonly resource: TerraformResource;

  constructor(scope: Construct, id: string, props: ServiceAdministratorProps) {
    super(scope, id);
    const meta = { provider: props.provider, dependsOn: props.dependsOn ? [...props.dependsOn] : undefined };
    const { accountId } = props;
    switch (props.service) {
      case 'cloudtrail':
        this.resource = new CloudtrailOrganizationDelegatedAdminAccount(this, 'Resource', { ...meta, accountId });
        break;
      case 'guardduty':
        this.resource = new GuarddutyOrganizationAdminAccount(this, 'Resource', { ...meta, adminAccountId: accountId });
        break;
      case 'securityhub':
        this.resource = new SecurityhubOrganizationAdminAccount(this, 'Resource', { ...meta, adminAccountId: accountId });
        break;
      case 'detective':
        this.resource = new DetectiveOrganizationAdminAccount(this, 'Resource', { ...meta, accountId });
        break;
      case 'inspector2':
        this.resource = new Inspector2DelegatedAdminAccount(this, 'Resource', { ...meta, accountId });
        break;
      case 'macie2':
        this.resource = new Macie2OrganizationAdminAccount(this, 'Resource', { ...meta, adminAccountId: accountId });
        break;
    }
    if (props.existing) this.resource.importFrom(accountId, props.provider);
  }
}

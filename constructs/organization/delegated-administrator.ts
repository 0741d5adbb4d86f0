import { Construct } from 'constructs';
import { OrganizationsDelegatedAdministrator } from '@cdktf/provider-aws/lib/organizations-delegated-administrator';
import type { TerraformResource } from '../../lib/cdktf';

export interface DelegatedAdministratorProps {
  /** Service principal, e.g. `config.amazonaws.com`; its trusted access must be enabled on the organization. */
  readonly servicePrincipal: string;
  /** Account that administers the service for the organization (the security account). */
  readonly accountId: string;
  /**
   * Resources that must exist first (the organization, whose trusted access the service needs).
   * @default - no explicit dependency
   */
  readonly dependsOn?: readonly TerraformResource[];
  /**
   * The account is already registered for this service (lz import found it): import the registration
   * (`<account id>/<service principal>`) instead of registering again, which AWS refuses with
   * AccountAlreadyRegisteredException. The account id must then be a literal.
   * @default false - the registration is made
   */
  readonly existing?: boolean;
}

/**
 * Registers a member account as delegated administrator of a service in Organizations
 * (RegisterDelegatedAdministrator), for services without their own admin API in the provider
 * (Config, Access Analyzer, CloudTrail ...).
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_delegated_admin.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/organizations_delegated_administrator#import
 */
export class DelegatedAdministrator extends Construct {
  readonly resource: OrganizationsDelegatedAdministrator;

  constructor(scope: Construct, id: string, props: DelegatedAdministratorProps) {
    super(scope, id);
    this.resource = new OrganizationsDelegatedAdministrator(this, 'Resource', {
      servicePrincipal: props.servicePrincipal,
      accountId: props.accountId,
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
    });
    if (props.existing) this.resource.importFrom(`${props.accountId}/${props.servicePrincipal}`);
  }
}

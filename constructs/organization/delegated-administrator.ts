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
}

/**
 * Registers a member account as delegated administrator of a service in Organizations
 * (RegisterDelegatedAdministrator), for services without their own admin API in the provider
 * (Config, Access Analyzer, CloudTrail ...).
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_delegated_admin.html
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
  }
}

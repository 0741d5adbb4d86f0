import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { oidcProviderArn } from './trust-policies';

export interface OidcProviderProps {
  readonly provider?: AwsProvider;
  /** Issuer host without scheme: `token.actions.githubusercontent.com`, `app.terraform.io`. */
  readonly host: string;
  /** Audience (client id) the tokens carry. */
  readonly audience: string;
  /** Account the provider lives in (the management account); names its ARN for adoption. */
  readonly accountId: string;
  /**
   * Adopt a provider made by hand (an account holds one provider per issuer URL): an import block by its ARN.
   * @default false - the provider is created
   */
  readonly adoptExisting?: boolean;
}

/**
 * An IAM OIDC identity provider. No thumbprint is given: with AWS provider 5.100 `thumbprint_list` is
 * optional, and IAM then trusts the issuer through its own library of root certificate authorities
 * (and for well-known issuers such as GitHub ignores thumbprints altogether).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc_verify-thumbprint.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/iam_openid_connect_provider
 */
export class OidcProvider extends Construct {
  readonly resource: IamOpenidConnectProvider;
  /** ARN (a reference, so the roles that trust it are made after it). */
  readonly providerArn: string;

  constructor(scope: Construct, id: string, props: OidcProviderProps) {
    super(scope, id);
    this.resource = new IamOpenidConnectProvider(this, 'Resource', {
      provider: props.provider,
      url: `https://${props.host}`,
      clientIdList: [props.audience],
    });
    this.providerArn = this.resource.arn;
    if (props.adoptExisting) this.resource.importFrom(oidcProviderArn(props.accountId, props.host));
  }
}

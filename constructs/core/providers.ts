import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';

/** An account a stack reaches by assuming the organization access role. */
export interface TargetAccount {
  /** Account name from the config; names the provider alias. */
  readonly name: string;
  /** Account id: a literal for adopted accounts, a cross-stack token for accounts created in the same run. */
  readonly id: string;
}

export interface AccountProvidersProps {
  /** Role assumed in each member account (organization.accessRoleName). */
  readonly accessRoleName: string;
  /** Tags every resource made through these providers carries. */
  readonly defaultTags: Record<string, string>;
  /** Names the assume-role session so CloudTrail shows who acted. */
  readonly sessionName: string;
}

/**
 * Lazily creates one `aws` provider alias per (account, region) that assumes
 * `arn:aws:iam::<id>:role/<accessRoleName>`. The alias and construct id come from the
 * account name and region, never list positions, so reordering the config changes nothing.
 */
export class AccountProviders extends Construct {
  private readonly providers = new Map<string, AwsProvider>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: AccountProvidersProps,
  ) {
    super(scope, id);
  }

  /** The provider for `account` in `region`, created on first use. */
  for(account: TargetAccount, region: string): AwsProvider {
    const alias = providerAlias(account.name, region);
    let provider = this.providers.get(alias);
    if (!provider) {
      provider = new AwsProvider(this, alias, {
        alias,
        region,
        assumeRole: [{ roleArn: accessRoleArn(account.id, this.props.accessRoleName), sessionName: this.props.sessionName }],
        defaultTags: [{ tags: this.props.defaultTags }],
      });
      this.providers.set(alias, provider);
    }
    return provider;
  }
}

/** `shop-prod-ap-northeast-1` */
export function providerAlias(accountName: string, region: string): string {
  return `${accountName}-${region}`;
}

export function accessRoleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}

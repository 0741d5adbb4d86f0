import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformVariable } from '../../lib/cdktf';
import { PROVIDER_RETRIES } from './api-retries';

/**
 * Terraform variable that names the role the member-account providers assume while Terraform plans. Its
 * default is the access role; plans set `TF_VAR_member_role_name` (HCP Terraform: the workspace variable) to the
 * read-only plan role, so one synthesized stack serves both. Applies always assume the access role.
 */
export const MEMBER_ROLE_VARIABLE = 'member_role_name';

/** An account a stack reaches by assuming the organization access role. */
export interface TargetAccount {
  /** Account name from the config; names the provider alias. */
  readonly name: string;
  /** Account id: a literal for adopted accounts, a cross-stack token for accounts created in the same run. */
  readonly id: string;
}

export interface AccountProvidersProps {
  /**
   * Role assumed in a member account unless the run says otherwise: organization.accessRoleName, or per account
   * (config/brownfield.ts accessRoleNameFor: Control Tower's execution role in an enrolled account).
   */
  readonly accessRoleName: string | ((account: TargetAccount) => string);
  /** The read-only role a plan may assume instead (ci.planRoleName); the variable accepts only these two. */
  readonly planRoleName: string;
  /** Tags every resource made through these providers carries. */
  readonly defaultTags: Record<string, string>;
  /** Names the assume-role session so CloudTrail shows who acted. */
  readonly sessionName: string;
}

/**
 * Lazily creates one `aws` provider alias per (account, region) that assumes
 * `arn:aws:iam::<id>:role/<name>`: the access role while Terraform applies, `${var.member_role_name}` (default:
 * the access role) while it plans. The alias and construct
 * id come from the account name and region, never list positions, so reordering the config changes
 * nothing. The variable is declared with the first alias, so only stacks that reach into member
 * accounts have it; its default is the access role of that first account (each stack reaches one member
 * account). Should a stack reach another account whose access role differs, that account's providers
 * assume its own role while the variable keeps its default, and the plan role when the run sets it.
 */
export class AccountProviders extends Construct {
  private readonly providers = new Map<string, AwsProvider>();
  private roleVariable?: TerraformVariable;
  /** The variable's default: the access role of the first account reached. */
  private defaultRoleName?: string;

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
        assumeRole: [{ roleArn: accessRoleArn(account.id, this.roleNameFor(account)), sessionName: this.props.sessionName }],
        defaultTags: [{ tags: this.props.defaultTags }],
        ...PROVIDER_RETRIES,
      });
      this.providers.set(alias, provider);
    }
    return provider;
  }

  /** The access role of `account` (organization.accessRoleName, or its own per-account role). */
  private accessRoleOf(account: TargetAccount): string {
    const { accessRoleName } = this.props;
    return typeof accessRoleName === 'string' ? accessRoleName : accessRoleName(account);
  }

  /**
   * The role name the providers of `account` assume: while Terraform applies (`terraform.applying`), always the
   * account's access role; while it plans, `${var.member_role_name}`, or, for an account whose access role is not
   * the variable's default, that role unless the run chose the plan role. So a plan may read through the read-only
   * plan role and the apply of that saved plan still writes through the access role: HCP Terraform's plan and apply
   * phases share one set of variables (docs/terraform-cloud.md), and no apply ever runs as the plan role.
   * @see https://developer.hashicorp.com/terraform/language/expressions/references#terraform-applying
   */
  private roleNameFor(account: TargetAccount): string {
    const variable = `var.${MEMBER_ROLE_VARIABLE}`;
    this.declareRoleVariable(account);
    const own = JSON.stringify(this.accessRoleOf(account));
    const fallback = this.defaultRoleName;
    const planning = this.accessRoleOf(account) === fallback ? variable : `(${variable} == ${JSON.stringify(fallback)} ? ${own} : ${variable})`;
    return `\${terraform.applying ? ${own} : ${planning}}`;
  }

  /** Declares `var.member_role_name` on first use, with `account`'s access role as its default. */
  private declareRoleVariable(account: TargetAccount): void {
    if (!this.roleVariable) {
      const { planRoleName } = this.props;
      const accessRoleName = this.accessRoleOf(account);
      this.defaultRoleName = accessRoleName;
      this.roleVariable = new TerraformVariable(this, MEMBER_ROLE_VARIABLE, {
        type: 'string',
        default: accessRoleName,
        nullable: false,
        description: `Role the member-account providers assume while Terraform plans: ${accessRoleName} (default) or the read-only ${planRoleName} (TF_VAR_${MEMBER_ROLE_VARIABLE}; HCP Terraform: a workspace variable). Applies always assume ${accessRoleName}.`,
        validation: [
          {
            condition: `\${contains(${JSON.stringify([accessRoleName, planRoleName])}, var.${MEMBER_ROLE_VARIABLE})}`,
            errorMessage: `${MEMBER_ROLE_VARIABLE} must be ${accessRoleName} or ${planRoleName} (read-only plans).`,
          },
        ],
      });
      this.roleVariable.overrideLogicalId(MEMBER_ROLE_VARIABLE);
    }
  }
}

/** `shop-prod-ap-northeast-1` */
export function providerAlias(accountName: string, region: string): string {
  return `${accountName}-${region}`;
}

export function accessRoleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}

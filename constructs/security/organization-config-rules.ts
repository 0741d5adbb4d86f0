import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { ConfigOrganizationManagedRule } from '@cdktf/provider-aws/lib/config-organization-managed-rule';
import type { ConfigRuleName } from '../../config/schema/security';
import { MANAGED_RULES } from './catalogue';

/** Prefix of the organization rules' names (at most 64 characters), so members see who owns them. */
export const ORGANIZATION_RULE_PREFIX = 'lz-';

export interface OrganizationConfigRulesProps {
  /** Provider of the delegated administrator (security account) in one region. */
  readonly provider: AwsProvider;
  /** Rules from the catalogue. */
  readonly rules: readonly ConfigRuleName[];
  /** Whether this is the home region: account-wide rules run only there. */
  readonly homeRegion: boolean;
  /**
   * Accounts the rules skip.
   * @default - every account of the organization
   */
  readonly excludedAccounts?: readonly string[];
}

/**
 * AWS Config managed rules deployed to every account of the organization in one region (seed 004, 1C):
 * members cannot change or delete them. Account-wide checks (root user, trails, password policy,
 * account public access block) run in the home region only.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/config-rule-multi-account-deployment.html
 */
export class OrganizationConfigRules extends Construct {
  /** Organization rule names deployed in this region. */
  readonly ruleNames: string[] = [];

  constructor(scope: Construct, id: string, props: OrganizationConfigRulesProps) {
    super(scope, id);
    for (const rule of props.rules) {
      const spec = MANAGED_RULES[rule];
      if (spec.global && !props.homeRegion) continue;
      const name = `${ORGANIZATION_RULE_PREFIX}${rule}`;
      new ConfigOrganizationManagedRule(this, rule, {
        provider: props.provider,
        name,
        ruleIdentifier: spec.identifier,
        description: spec.description,
        inputParameters: spec.inputParameters ? JSON.stringify(spec.inputParameters) : undefined,
        maximumExecutionFrequency: spec.maximumExecutionFrequency,
        excludedAccounts: props.excludedAccounts?.length ? [...props.excludedAccounts] : undefined,
      });
      this.ruleNames.push(name);
    }
  }
}

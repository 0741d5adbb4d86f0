import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { ConfigConfigRule } from '@cdktf/provider-aws/lib/config-config-rule';
import type { ITerraformDependable } from '../../lib/cdktf';
import type { ConfigRuleName } from '../../config/schema/security';
import { MANAGED_RULES } from './config-rule-catalogue';

/** Prefix of the landing zone's rule names (at most 128 characters), so people see who owns them. */
export const CONFIG_RULE_PREFIX = 'lz-';

export interface AccountConfigRulesProps {
  /** Provider of the account in one region. */
  readonly provider: AwsProvider;
  /** Rules from the catalogue (config-rule-catalogue.ts). */
  readonly rules: readonly ConfigRuleName[];
  /** Whether this is the home region: account-wide rules run only there. */
  readonly homeRegion: boolean;
  /**
   * The region's recorder switched on (`ConfigRecorder.status`): a rule cannot be created in a
   * region without a recorder, so every rule waits for it.
   * @default - no dependency: the recorder is not the landing zone's (AWS Control Tower runs it)
   */
  readonly recorderStatus?: ITerraformDependable;
  /**
   * Input parameters per rule that replace the catalogue's (e.g. the account's own password policy).
   * @default - the catalogue's parameters
   */
  readonly inputParameters?: Partial<Record<ConfigRuleName, Record<string, string>>>;
}

/**
 * AWS Config managed rules in one region of one account (seed 004, 1C), created by the account's own
 * baseline after its recorder, so the order is the same on the first apply and every later one.
 * Account-wide checks (root user, trails, password policy, account public access block) run in the
 * home region only. Members cannot change or delete them: the protect-security-services SCP denies
 * `config:PutConfigRule` / `config:DeleteConfigRule` to everyone but the access role.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_use-managed-rules.html
 */
export class AccountConfigRules extends Construct {
  /** Rule names deployed in this region. */
  readonly ruleNames: string[] = [];

  constructor(scope: Construct, id: string, props: AccountConfigRulesProps) {
    super(scope, id);
    for (const rule of props.rules) {
      const spec = MANAGED_RULES[rule];
      if (spec.global && !props.homeRegion) continue;
      const name = `${CONFIG_RULE_PREFIX}${rule}`;
      new ConfigConfigRule(this, rule, {
        provider: props.provider,
        name,
        description: spec.description,
        source: { owner: 'AWS', sourceIdentifier: spec.identifier },
        inputParameters: parametersText(props.inputParameters?.[rule] ?? spec.inputParameters),
        maximumExecutionFrequency: spec.maximumExecutionFrequency,
        dependsOn: props.recorderStatus ? [props.recorderStatus] : undefined,
      });
      this.ruleNames.push(name);
    }
  }
}

function parametersText(parameters: Record<string, string> | undefined): string | undefined {
  return parameters ? JSON.stringify(parameters) : undefined;
}

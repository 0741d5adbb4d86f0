import { configRulesRecorder } from '../../../../checks/constraints/rules/config-rules-recorder';
import { context, type Stacks } from '../fixtures';

/** Config rules in the fixture's workload account, in both Regions. */
function withRules(s: Stacks): void {
  s['workload-shop'].resource.aws_config_config_rule = {
    'Rule-us-east-1': { name: 'root-mfa', provider: 'aws.shop-us-east-1' },
    'Rule-ap-northeast-1': { name: 'ebs-encrypted', provider: 'aws.shop-ap-northeast-1' },
  };
}

describe('constraint config-rules-recorder', () => {
  it('passes rules whose account and Region have a recorder of the landing zone', () => {
    const result = configRulesRecorder.check(context(withRules));
    expect(result.problems).toEqual([]);
    expect(result.evidence).toEqual([{ stack: 'workload-shop', address: 'aws_config_config_rule.Rule-us-east-1', note: '2 (account, Region) pairs with rules, each with a recorder' }]);
  });

  it('fails rules of a Region without a recorder (PutConfigRule: NoAvailableConfigurationRecorderException), naming the account and Region', () => {
    const result = configRulesRecorder.check(
      context((s) => {
        withRules(s);
        delete s['workload-shop'].resource.aws_config_configuration_recorder['Recorder-ap-northeast-1'];
      }),
    );
    expect(result.problems).toEqual([
      'workload-shop: Rule-ap-northeast-1 and the other Config rules of the shop account in ap-northeast-1 have no configuration recorder there; PutConfigRule fails with NoAvailableConfigurationRecorderException: turn the baseline\'s Config on for the account (baseline.config.enabled)',
    ]);
  });

  it('counts Control Tower\'s recorder only where Control Tower enrolled the account', () => {
    const noRecorders = (s: Stacks) => {
      withRules(s);
      delete s['workload-shop'].resource.aws_config_configuration_recorder;
    };
    const enrolled = { ...context(noRecorders), controlTower: { ownsTrail: true, recordedRegions: { 'workload-shop': ['us-east-1', 'ap-northeast-1'] }, registeredOus: ['Workloads/Prod'], scpsPerRegisteredOu: 1 } };
    expect(configRulesRecorder.check(enrolled).problems).toEqual([]);
    const notEnrolled = { ...enrolled, controlTower: { ...enrolled.controlTower, recordedRegions: {} } };
    expect(configRulesRecorder.check(notEnrolled).problems).toEqual([
      expect.stringContaining('in us-east-1 have no configuration recorder there (the account is not enrolled in Control Tower: controlTower.enrolledAccounts)'),
      expect.stringContaining('in ap-northeast-1 have no configuration recorder there (the account is not enrolled in Control Tower: controlTower.enrolledAccounts)'),
    ]);
  });
});

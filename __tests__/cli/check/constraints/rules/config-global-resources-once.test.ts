import { configGlobalResourcesOnce } from '../../../../../cli/check/constraints/rules/config-global-resources-once';
import { context } from '../fixtures';

describe('constraint config-global-resources-once', () => {
  it('passes global resource types recorded in one Region per account', () => {
    const result = configGlobalResourcesOnce.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.note)).toEqual(['global resource types in us-east-1 only', 'global resource types in us-east-1 only']);
  });

  it('fails an account recording them in two Regions (a recorder without recording group counts as recording them)', () => {
    const result = configGlobalResourcesOnce.check(context((s) => delete s['workload-shop'].resource.aws_config_configuration_recorder['Recorder-ap-northeast-1'].recording_group));
    expect(result.problems).toEqual([
      'the shop account records global resource types in 2 Regions (workload-shop us-east-1, workload-shop ap-northeast-1); set include_global_resource_types in the home Region only',
    ]);
  });
});

import { configGlobalResourcesOnce } from '../../../../checks/constraints/rules/config-global-resources-once';
import { context } from '../fixtures';

describe('constraint config-global-resources-once', () => {
  it('passes global resource types recorded in one Region per account', () => {
    const result = configGlobalResourcesOnce.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.note)).toEqual(['global resource types in us-east-1 only', 'global resource types in us-east-1 only']);
  });

  it('fails an account recording them in two Regions, by include_global_resource_types or by listing IAM types', () => {
    const result = configGlobalResourcesOnce.check(
      context((s) => (s['workload-shop'].resource.aws_config_configuration_recorder['Recorder-ap-northeast-1'].recording_group = { resource_types: ['AWS::IAM::Role'] })),
    );
    expect(result.problems).toEqual([
      'the shop account records global resource types in 2 Regions (workload-shop us-east-1, workload-shop ap-northeast-1); set include_global_resource_types in the home Region only',
    ]);
  });

  it('does not count a recorder without recording group (Config then leaves the global IAM types out)', () => {
    const result = configGlobalResourcesOnce.check(context((s) => delete s['workload-shop'].resource.aws_config_configuration_recorder['Recorder-us-east-1'].recording_group));
    expect(result.status).toBe('pass');
    expect(result.evidence).toHaveLength(1);
  });
});

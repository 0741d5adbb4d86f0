import { configEverywhere } from '../../../../checks/checklist/rules/config-everywhere';
import { context, workload } from '../fixtures';

describe('check rule config-everywhere', () => {
  it('passes when every workload stack records in every governed region into the log archive, and warns about unrecorded accounts', () => {
    const result = configEverywhere.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([
      { stack: 'workload-shop', address: 'aws_config_configuration_recorder.Recorder-us-east-1', note: '2 governed region(s), delivering to acme-logs' },
    ]);
    expect(result.warnings[0]).toContain('no Config recorder in the management, log-archive, security stack(s)');
  });

  it('counts a core stack that records in every governed region as evidence', () => {
    const result = configEverywhere.check(context((s) => Object.assign(s.security.resource, workload('security').resource)));
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.stack)).toEqual(['security', 'workload-shop']);
    expect(result.warnings[0]).toContain('no Config recorder in the management, log-archive stack(s)');
  });

  it('counts the management-baseline stack as the management account recording, without the management warning', () => {
    const result = configEverywhere.check(context((s) => (s['management-baseline'] = workload('management-baseline'))));
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.stack)).toEqual(['management-baseline', 'workload-shop']);
    expect(result.warnings).toEqual([expect.stringContaining('no Config recorder in the log-archive, security stack(s)')]);
  });

  it('fails the management-baseline stack when it records, but not in every governed region', () => {
    const result = configEverywhere.check(
      context((s) => {
        s['management-baseline'] = workload('management-baseline');
        delete s['management-baseline'].resource.aws_config_configuration_recorder['Recorder-us-east-1'];
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual(['management-baseline: us-east-1: no recorder (baseline.config)']);
  });

  it('fails a core stack once it records, but not in every governed region', () => {
    const result = configEverywhere.check(
      context((s) => {
        Object.assign(s.security.resource, workload('security').resource);
        delete s.security.resource.aws_config_configuration_recorder['Recorder-ap-northeast-1'];
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual(['security: ap-northeast-1: no recorder (baseline.config)']);
  });

  it('fails a governed region without a recorder', () => {
    const result = configEverywhere.check(context((s) => delete s['workload-shop'].resource.aws_config_configuration_recorder['Recorder-ap-northeast-1']));
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual(['workload-shop: ap-northeast-1: no recorder (baseline.config)']);
  });

  it('fails a recorder that is not enabled', () => {
    const result = configEverywhere.check(context((s) => (s['workload-shop'].resource.aws_config_configuration_recorder_status['Status-us-east-1'].is_enabled = false)));
    expect(result.problems).toEqual(['workload-shop: us-east-1: recorder not enabled (baseline.config)']);
  });

  it('fails delivery outside the log archive', () => {
    const result = configEverywhere.check(context((s) => (s['workload-shop'].resource.aws_config_delivery_channel['Channel-us-east-1'].s3_bucket_name = 'local-bucket')));
    expect(result.problems).toEqual(['workload-shop: us-east-1: no delivery channel to the log-archive bucket (baseline.config)']);
  });
});

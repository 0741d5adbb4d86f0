import { minimalConfig } from '../../harness/config';
import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';

// Control Tower mode: in an enrolled account (an account of a registered OU) Control Tower owns the Config
// recorder and delivery channel of each region it governs, so the baseline makes none there (AWS allows one of
// each per account and region) and no Config service-linked role; the account's Config rules are still made,
// without waiting for a recorder of ours. An account of an unregistered OU keeps the full baseline.
const CONFIG_TYPES = ['aws_config_configuration_recorder', 'aws_config_delivery_channel', 'aws_config_configuration_recorder_status', 'aws_iam_service_linked_role'];

function controlTower(registeredOus: string[]) {
  return synthLandingZone(
    minimalConfig((c) => {
      c.controlTower = { homeRegion: 'us-east-1', governedRegions: ['us-east-1', 'ap-northeast-1'], registeredOus };
    }),
  );
}

const counts = (json: StackJson) => CONFIG_TYPES.map((t) => [t, Object.keys(resourcesOf(json, t)).length]);
const rules = (json: StackJson) => Object.values(resourcesOf(json, 'aws_config_config_rule'));

describe('Config in Control Tower mode', () => {
  const lz = controlTower(['Workloads/Prod']);

  it('makes no recorder, channel, status or Config service-linked role in an enrolled account', () => {
    const json = lz.stack('workload-shop-prod');
    expect(counts(json)).toEqual(CONFIG_TYPES.map((t) => [t, 0]));
    expect(json.data?.aws_iam_roles).toBeUndefined();
    expect((json.import ?? []).length).toBe(0);
  });

  it('still makes the enrolled account\'s Config rules in every region, depending on no recorder of ours', () => {
    const json = lz.stack('workload-shop-prod');
    const found = rules(json);
    expect(new Set(found.map((r) => r.provider))).toEqual(new Set(['aws.shop-prod-us-east-1', 'aws.shop-prod-ap-northeast-1']));
    for (const r of found) expect(r.depends_on).toBeUndefined();
  });

  it('keeps the full Config baseline in an account of an unregistered OU, each rule after its recorder', () => {
    const json = lz.stack('workload-shop-dev');
    expect(counts(json)).toEqual([
      ['aws_config_configuration_recorder', 2],
      ['aws_config_delivery_channel', 2],
      ['aws_config_configuration_recorder_status', 2],
      ['aws_iam_service_linked_role', 1],
    ]);
    for (const r of rules(json)) expect(r.depends_on).toEqual([expect.stringMatching(/^aws_config_configuration_recorder_status\./)]);
  });

  it('keeps the management account\'s recorders (Control Tower runs none there)', () => {
    expect(Object.keys(resourcesOf(lz.stack('management-baseline'), 'aws_config_configuration_recorder'))).toHaveLength(2);
  });

  it('leaves the core accounts to Control Tower too when their OU is registered', () => {
    const registered = controlTower(['Security', 'Workloads/Prod']);
    for (const id of ['log-archive', 'security']) expect([id, counts(registered.stack(id))]).toEqual([id, CONFIG_TYPES.map((t) => [t, 0])]);
  });
});

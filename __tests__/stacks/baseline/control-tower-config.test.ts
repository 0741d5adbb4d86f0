import { minimalConfig } from '../../harness/config';
import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';

// Control Tower mode: in an enrolled account Control Tower owns the Config recorder and delivery channel of each
// region it governs, so the baseline makes none there (AWS allows one of each per account and region) and no Config
// service-linked role; the account's Config rules are still made, without waiting for a recorder of ours. Enrolled
// means what Control Tower did (controlTower.enrolledAccounts, or an existing account of a registered OU), not what
// the OU suggests: an account the landing zone creates in a registered OU is not enrolled (CreateAccount does not
// enroll it) and keeps the full baseline, its recorder before its rules. An account of an unregistered OU too.
const CONFIG_TYPES = ['aws_config_configuration_recorder', 'aws_config_delivery_channel', 'aws_config_configuration_recorder_status', 'aws_iam_service_linked_role'];
const IDS: Record<string, string> = { 'log-archive': '222222222201', security: '222222222202', 'shop-prod': '222222222203' };

function controlTower(registeredOus: string[], edit: (c: any) => void = () => {}) {
  return synthLandingZone(
    minimalConfig((c) => {
      c.organization.id = 'o-abcd123456';
      for (const a of c.accounts) if (IDS[a.name]) a.id = IDS[a.name];
      c.controlTower = { homeRegion: 'us-east-1', governedRegions: ['us-east-1', 'ap-northeast-1'], registeredOus };
      edit(c);
    }),
  );
}

const FULL_BASELINE = [
  ['aws_config_configuration_recorder', 2],
  ['aws_config_delivery_channel', 2],
  ['aws_config_configuration_recorder_status', 2],
  ['aws_iam_service_linked_role', 1],
];

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
    expect(counts(json)).toEqual(FULL_BASELINE);
    for (const r of rules(json)) expect(r.depends_on).toEqual([expect.stringMatching(/^aws_config_configuration_recorder_status\./)]);
  });

  it('gives an account the landing zone creates in a registered OU its own recorder before any rule (CreateAccount enrolls nothing), and Control Tower\'s role name', () => {
    const created = controlTower(['Workloads/Prod'], (c) => c.accounts.push({ name: 'shop-new', email: 'aws+shop-new@acme.example', ou: 'Workloads/Prod' }));
    const json = created.stack('workload-shop-new');
    expect(counts(json)).toEqual(FULL_BASELINE);
    expect(rules(json).length).toBeGreaterThan(0);
    for (const r of rules(json)) expect(r.depends_on).toEqual([expect.stringMatching(/^aws_config_configuration_recorder_status\./)]);
    const account = Object.values(resourcesOf(created.stack('management'), 'aws_organizations_account')).find((a) => a.name === 'shop-new');
    expect(account?.role_name).toBe('AWSControlTowerExecution');
  });

  it('enrolls only the accounts controlTower.enrolledAccounts lists, where Control Tower\'s recorder was seen', () => {
    const listed = controlTower(['Security', 'Workloads/Prod'], (c) => {
      c.controlTower.enrolledAccounts = ['shop-prod'];
    });
    expect(counts(listed.stack('workload-shop-prod'))).toEqual(CONFIG_TYPES.map((t) => [t, 0]));
    for (const id of ['log-archive', 'security']) expect([id, counts(listed.stack(id))]).toEqual([id, FULL_BASELINE]);
  });

  it('keeps the management account\'s recorders (Control Tower runs none there)', () => {
    expect(Object.keys(resourcesOf(lz.stack('management-baseline'), 'aws_config_configuration_recorder'))).toHaveLength(2);
  });

  it('leaves the core accounts to Control Tower too when their OU is registered', () => {
    const registered = controlTower(['Security', 'Workloads/Prod']);
    for (const id of ['log-archive', 'security']) expect([id, counts(registered.stack(id))]).toEqual([id, CONFIG_TYPES.map((t) => [t, 0])]);
  });
});

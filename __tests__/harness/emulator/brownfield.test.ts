import { BROWNFIELD_SCENARIO as SCENARIO } from '../../emulator/brownfield-scenario';
import { planSummary, type PlanSummary } from './apply';
import { adoptSectionsOf, baselineStackOf, brownfieldConfigs, expectedAdopt, expectedImports, importProblems, MANAGEMENT, offlineBrownfieldConfigs, withAdopt } from './brownfield';
import { synthLandingZone } from '../synth';
import { importTargets } from './switches';
import { adoptionOf } from '../../../config/brownfield';

// The brownfield scenario's expectations without moto: what lz import should write, what the first plan must import.
const findings = { [MANAGEMENT]: { guardDutyDetectors: {} }, 'log-archive': { guardDutyDetectors: {} }, security: { guardDutyDetectors: { 'us-east-1': 'd0security' } }, 'shop-prod': { guardDutyDetectors: { 'us-east-1': 'd0shop' } } };
const roles = { 'log-archive': 'log-archive', security: 'security', 'shop-prod': 'workload' };

/** What `lz import` writes for the scenario's organization (ids as moto gives them). */
const imported = {
  organization: { name: 'acme', managementAccountId: '123456789012', id: 'o-abcdefghij', homeRegion: 'us-east-1', governedRegions: ['us-east-1', 'ap-northeast-1'], ouIds: { Security: 'ou-ab12-aaaaaaaa', Workloads: 'ou-ab12-bbbbbbbb', 'Workloads/Prod': 'ou-ab12-cccccccc' } },
  state: { backend: 'local' },
  organizationalUnits: ['Security', 'Workloads', 'Workloads/Prod'],
  accounts: [
    { name: 'log-archive', email: 'aws+log@acme.example', ou: 'Security', role: 'log-archive', id: '300000000001' },
    { name: 'security', email: 'aws+sec@acme.example', ou: 'Security', role: 'security', id: '300000000002' },
    { name: 'shop-prod', email: 'aws+shop-prod@acme.example', ou: 'Workloads/Prod', id: '300000000003' },
  ],
};
const seeded = { organizationId: 'o-abcdefghij', accounts: { 'log-archive': '300000000001', security: '300000000002', 'shop-prod': '300000000003' }, ous: imported.organization.ouIds };

describe('brownfield scenario: the adopt sections', () => {
  const expected = expectedAdopt(SCENARIO, findings);

  it('expects an adopt entry for every seeded resource, in the contract\'s form (detector ids as AWS chose them)', () => {
    expect(expected['shop-prod']).toEqual({
      configRecorders: { 'us-east-1': { recorder: 'legacy', deliveryChannel: 'legacy-channel' } },
      passwordPolicy: true,
      s3PublicAccessBlock: true,
      ebsEncryptionByDefault: ['us-east-1'],
      budgets: ['shop-prod-monthly-cost'],
      guardDutyDetectors: { 'us-east-1': 'd0shop' },
      alternateContacts: ['SECURITY', 'OPERATIONS'],
    });
    expect(expected[MANAGEMENT].trails).toEqual([
      { name: 'legacy-trail', region: 'us-east-1', organization: false, multiRegion: false },
      { name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true, takeOver: false },
    ]);
    // Control Tower's recorders in shop-ct are Control Tower's: nothing to adopt there.
    expect(expected['shop-ct']).toEqual({});
  });

  it('writes them where the config contract reads them (organization.adopt, accounts[].adopt), and reads them back', () => {
    const withSections = withAdopt(imported, expected);
    expect(adoptSectionsOf(withSections)).toEqual(Object.fromEntries(Object.entries(expected).filter(([, s]) => Object.keys(s).length > 0)));
    expect(adoptSectionsOf(imported)).toEqual({});
  });

  it('gives a config that loads, with the scenario\'s own settings, every adoption visible to the stacks', () => {
    const { config } = brownfieldConfigs(withAdopt(imported, expected), SCENARIO, seeded);
    expect(config.state).toMatchObject({ backend: 'local', localDirectory: 'terraform-state' });
    expect(config.accounts.find((a) => a.name === 'shop-prod')?.budget).toMatchObject({ monthlyUsd: 500 });
    expect(adoptionOf(config, { name: 'shop-prod' }).configRecorders['us-east-1']).toEqual({ recorder: 'legacy', deliveryChannel: 'legacy-channel' });
    expect(adoptionOf(config, { name: 'management', id: '123456789012' }).passwordPolicy).toBe(true);
  });
});

describe('brownfield scenario: the first plans', () => {
  const expected = expectedImports(SCENARIO, roles, findings);
  const plan = (imports: Array<[string, string]>, creates: string[] = []): PlanSummary => ({
    imports: imports.map(([type, id]) => ({ address: `${type}.X`, type, id, actions: ['no-op'] })),
    creates: creates.map((type) => ({ address: `${type}.Y`, type, after: {} })),
  });

  it('maps each account to the stack of its baseline', () => {
    expect([MANAGEMENT, 'log-archive', 'security', 'shop-prod'].map((a) => baselineStackOf(a, roles))).toEqual(['management-baseline', 'log-archive', 'security', 'workload-shop-prod']);
  });

  it('expects the recorder and channel imported by name, created only in the region without one', () => {
    expect(expected.filter((x) => x.stack === 'workload-shop-prod' && x.type.startsWith('aws_config_'))).toEqual([
      { account: 'shop-prod', stack: 'workload-shop-prod', type: 'aws_config_configuration_recorder', ids: ['legacy'], count: 1, creates: 1 },
      { account: 'shop-prod', stack: 'workload-shop-prod', type: 'aws_config_delivery_channel', ids: ['legacy-channel'], count: 1, creates: 1 },
    ]);
    // The management account's alternate contacts are the management stack's.
    expect(expected.find((x) => x.account === MANAGEMENT && x.type === 'aws_account_alternate_contact')?.stack).toBe('management');
  });

  it('reports a second recorder created beside the existing one, and a missing import', () => {
    const plans = { 'workload-shop-prod': plan([], ['aws_config_configuration_recorder', 'aws_config_configuration_recorder']) };
    const problems = importProblems(expected.filter((x) => x.type === 'aws_config_configuration_recorder' && x.account === 'shop-prod'), plans, {});
    expect(problems).toEqual([
      "workload-shop-prod: 1 import(s) of aws_config_configuration_recorder expected for shop-prod's existing one(s), the plan imports 0",
      'workload-shop-prod: no import of aws_config_configuration_recorder with id "legacy"; imports: none',
      "workload-shop-prod: creates 2 aws_config_configuration_recorder (aws_config_configuration_recorder.Y, aws_config_configuration_recorder.Y) beside the existing one(s) of shop-prod; at most 1 expected (regions without one)",
    ]);
  });

  it('accepts the import, and counts an import left out with a gap (the budget) as made', () => {
    const recorder = expected.filter((x) => x.type === 'aws_config_configuration_recorder' && x.account === 'shop-prod');
    expect(importProblems(recorder, { 'workload-shop-prod': plan([['aws_config_configuration_recorder', 'legacy']], ['aws_config_configuration_recorder']) }, {})).toEqual([]);
    const budget = [{ account: 'shop-prod', stack: 'workload-shop-prod', type: 'aws_budgets_budget', ids: ['300000000003:shop-prod-monthly-cost'], count: 1, creates: 0 }];
    expect(importProblems(budget, { 'workload-shop-prod': plan([]) }, { 'workload-shop-prod': ['aws_budgets_budget.Budget_1 (id 300000000003:shop-prod-monthly-cost)'] })).toEqual([]);
  });

  it('reads imports and creates from terraform show -json', () => {
    const summary = planSummary({
      format_version: '1.2',
      resource_changes: [
        { address: 'aws_config_configuration_recorder.R', type: 'aws_config_configuration_recorder', change: { actions: ['update'], importing: { id: 'legacy' }, after: { name: 'legacy' } } },
        { address: 'aws_config_delivery_channel.C', type: 'aws_config_delivery_channel', change: { actions: ['create'], after: { name: 'default' } } },
        { address: 'aws_sns_topic.T', type: 'aws_sns_topic', change: { actions: ['no-op'] } },
      ],
    });
    expect(summary).toEqual({
      imports: [{ address: 'aws_config_configuration_recorder.R', type: 'aws_config_configuration_recorder', id: 'legacy', actions: ['update'] }],
      creates: [{ address: 'aws_config_delivery_channel.C', type: 'aws_config_delivery_channel', after: { name: 'default' } }],
    });
  });
});

describe('brownfield scenario: the synthesized config', () => {
  const lz = synthLandingZone(offlineBrownfieldConfigs(SCENARIO).config);

  it('adopts the existing recorder of each account by its name (what the emulator run applies)', () => {
    for (const stack of ['management-baseline', 'log-archive', 'workload-shop-prod']) {
      const json = lz.stack(stack);
      const adopted = [...importTargets(json)].filter((a) => a.startsWith('aws_config_configuration_recorder.'));
      expect({ stack, names: adopted.map((a) => json.resource!.aws_config_configuration_recorder[a.split('.')[1]].name) }).toEqual({ stack, names: ['legacy'] });
    }
  });
});

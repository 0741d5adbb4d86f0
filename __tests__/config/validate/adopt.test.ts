import { parse, stringify } from 'yaml';
import { MINIMAL_YAML, problemsOf } from '../../harness/config';
import { resourcesOf, synthLandingZone } from '../../harness/synth';
import { parseConfig } from '../../../config/load';
import { adoptedConfig } from '../../stacks/baseline/adopted-config';

/** MINIMAL_YAML edited as parsed YAML, as text (so problemsOf reports lines). */
function yamlWith(edit: (c: any) => void): string {
  const c = parse(MINIMAL_YAML);
  edit(c);
  return stringify(c);
}

describe('adopt validation', () => {
  it('accepts every adopt field on the management account and on an account with an id', () => {
    const config = adoptedConfig();
    expect(config.accounts[2].adopt?.configRecorders['us-east-1']).toEqual({ recorder: 'corp-recorder', deliveryChannel: 'corp-channel' });
    expect(config.organization.adopt?.budgets).toEqual(['acme-organization-monthly-cost']);
  });

  it('fails adopt on an account without id, with the fix', () => {
    expect(problemsOf(yamlWith((c) => (c.accounts[3].adopt = { s3PublicAccessBlock: true })))).toMatch(
      /accounts\[3\]\.adopt \(line \d+\): shop-dev has no id, so the landing zone creates it and nothing can exist in it yet; set accounts\[3\]\.id to the existing account's id \(lz import writes both\), or remove adopt/,
    );
  });

  it('reports every misplaced entry at once: regions outside the governed and security regions, budgets it does not manage', () => {
    const text = yamlWith((c) => {
      c.accounts[2].id = '222222222222';
      c.accounts[2].baseline = { accessAnalyzer: 'always' };
      c.accounts[2].adopt = {
        configRecorders: { 'eu-west-1': { recorder: 'default' } },
        accessAnalyzers: { 'eu-west-2': 'old' },
        ebsEncryptionByDefault: ['us-east-1', 'eu-central-1'],
        guardDutyDetectors: { 'sa-east-1': 'abc123' },
        securityHub: ['ap-south-1'],
        budgets: ['shop-prod-monthly-cost', 'team-budget'],
      };
    });
    const message = problemsOf(text);
    expect(message).toMatch(/has 6 problems/);
    expect(message).toMatch(/accounts\[2\]\.adopt\.configRecorders\.eu-west-1 \(line \d+\): "eu-west-1" is not one of the governed regions \(us-east-1, ap-northeast-1\); the landing zone manages nothing there: add the region to organization\.governedRegions, or remove the entry/);
    expect(message).toMatch(/accounts\[2\]\.adopt\.accessAnalyzers\.eu-west-2 \(line \d+\): "eu-west-2" is not one of the governed regions/);
    expect(message).toMatch(/accounts\[2\]\.adopt\.ebsEncryptionByDefault\[1\] \(line \d+\): "eu-central-1" is not one of the governed regions/);
    expect(message).toMatch(/accounts\[2\]\.adopt\.guardDutyDetectors\.sa-east-1 \(line \d+\): "sa-east-1" is not one of the security regions \(us-east-1, ap-northeast-1\); the security services do not run there/);
    expect(message).toMatch(/accounts\[2\]\.adopt\.securityHub\[0\] \(line \d+\): "ap-south-1" is not one of the security regions/);
    expect(message).toMatch(/accounts\[2\]\.adopt\.budgets\[1\] \(line \d+\): "team-budget" is not a budget the landing zone manages for shop-prod \(it manages "shop-prod-monthly-cost"\); remove the entry: other budgets are left alone without one/);
  });

  it('takes every region as a security region with security.regions: all', () => {
    expect(() => adoptedConfig((c) => {
      c.security = { regions: 'all' };
      c.accounts[1].adopt.guardDutyDetectors['sa-east-1'] = 'abc123';
    })).not.toThrow();
  });

  it('accepts a recorder, analyzer or budget where the landing zone manages none as a record, and synthesizes no import for it', () => {
    // Config off for the whole OU (lz import records what exists there); the account's own entry turning it off while
    // adopting its recorders is a contradiction (config/validate/adopt-config-off.ts).
    const text = yamlWith((c) => {
      c.accounts[2].id = '222222222222';
      c.baseline = { ouOverrides: { 'Workloads/Prod': { config: { enabled: false } } } };
      c.accounts[2].baseline = { budget: { enabled: false } };
      c.accounts[2].adopt = { configRecorders: { 'us-east-1': { recorder: 'corp' } }, accessAnalyzers: { 'us-east-1': 'old' }, budgets: ['shop-prod-monthly-cost'] };
      c.organization.adopt = { accessAnalyzers: { 'ap-northeast-1': 'mgmt' } };
    });
    const stack = synthLandingZone(parseConfig(text, 'landing-zone.yaml')).stack('workload-shop-prod');
    expect(stack.import ?? []).toEqual([]);
    expect(resourcesOf(stack, 'aws_config_configuration_recorder')).toEqual({});
    expect(resourcesOf(stack, 'aws_budgets_budget')).toEqual({});
  });

  it('refuses a recorder Control Tower owns (the Control Tower rule: drop the entry)', () => {
    expect(
      problemsOf(
        yamlWith((c) => {
          c.controlTower = { homeRegion: 'us-east-1', governedRegions: ['us-east-1', 'ap-northeast-1'], registeredOus: ['Workloads/Prod'] };
          c.accounts[2].id = '222222222222';
          c.accounts[2].adopt = { configRecorders: { 'us-east-1': { recorder: 'aws-controltower-BaselineConfigRecorder' } } };
        }),
      ),
    ).toMatch(/accounts\[2\]\.adopt\.configRecorders\.us-east-1 \(line \d+\): account "shop-prod" is enrolled in Control Tower .* drop this entry/);
  });

  it('fails a budget name the landing zone does not manage (the member budget name on the management account)', () => {
    const message = problemsOf(yamlWith((c) => (c.organization.adopt = { budgets: ['management-monthly-cost'] })));
    expect(message).toMatch(/organization\.adopt\.budgets\[0\] \(line \d+\): "management-monthly-cost" is not a budget the landing zone manages for the management account \(it manages "acme-organization-monthly-cost"\); remove the entry/);
  });

  it("fails a management-account trail with the organization trail's name that is not that organization trail", () => {
    expect(problemsOf(yamlWith((c) => (c.organization.adopt = { trails: [{ name: 'acme-organization-trail', region: 'ap-northeast-1', multiRegion: true }] })))).toMatch(
      /organization\.adopt\.trails\[0\] \(line \d+\): trail "acme-organization-trail" has the name of the landing zone's organization trail but is not an organization trail logging every region from us-east-1 \(organization: false, multiRegion: true, region: ap-northeast-1\), so it cannot be adopted as that trail and creating ours would fail on the name; rename or delete the existing trail, or change organization\.name/,
    );
  });
});

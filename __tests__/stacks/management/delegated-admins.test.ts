import { parse } from 'yaml';
import { configFrom, exampleConfig, MINIMAL_YAML } from '../../harness/config';
import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';

const SECURITY_ID = '210987654322'; // examples/enterprise.yaml, adopted security account

describe('delegated administration to the security account (examples/enterprise.yaml)', () => {
  let m: StackJson;
  beforeAll(() => {
    m = synthLandingZone(exampleConfig('enterprise')).stack('management');
  });

  it('registers Config, Config multi-account setup, Access Analyzer and CloudTrail in Organizations', () => {
    const registered = Object.values(resourcesOf(m, 'aws_organizations_delegated_administrator'));
    expect(registered.map((r) => r.service_principal).sort()).toEqual([
      'access-analyzer.amazonaws.com', 'cloudtrail.amazonaws.com', 'config-multiaccountsetup.amazonaws.com', 'config.amazonaws.com',
    ]);
    for (const r of registered) expect(r.account_id).toBe(SECURITY_ID);
  });

  it('designates GuardDuty in every governed region through its own API, and never registers it twice', () => {
    const guardduty = Object.values(resourcesOf(m, 'aws_guardduty_organization_admin_account'));
    expect(guardduty).toHaveLength(3);
    expect(guardduty.map((g) => g.admin_account_id)).toEqual([SECURITY_ID, SECURITY_ID, SECURITY_ID]);
    expect(guardduty.map((g) => g.provider).sort()).toEqual(['aws', 'aws.ap-northeast-3', 'aws.us-east-1']);
    const principals = Object.values(resourcesOf(m, 'aws_organizations_delegated_administrator')).map((r) => r.service_principal);
    expect(principals).not.toContain('guardduty.amazonaws.com');
    expect(principals).not.toContain('securityhub.amazonaws.com');
  });

  it('designates Security Hub once, in the home region', () => {
    const hub = Object.values(resourcesOf(m, 'aws_securityhub_organization_admin_account'));
    expect(hub).toEqual([expect.objectContaining({ admin_account_id: SECURITY_ID })]);
    expect(hub[0].provider).toBe('aws');
  });

  it('designates Detective and Inspector per governed region when enabled, and no Macie administrator while Macie is off', () => {
    expect(Object.values(resourcesOf(m, 'aws_detective_organization_admin_account')).map((r) => r.account_id)).toEqual([SECURITY_ID, SECURITY_ID, SECURITY_ID]);
    expect(Object.values(resourcesOf(m, 'aws_inspector2_delegated_admin_account'))).toHaveLength(3);
    expect(resourcesOf(m, 'aws_macie2_organization_admin_account')).toEqual({});
  });
});

describe('delegated administration with every optional service on and services off (created security account)', () => {
  let m: StackJson;
  beforeAll(() => {
    const base = parse(MINIMAL_YAML);
    m = synthLandingZone(
      configFrom({
        ...base,
        security: { accessAnalyzer: { enabled: false }, detective: { enabled: true }, inspector: { enabled: true }, macie: { enabled: true } },
      }),
    ).stack('management');
  });

  it('designates Detective, Inspector and Macie in both governed regions with the created security account id', () => {
    for (const type of ['aws_detective_organization_admin_account', 'aws_inspector2_delegated_admin_account', 'aws_macie2_organization_admin_account']) {
      const all = Object.values(resourcesOf(m, type));
      expect(all).toHaveLength(2);
      for (const r of all) expect(r.account_id ?? r.admin_account_id).toMatch(/^\$\{aws_organizations_account\.Account-security_[0-9A-F]{8}\.id\}$/);
    }
  });

  it('leaves out Access Analyzer when it is off', () => {
    const principals = Object.values(resourcesOf(m, 'aws_organizations_delegated_administrator')).map((r) => r.service_principal);
    expect(principals).not.toContain('access-analyzer.amazonaws.com');
    expect(principals).toContain('cloudtrail.amazonaws.com');
  });
});

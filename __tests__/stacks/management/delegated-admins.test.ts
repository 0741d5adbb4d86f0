import { parse } from 'yaml';
import { configFrom, exampleConfig, MINIMAL_YAML } from '../../harness/config';
import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';

const SECURITY_ID = '210987654322'; // examples/enterprise.yaml, adopted security account

describe('delegated administration to the security account (examples/enterprise.yaml)', () => {
  let m: StackJson;
  beforeAll(() => {
    m = synthLandingZone(exampleConfig('enterprise')).stack('management');
  });

  it('registers Config, Config multi-account setup and Access Analyzer in Organizations, and CloudTrail only through CloudTrail', () => {
    const registered = Object.values(resourcesOf(m, 'aws_organizations_delegated_administrator'));
    expect(registered.map((r) => r.service_principal).sort()).toEqual([
      'access-analyzer.amazonaws.com', 'config-multiaccountsetup.amazonaws.com', 'config.amazonaws.com',
    ]);
    for (const r of registered) expect(r.account_id).toBe(SECURITY_ID);
    // CloudTrail's own registration creates its service-linked role in the management account; Organizations' does not.
    expect(Object.values(resourcesOf(m, 'aws_cloudtrail_organization_delegated_admin_account'))).toEqual([
      expect.objectContaining({ account_id: SECURITY_ID, provider: 'aws' }),
    ]);
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
    expect(principals).not.toContain('cloudtrail.amazonaws.com');
    expect(Object.values(resourcesOf(m, 'aws_cloudtrail_organization_delegated_admin_account'))).toHaveLength(1);
  });
});

/** Every delegated-administrator registration of the management stack, by Terraform address. */
const REGISTRATION_TYPES = [
  'aws_organizations_delegated_administrator',
  'aws_cloudtrail_organization_delegated_admin_account',
  'aws_guardduty_organization_admin_account',
  'aws_securityhub_organization_admin_account',
  'aws_detective_organization_admin_account',
  'aws_inspector2_delegated_admin_account',
  'aws_macie2_organization_admin_account',
];
function registrations(m: StackJson): Map<string, Record<string, any>> {
  const all = new Map<string, Record<string, any>>();
  for (const type of REGISTRATION_TYPES) for (const [name, r] of Object.entries(resourcesOf(m, type))) all.set(`${type}.${name}`, r);
  return all;
}

describe('delegated administration order (a fresh organization refuses parallel registrations)', () => {
  const check = (m: StackJson, expectedOthers: number) => {
    const all = registrations(m);
    const org = `aws_organizations_organization.${Object.keys(resourcesOf(m, 'aws_organizations_organization'))[0]}`;
    const isHome = (r: Record<string, any>) => r.provider === undefined || r.provider === 'aws';
    // Every registration, global and regional, forms one chain from the organization.
    const chain: string[] = [];
    let previous = org;
    for (;;) {
      const next = [...all].filter(([, r]) => (r.depends_on ?? []).includes(previous));
      if (next.length === 0) break;
      expect(next.map(([a]) => a)).toHaveLength(1); // never two registrations at once
      expect(next[0][1].depends_on).toEqual([previous]);
      previous = next[0][0];
      chain.push(previous);
    }
    expect([...chain].sort()).toEqual([...all.keys()].sort());
    // The home region (default provider) and the global registrations come first, then the other regions.
    const firstOther = chain.findIndex((a) => !isHome(all.get(a)!));
    const homePart = firstOther < 0 ? chain : chain.slice(0, firstOther);
    const otherPart = firstOther < 0 ? [] : chain.slice(firstOther);
    expect(otherPart.every((a) => !isHome(all.get(a)!))).toBe(true);
    expect(otherPart).toHaveLength(expectedOthers);
    return { chain: homePart, last: homePart[homePart.length - 1] };
  };

  it('chains the Organizations registrations and each service\'s home-region designation, then the other regions, one at a time (examples/enterprise.yaml)', () => {
    const m = synthLandingZone(exampleConfig('enterprise')).stack('management');
    // GuardDuty, Detective and Inspector in ap-northeast-3 and us-east-1 besides the home region.
    const { chain, last } = check(m, 3 * 2);
    expect(chain[0]).toMatch(/^aws_organizations_delegated_administrator\./);
    expect(chain.some((a) => a.startsWith('aws_cloudtrail_organization_delegated_admin_account.'))).toBe(true);
    expect(last).toMatch(/^aws_inspector2_delegated_admin_account\.ServiceAdmin-inspector2-ap-northeast-1_/);
  });

  it('orders every service when all of them are on', () => {
    const m = synthLandingZone(
      configFrom({ ...parse(MINIMAL_YAML), security: { detective: { enabled: true }, inspector: { enabled: true }, macie: { enabled: true } } }),
    ).stack('management');
    // GuardDuty, Detective, Inspector and Macie in ap-northeast-1 besides the home region us-east-1.
    const { chain } = check(m, 4);
    expect(chain).toHaveLength(3 + 6); // config, config-multiaccountsetup, access-analyzer; cloudtrail, guardduty, securityhub, detective, inspector2, macie2
  });
});

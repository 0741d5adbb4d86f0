import { exampleConfig, minimalConfig } from '../../harness/config';
import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';

const REGIONS = ['us-east-1', 'ap-northeast-1'];
/** The active accounts of MINIMAL_YAML other than the security account. */
const MEMBERS = ['log-archive', 'shop-dev', 'shop-prod'];

/** Resources of `type` as [construct path, resource] pairs. */
function byPath(json: StackJson, type: string): Array<[string, Record<string, any>]> {
  return Object.values(resourcesOf(json, type)).map((r) => [r['//'].metadata.path as string, r]);
}
/** `type.name` address of the resource at construct path `path`. */
function addressOf(json: StackJson, type: string, path: string): string {
  const found = Object.entries(resourcesOf(json, type)).find(([, r]) => r['//'].metadata.path === path);
  if (!found) throw new Error(`no ${type} at ${path}`);
  return `${type}.${found[0]}`;
}

describe('Detective, Inspector and Macie enroll the accounts that exist already', () => {
  let json: StackJson;
  beforeAll(() => {
    json = synthLandingZone(minimalConfig((c) => (c.security = { detective: { enabled: true }, inspector: { enabled: true }, macie: { enabled: true } }))).stack('security');
  });

  it('never mixes the administrator with members in one Inspector enabler (provider 5.100 refuses that at plan time)', () => {
    const enablers = byPath(json, 'aws_inspector2_enabler');
    expect(enablers).toHaveLength(REGIONS.length * (1 + MEMBERS.length));
    const security = /cross-stack-reference-input-management\.outputs\..*Account-security/;
    for (const [path, e] of enablers) {
      expect(e.account_ids).toHaveLength(1);
      if (path.endsWith('/Enabler')) expect(e.account_ids[0]).toMatch(security);
      else expect(e.account_ids[0]).not.toMatch(security);
    }
  });

  it('orders Inspector: administrator enabler, organization auto-enable, member association, member enabler', () => {
    for (const region of REGIONS) {
      const adminEnabler = addressOf(json, 'aws_inspector2_enabler', `security/Inspector-${region}/Enabler`);
      const organization = addressOf(json, 'aws_inspector2_organization_configuration', `security/Inspector-${region}/OrganizationConfiguration`);
      expect(resourcesOf(json, 'aws_inspector2_organization_configuration')[organization.split('.')[1]].depends_on).toEqual([adminEnabler]);
      for (const member of MEMBERS) {
        const association = addressOf(json, 'aws_inspector2_member_association', `security/Inspector-${region}/Member-${member}`);
        const [, a] = byPath(json, 'aws_inspector2_member_association').find(([p]) => p === `security/Inspector-${region}/Member-${member}`)!;
        expect(a).toMatchObject({ provider: `aws.security-${region}`, depends_on: [organization] });
        expect(a.account_id).toMatch(new RegExp(`Account-${member}`));
        const [, e] = byPath(json, 'aws_inspector2_enabler').find(([p]) => p === `security/Inspector-${region}/MemberEnabler-${member}`)!;
        expect(e).toMatchObject({ depends_on: [association], resource_types: ['EC2', 'ECR', 'LAMBDA'] });
        expect(e.account_ids).toEqual([a.account_id]);
      }
    }
  });

  it('enables every existing account as a Detective member of the organization graph, in every region, without e-mail', () => {
    const members = byPath(json, 'aws_detective_member');
    expect(members.map(([p]) => p).sort()).toEqual(REGIONS.flatMap((r) => MEMBERS.map((m) => `security/Detective-${r}/Member-${m}`)).sort());
    for (const region of REGIONS) {
      const organization = addressOf(json, 'aws_detective_organization_configuration', `security/Detective-${region}/OrganizationConfiguration`);
      const [, shop] = members.find(([p]) => p === `security/Detective-${region}/Member-shop-prod`)!;
      expect(shop).toMatchObject({ email_address: 'aws+shop-prod@acme.example', disable_email_notification: true, depends_on: [organization], provider: `aws.security-${region}` });
      expect(shop.graph_arn).toMatch(/^\$\{aws_detective_graph\.Detective-.*\.graph_arn\}$/);
    }
  });

  it('adds every existing account as a Macie member, in every region, after the organization configuration', () => {
    const members = byPath(json, 'aws_macie2_member');
    expect(members.map(([p]) => p).sort()).toEqual(REGIONS.flatMap((r) => MEMBERS.map((m) => `security/Macie-${r}/Member-${m}`)).sort());
    for (const [path, m] of members) {
      const region = /Macie-([a-z0-9-]+)\//.exec(path)![1];
      expect(m.depends_on).toEqual([addressOf(json, 'aws_macie2_organization_configuration', `security/Macie-${region}/OrganizationConfiguration`)]);
      expect(m.email).toMatch(/^aws\+.+@acme\.example$/);
      expect(m.invite).toBeUndefined(); // organization accounts join without an invitation
    }
  });

  it("adopts the administrator's Macie session that designating the administrator enabled, in every region", () => {
    const accounts = Object.keys(resourcesOf(json, 'aws_macie2_account'));
    expect(accounts).toHaveLength(REGIONS.length);
    const imports = (json.import ?? []).filter((i) => i.to.startsWith('aws_macie2_account.'));
    expect(imports.map((i) => i.to).sort()).toEqual(accounts.map((a) => `aws_macie2_account.${a}`).sort());
    for (const i of imports) expect(i.id).toMatch(/cross-stack-reference-input-management\.outputs\..*Account-security/);
  });
});

describe('enrolment in examples/enterprise.yaml (adopted and created accounts, one suspended, one closed)', () => {
  it('enrolls every account of the config but the security account, suspended ones too, with literal ids for adopted ones', () => {
    const json = synthLandingZone(exampleConfig('enterprise')).stack('security');
    const members = byPath(json, 'aws_detective_member').filter(([p]) => p.startsWith('security/Detective-ap-northeast-1/'));
    expect(members.map(([p]) => p.split('Member-')[1]).sort()).toEqual(['legacy-batch', 'log-archive', 'network', 'payments-dev', 'payments-prod', 'sandbox-alice', 'web-prod']);
    expect(members.find(([p]) => p.endsWith('Member-payments-prod'))![1].account_id).toBe('210987654323');
    const associations = byPath(json, 'aws_inspector2_member_association').map(([, a]) => a.account_id);
    expect(associations).not.toContain('210987654322'); // the security account administers, it is no member
    expect(associations).toContain('210987654324'); // legacy-batch is suspended: still monitored
    expect(associations).not.toContain('210987654399'); // old-poc is closed
  });
});

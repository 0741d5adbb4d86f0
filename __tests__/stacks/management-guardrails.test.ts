import { parse } from 'yaml';
import { configFrom, exampleConfig, MINIMAL_YAML } from '../harness/config';
import type { StackJson } from '../harness/synth';
import { Testing } from '../../lib/cdktf';
import { ManagementStack } from '../../stacks/management-stack';
import type { LandingZoneConfig } from '../../config/schema';

/** The management stack alone (its guardrails reference only its own resources). */
function synthManagement(config: LandingZoneConfig): StackJson {
  const stack = new ManagementStack(Testing.app(), 'management', { config });
  return JSON.parse(Testing.synth(stack));
}

function policies(json: StackJson): Record<string, any> {
  return json.resource?.aws_organizations_policy ?? {};
}
function attachments(json: StackJson): Record<string, any> {
  return json.resource?.aws_organizations_policy_attachment ?? {};
}
function policyNamed(json: StackJson, name: string): [string, any] {
  const found = Object.entries(policies(json)).find(([, p]) => p.name === name);
  if (!found) throw new Error(`no policy named ${name}; have ${Object.values(policies(json)).map((p: any) => p.name).join(', ')}`);
  return found;
}
/** Targets (Terraform expressions) a policy is attached to. */
function targetsOf(json: StackJson, name: string): string[] {
  const [key] = policyNamed(json, name);
  return Object.values(attachments(json))
    .filter((a: any) => a.policy_id === `\${aws_organizations_policy.${key}.id}`)
    .map((a: any) => a.target_id as string);
}

describe('management stack guardrails, minimal config defaults', () => {
  let mgmt: StackJson;
  beforeAll(() => {
    const input = parse(MINIMAL_YAML);
    input.accounts.push({ name: 'old-app', email: 'aws+old@acme.example', ou: 'Workloads/Dev', state: 'suspended' });
    mgmt = synthManagement(configFrom(input));
  });

  it('creates the seed 004 set, the five Root SCPs packed into as few documents as fit beside FullAWSAccess', () => {
    const byName = Object.fromEntries(Object.values(policies(mgmt)).map((p: any) => [p.name, p.type]));
    const packedNames = Object.keys(byName).filter((n) => n.startsWith('lz-scp-Root-'));
    // The Root set is over one document's 5,120 characters once the roles it exempts and protects
    // (plan role, StackSet execution roles) are in it; it packs into two, leaving 2 of Root's 5 SCP slots.
    expect(packedNames.sort()).toEqual(['lz-scp-Root-1', 'lz-scp-Root-2']);
    expect(byName).toEqual({
      ...Object.fromEntries(packedNames.map((n) => [n, 'SERVICE_CONTROL_POLICY'])),
      'protect-log-archive': 'SERVICE_CONTROL_POLICY',
      'deny-all': 'SERVICE_CONTROL_POLICY',
      'org-principals-only': 'RESOURCE_CONTROL_POLICY',
      'https-only': 'RESOURCE_CONTROL_POLICY',
      'ec2-block-public-access': 'DECLARATIVE_POLICY_EC2',
    });
    const packed = packedNames.map((n) => policyNamed(mgmt, n)[1]);
    const sids = packed.flatMap((p) => JSON.parse(p.content).Statement.map((s: any) => s.Sid));
    expect(sids).toEqual(
      expect.arrayContaining(['DenyLeaveOrganization', 'DenyRootUser', 'DenyOutsideGovernedRegions', 'ProtectSecurityServices', 'DenyIamUsersAndAccessKeys']),
    );
    for (const p of packed) expect(p.content.length).toBeLessThanOrEqual(5120);
    expect(packed.map((p) => p.description).join(' ')).toContain('region-deny');
  });

  it('attaches the Root set to the root, protect-log-archive to the log-archive account and deny-all to Suspended', () => {
    expect(targetsOf(mgmt, 'lz-scp-Root-1')).toEqual([expect.stringMatching(/^\$\{aws_organizations_organization\.[\w-]+\.roots\[0\]\.id\}$/)]);
    expect(targetsOf(mgmt, 'org-principals-only')).toEqual(targetsOf(mgmt, 'lz-scp-Root-1'));
    expect(targetsOf(mgmt, 'protect-log-archive')).toEqual([expect.stringMatching(/aws_organizations_account\.[\w-]*log-archive[\w-]*\.id/)]);
    expect(targetsOf(mgmt, 'deny-all')).toEqual([expect.stringMatching(/aws_organizations_organizational_unit\.[\w-]*Suspended[\w-]*\.id/)]);
  });

  it('puts a reference to the organization id into the RCP content', () => {
    const [, rcp] = policyNamed(mgmt, 'org-principals-only');
    expect(rcp.content).toMatch(/"aws:PrincipalOrgID":"\$\{aws_organizations_organization\.[\w-]+\.id\}"/);
    expect(rcp.content).not.toContain('o-zzzz');
  });

  it('uses construct ids from policy and target names', () => {
    const keys = Object.keys(attachments(mgmt));
    expect(keys.some((k) => k.includes('lz-scp-Root-1') && k.includes('Root'))).toBe(true);
    expect(keys.some((k) => k.includes('deny-all') && k.includes('Suspended'))).toBe(true);
  });

  it('makes every policy wait for the organization', () => {
    for (const p of Object.values(policies(mgmt))) {
      expect(p.depends_on).toEqual([expect.stringMatching(/^aws_organizations_organization\./)]);
    }
  });
});

describe('management stack guardrails, enterprise example', () => {
  let mgmt: StackJson;
  beforeAll(() => {
    mgmt = synthManagement(exampleConfig('enterprise'));
  });

  it('creates a policy of every type', () => {
    const types = new Set(Object.values(policies(mgmt)).map((p: any) => p.type));
    expect([...types].sort()).toEqual([
      'AISERVICES_OPT_OUT_POLICY',
      'DECLARATIVE_POLICY_EC2',
      'RESOURCE_CONTROL_POLICY',
      'SERVICE_CONTROL_POLICY',
      'TAG_POLICY',
    ]);
  });

  it('keeps every document within its size quota', () => {
    const max: Record<string, number> = {
      SERVICE_CONTROL_POLICY: 5120,
      RESOURCE_CONTROL_POLICY: 5120,
      DECLARATIVE_POLICY_EC2: 10000,
      TAG_POLICY: 10000,
      AISERVICES_OPT_OUT_POLICY: 2500,
    };
    for (const p of Object.values(policies(mgmt))) expect(p.content.length).toBeLessThanOrEqual(max[p.type]);
  });
});

describe('management stack guardrails, stable construct ids', () => {
  it('keeps resource addresses when entries and targets are reordered', () => {
    const base = parse(MINIMAL_YAML);
    const custom = (name: string) => ({ name, targets: ['Workloads/Prod', 'shop-dev'], document: { Version: '2012-10-17', Statement: [{ Sid: name.replace(/-/g, ''), Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' }] } });
    const a = synthManagement(configFrom({ ...base, guardrails: { scp: [custom('c-one'), custom('c-two')] } }));
    const reordered = [custom('c-two'), custom('c-one')].map((c) => ({ ...c, targets: [...c.targets].reverse() }));
    const b = synthManagement(configFrom({ ...base, guardrails: { scp: reordered } }));
    expect(Object.keys(attachments(b)).sort()).toEqual(Object.keys(attachments(a)).sort());
    expect(Object.keys(policies(b)).sort()).toEqual(Object.keys(policies(a)).sort());
    expect(Object.keys(attachments(a)).filter((k) => k.includes('c-one'))).toHaveLength(2);
  });
});

import { parse } from 'yaml';
import { configFrom, exampleConfig, MINIMAL_YAML, problemsOf } from '../harness/config';
import { controlTowerEnterprise } from '../harness/control-tower';
import { planGuardrails } from '../../policies/plan';
import { mergeManagement, packManagement, packStatements } from '../../policies/packing';
import { iamActions } from '../../policies/iam-actions';

/** A custom SCP denying `count` real EC2 actions starting at `from` (about 25 characters each). */
function customScp(name: string, from: number, count: number, targets = ['Root']) {
  const actions = iamActions('ec2').slice(from, from + count).map((a) => `ec2:${a}`);
  return { name, targets, document: { Version: '2012-10-17', Statement: [{ Sid: name.replace(/-/g, ''), Effect: 'Deny', Action: actions, Resource: '*' }] } };
}

function withGuardrails(guardrails: object) {
  const input = parse(MINIMAL_YAML);
  input.guardrails = guardrails;
  return input;
}

describe('packing SCPs at one target', () => {
  it('packs five catalogue SCPs and three custom ones at Root into at most 4 documents beside FullAWSAccess', () => {
    const config = configFrom(withGuardrails({ scp: [customScp('c-one', 0, 10), customScp('c-two', 10, 10), customScp('c-three', 20, 10)] }));
    const plan = planGuardrails(config);
    expect(plan.problems).toEqual([]);
    const atRoot = plan.policies.filter((p) => p.kind === 'scp' && p.targets.includes('Root'));
    expect(atRoot.length).toBeGreaterThan(0);
    expect(atRoot.length).toBeLessThanOrEqual(4);
    for (const p of atRoot) expect(p.content.length).toBeLessThanOrEqual(5120);
    const sids = atRoot.flatMap((p) => JSON.parse(p.content).Statement.map((s: any) => s.Sid));
    expect(sids).toEqual(expect.arrayContaining(['DenyOutsideGovernedRegions', 'DenyRootUser', 'cone', 'ctwo', 'cthree']));
    // Every statement is kept exactly once.
    expect(new Set(sids).size).toBe(sids.length);
  });

  it.each([
    ['the minimal example', () => configFrom(parse(MINIMAL_YAML))],
    ['the enterprise example', () => exampleConfig('enterprise')],
    ['the enterprise example in Control Tower mode', () => controlTowerEnterprise()],
  ])('fits the default Root SCPs of %s into the 4 free slots, each document within 5,120 characters, every statement once', (_label, config) => {
    const plan = planGuardrails(config());
    expect(plan.problems).toEqual([]);
    const atRoot = plan.policies.filter((p) => p.kind === 'scp' && p.targets.includes('Root'));
    expect(atRoot.length).toBeLessThanOrEqual(4);
    for (const p of atRoot) expect([p.name, p.content.length <= 5120]).toEqual([p.name, true]);
    const sids = atRoot.flatMap((p) => JSON.parse(p.content).Statement.map((s: any) => s.Sid));
    expect(sids).toEqual(expect.arrayContaining(['ProtectSecurityServices', 'ProtectLandingZoneRoles', 'ProtectStackSetRoles', 'DenyOutsideGovernedRegions']));
    expect(new Set(sids).size).toBe(sids.length);
  });

  it('leaves policies alone at targets within the quota', () => {
    const config = configFrom(withGuardrails({ defaults: false, scp: [customScp('c-one', 0, 10, ['Workloads/Prod']), customScp('c-two', 10, 10, ['Workloads/Prod'])] }));
    const plan = planGuardrails(config);
    expect(plan.policies.map((p) => [p.name, p.targets])).toEqual([
      ['c-one', ['Workloads/Prod']],
      ['c-two', ['Workloads/Prod']],
    ]);
  });

  it('fails naming the target, the count and the fix when packing cannot get under the quota', () => {
    const scp = Array.from({ length: 8 }, (_, i) => customScp(`big-${i}`, i * 100, 90));
    const message = problemsOf(JSON.stringify(withGuardrails({ scp })));
    expect(message).toMatch(/guardrails\.scp\[0\]\.targets\[0\].*: Root has 13 SCPs \(.*big-7\) that need \d+ documents of at most 5,120 characters even when packed, but AWS allows 5 SCPs per target and FullAWSAccess takes one, leaving 4; attach some of them to OUs or accounts below Root instead/);
  });

  it('fails when one statement alone is over the size limit', () => {
    const message = problemsOf(JSON.stringify(withGuardrails({ scp: [customScp('huge', 0, 300, ['Workloads/Dev'])] })));
    expect(message).toMatch(/guardrails\.scp\[0\]\.targets\[0\].*: statement "huge" of SCP "huge" is [\d,]+ characters minified, over the 5,120-character SCP limit even alone; split it into smaller statements/);
  });
});

describe('packStatements', () => {
  const st = (sid: string, action: string) => ({ Sid: sid, Effect: 'Deny' as const, Action: action, Resource: '*' });

  it('keeps identical statements once and renames colliding Sids', () => {
    const result = packStatements(
      [
        { Version: '2012-10-17', Statement: [st('A', 's3:GetObject'), st('B', 's3:PutObject')] },
        { Version: '2012-10-17', Statement: [st('A', 's3:GetObject'), st('A', 's3:DeleteObject')] },
      ],
      5120,
    );
    if (!result.ok) throw new Error('expected packing to succeed');
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0].Statement.map((s) => s.Sid)).toEqual(['A', 'B', 'A2']);
  });

  it('opens a new document when the next statement does not fit', () => {
    const long = (sid: string) => st(sid, `s3:${sid.repeat(60)}`);
    const size = JSON.stringify(long('A')).length;
    const max = JSON.stringify({ Version: '2012-10-17', Statement: [] }).length + 2 * size + 1; // room for exactly two
    const result = packStatements([{ Version: '2012-10-17', Statement: [long('A'), long('B'), long('C')] }], max);
    if (!result.ok) throw new Error('expected packing to succeed');
    expect(result.documents.map((d) => d.Statement.length)).toEqual([2, 1]);
    for (const d of result.documents) expect(JSON.stringify(d).length).toBeLessThanOrEqual(max);
  });
});

describe('packing management policies', () => {
  it('merges tag policies that do not conflict and keeps conflicting ones apart', () => {
    const tag = (key: string, value: string) => ({ tags: { [key.toLowerCase()]: { tag_key: { '@@assign': key }, tag_value: { '@@assign': [value] } } } });
    expect(mergeManagement(tag('A', '1'), tag('B', '2'))).toEqual({ tags: { ...tag('A', '1').tags, ...tag('B', '2').tags } });
    expect(mergeManagement(tag('A', '1'), tag('A', '2'))).toBeUndefined();
    expect(packManagement([tag('A', '1'), tag('B', '2'), tag('A', '2')], 10000)).toHaveLength(2);
  });

  it('packs eleven tag policies at Root (quota 10) into one document', () => {
    const tag = Array.from({ length: 11 }, (_, i) => ({
      name: `tags-${i}`,
      targets: ['Root'],
      document: { tags: { [`key${i}`]: { tag_key: { '@@assign': `Key${i}` } } } },
    }));
    const plan = planGuardrails(configFrom(withGuardrails({ tag })));
    expect(plan.problems).toEqual([]);
    const tags = plan.policies.filter((p) => p.kind === 'tag');
    expect(tags.map((p) => p.name)).toEqual(['lz-tag-Root-1']);
    expect(Object.keys(JSON.parse(tags[0].content).tags)).toHaveLength(11);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { configFrom, MINIMAL_YAML, problemsOf } from '../harness/config';
import { parseConfig } from '../../config/load';
import { ConfigError } from '../../config/problems';
import { policyTypesInUse } from '../../policies/policy-types';
import { effectiveGuardrails } from '../../policies/effective';

function yamlWith(guardrails: object): string {
  const input = parse(MINIMAL_YAML);
  input.guardrails = guardrails;
  return stringify(input);
}

describe('guardrails config', () => {
  it('switches the seed 004 set on at Root by default', () => {
    const config = configFrom(parse(MINIMAL_YAML));
    const atRoot = effectiveGuardrails(config).filter((g) => g.targets.includes('Root')).map((g) => g.name);
    expect(atRoot).toEqual([
      'deny-leave-organization',
      'deny-root-user',
      'region-deny',
      'protect-security-services',
      'deny-iam-user-access-keys',
      'org-principals-only',
      'https-only',
      'ec2-block-public-access',
    ]);
    expect(effectiveGuardrails(config).find((g) => g.name === 'protect-log-archive')?.targets).toEqual(['log-archive']);
    expect(policyTypesInUse(config)).toEqual(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY', 'DECLARATIVE_POLICY_EC2']);
  });

  it('lets an entry replace a default and switch one off', () => {
    const config = parseConfig(yamlWith({ scp: [{ policy: 'region-deny', targets: ['Workloads'] }, { policy: 'deny-root-user', enabled: false }] }));
    const byName = new Map(effectiveGuardrails(config).map((g) => [g.name, g.targets]));
    expect(byName.get('region-deny')).toEqual(['Workloads']);
    expect(byName.has('deny-root-user')).toBe(false);
  });

  it('reports every policy type in use, and none when guardrails are off', () => {
    const config = parseConfig(yamlWith({ tag: [{ policy: 'tag-policy', targets: ['Root'] }], aiOptOut: [{ policy: 'ai-opt-out', targets: ['Root'] }] }));
    expect(policyTypesInUse(config)).toEqual(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY', 'DECLARATIVE_POLICY_EC2', 'TAG_POLICY', 'AISERVICES_OPT_OUT_POLICY']);
    expect(policyTypesInUse(parseConfig(yamlWith({ enabled: false })))).toEqual([]);
  });

  it('fails on an OU target that does not exist, with a suggestion', () => {
    expect(problemsOf(yamlWith({ scp: [{ policy: 'region-deny', targets: ['Workload/Prod'] }] }))).toContain(
      'guardrails.scp[0].targets[0] (line',
    );
    expect(problemsOf(yamlWith({ scp: [{ policy: 'region-deny', targets: ['Workload/Prod'] }] }))).toMatch(
      /guardrails\.scp\[0\]\.targets\[0\] \(line \d+\): OU "Workload\/Prod" does not exist; did you mean "Workloads\/Prod"\?/,
    );
  });

  it('fails on an account target that does not exist', () => {
    expect(problemsOf(yamlWith({ scp: [{ policy: 'deny-all', targets: ['shop-prd'] }] }))).toMatch(/account "shop-prd" does not exist; did you mean "shop-prod"\?/);
  });

  it('fails on an unknown catalogue name with a suggestion', () => {
    expect(problemsOf(yamlWith({ scp: [{ policy: 'region-denny' }] }))).toMatch(/guardrails\.scp\[0\]\.policy.*: "region-denny" is not in the guardrail catalogue; did you mean "region-deny"\?/);
  });

  it('fails on a catalogue entry in the wrong section', () => {
    expect(problemsOf(yamlWith({ scp: [{ policy: 'https-only' }] }))).toMatch(/"https-only" is an RCP; list it under guardrails\.rcp/);
  });

  it('fails on an option the entry does not take', () => {
    expect(problemsOf(yamlWith({ scp: [{ policy: 'deny-root-user', options: { allowedRegions: ['eu-west-1'] } }] }))).toMatch(
      /guardrails\.scp\[0\]\.options\.allowedRegions.*: does not apply to deny-root-user; it takes no options/,
    );
  });

  it('fails on a custom policy without targets', () => {
    expect(problemsOf(yamlWith({ scp: [{ name: 'x', document: { Version: '2012-10-17', Statement: [] } }] }))).toMatch(/guardrails\.scp\[0\]\.targets.*: is required for a custom policy/);
  });
});

describe('custom policy files', () => {
  function configIn(files: Record<string, string>, guardrails: object): string {
    const dir = mkdtempSync(join(tmpdir(), 'lz-guardrails-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const file = join(dir, 'landing-zone.yaml');
    writeFileSync(file, yamlWith(guardrails));
    return file;
  }
  function load(file: string) {
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    return parseConfig(readFileSync(file, 'utf8'), file);
  }
  function problemsIn(file: string): string {
    try {
      load(file);
    } catch (e) {
      if (e instanceof ConfigError) return e.message;
      throw e;
    }
    throw new Error('expected problems');
  }
  const scp = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

  it('reads a file relative to the config file into the entry', () => {
    const doc = { Sid: 'NoBigInstances', Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' };
    const file = configIn({ 'small.json': scp(doc) }, { scp: [{ file: 'small.json', targets: ['Workloads/Dev'] }] });
    const g = effectiveGuardrails(load(file)).find((x) => x.name === 'small');
    expect(g?.document).toEqual({ Version: '2012-10-17', Statement: [doc] });
    expect(g?.targets).toEqual(['Workloads/Dev']);
  });

  it('fails on a file that does not exist or is not JSON', () => {
    const file = configIn({ 'bad.json': '{ "Version": ' }, { scp: [{ file: 'missing.json', targets: ['Root'] }, { file: 'bad.json', targets: ['Root'] }] });
    const message = problemsIn(file);
    expect(message).toMatch(/guardrails\.scp\[0\]\.file.*: "missing\.json" cannot be read \(ENOENT at .*missing\.json\); paths are relative to the folder of the config file/);
    expect(message).toMatch(/guardrails\.scp\[1\]\.file.*: "bad\.json" is not valid JSON/);
  });

  it('fails on an action that does not exist, with a suggestion', () => {
    const file = configIn({ 'typo.json': scp({ Effect: 'Deny', Action: ['ec2:RunInstance', 's3:GetObject'], Resource: '*' }) }, { scp: [{ file: 'typo.json', targets: ['Root'] }] });
    expect(problemsIn(file)).toMatch(/guardrails\.scp\[0\]\.file.*: "typo\.json" Statement\[0\]\.Action\[0\] "ec2:RunInstance" is not an IAM action; did you mean "ec2:RunInstances"\?/);
  });

  it('fails on an unknown service and on grammar mistakes', () => {
    const file = configIn(
      { 'grammar.json': JSON.stringify({ Version: '2012-10-18', Statement: [{ Effect: 'Deny', Actions: 'ec2:RunInstances', Resource: '*' }, { Effect: 'Deny', Action: 'ecc2:RunInstances', Resource: '*' }] }) },
      { scp: [{ file: 'grammar.json', targets: ['Root'] }] },
    );
    const message = problemsIn(file);
    expect(message).toContain('Version is "2012-10-18"; use "2012-10-17"');
    expect(message).toContain('Statement[0].Actions is not allowed in an SCP; did you mean "Action"?');
    expect(message).toContain('Statement[1].Action "ecc2:RunInstances" names no AWS service; did you mean "ec2"?');
  });

  it('fails on an RCP that allows or names a principal', () => {
    const file = configIn(
      { 'rcp.json': scp({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*' }) },
      { rcp: [{ file: 'rcp.json', targets: ['Root'] }] },
    );
    const message = problemsIn(file);
    expect(message).toContain('RCPs only deny');
    expect(message).toContain('RCPs need "Principal": "*"');
  });

  it('fails on a declarative policy without ec2_attributes', () => {
    const file = configIn({ 'decl.json': JSON.stringify({ ec2_attribute: {} }) }, { declarative: [{ file: 'decl.json', targets: ['Root'] }] });
    expect(problemsIn(file)).toMatch(/"decl\.json" has no "ec2_attributes" at the top level/);
  });
});

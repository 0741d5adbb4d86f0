import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseConfig } from '../../config/load';
import { ConfigError } from '../../config/problems';
import { exampleConfig, MINIMAL_YAML } from '../harness/config';
import { awsProvider, onlyResource, resourcesOf, synthLandingZone, type StackJson } from '../harness/synth';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub "alerts-\${AWS::Region}"
`;

/** A config file in a scratch folder with its StackSet templates beside it. */
function withFiles(stackSets: unknown[], files: Record<string, string>, edit?: (input: any) => void): { dir: string; text: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lz-stacksets-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  const input = parse(MINIMAL_YAML);
  input.stackSets = stackSets;
  edit?.(input);
  return { dir, text: stringify(input), file: join(dir, 'landing-zone.yaml') };
}

function problems(stackSets: unknown[], files: Record<string, string> = {}): string {
  const { dir, text, file } = withFiles(stackSets, files);
  try {
    parseConfig(text, file);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('expected the config to have problems, but it loaded');
}

describe('StackSets (examples/enterprise.yaml)', () => {
  let stack: StackJson;
  beforeAll(() => {
    stack = synthLandingZone(exampleConfig('enterprise')).stack('management');
  });

  it('creates a service-managed StackSet with automatic deployment from the template file read by the loader', () => {
    const set = onlyResource(stack, 'aws_cloudformation_stack_set');
    expect(set).toEqual(
      expect.objectContaining({
        name: 'globex-audit-role',
        permission_model: 'SERVICE_MANAGED',
        call_as: 'SELF',
        auto_deployment: { enabled: true, retain_stacks_on_account_removal: false },
        capabilities: ['CAPABILITY_NAMED_IAM'],
        parameters: { AuditorAccountId: '210987654322' },
        provider: 'aws',
      }),
    );
    expect(set.template_body).toContain('RoleName: GlobexAuditReadOnly');
    // CloudFormation's ${...} is escaped so Terraform does not evaluate it
    expect(set.template_body).toContain('!Sub "arn:aws:iam::$${AuditorAccountId}:root"');
    expect(set.lifecycle).toEqual({ ignore_changes: ['administration_role_arn'] });
  });

  it('activates CloudFormation\'s trusted access with Organizations once, after the organization, before the StackSet', () => {
    const activation = Object.entries(resourcesOf(stack, 'terraform_data'));
    expect(activation).toHaveLength(1);
    const [name, data] = activation[0];
    const organization = `aws_organizations_organization.${Object.keys(resourcesOf(stack, 'aws_organizations_organization'))[0]}`;
    expect(data).toEqual(
      expect.objectContaining({
        depends_on: [organization],
        triggers_replace: { organizationId: `\${${organization}.id}`, region: 'ap-northeast-1' },
        provisioner: [{ 'local-exec': { command: 'aws cloudformation activate-organizations-access --region ap-northeast-1' } }],
      }),
    );
    expect(onlyResource(stack, 'aws_cloudformation_stack_set').depends_on).toEqual([organization, `terraform_data.${name}`]);
    // Organizations' trusted-access principal stays on as well (the organization's service access list).
    expect(onlyResource(stack, 'aws_organizations_organization').aws_service_access_principals).toContain('member.org.stacksets.cloudformation.amazonaws.com');
  });

  it('activates nothing without StackSets', () => {
    expect(resourcesOf(synthLandingZone(exampleConfig('minimal')).stack('management'), 'terraform_data')).toEqual({});
  });

  it('deploys one instance per region to the target OU ids', () => {
    const instances = Object.values(resourcesOf(stack, 'aws_cloudformation_stack_set_instance'));
    expect(instances).toHaveLength(1);
    expect(instances[0]).toEqual(
      expect.objectContaining({
        region: 'ap-northeast-1',
        call_as: 'SELF',
        deployment_targets: { organizational_unit_ids: [expect.stringMatching(/^\$\{aws_organizations_organizational_unit\.OU-Workloads_[0-9A-F]{8}\.id\}$/)] },
        stack_set_name: expect.stringMatching(/^\$\{aws_cloudformation_stack_set\.StackSet-globex-audit-role_[0-9A-F]{8}\.name\}$/),
      }),
    );
  });
});

describe('StackSets from a config folder', () => {
  it('targets Root and several OUs in every governed region by default, and runs DELEGATED_ADMIN ones as the security account', () => {
    const { dir, text, file } = withFiles(
      [
        { name: 'alerts', template: 'alerts.yaml', targets: ['Root'] },
        { name: 'prod-only', template: 'alerts.yaml', targets: ['Workloads/Prod', 'Workloads/Dev'], callAs: 'DELEGATED_ADMIN', autoDeployment: { retainStacksOnAccountRemoval: true } },
      ],
      { 'alerts.yaml': TEMPLATE },
    );
    let stack: StackJson;
    try {
      stack = synthLandingZone(parseConfig(text, file)).stack('management');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const sets = Object.values(resourcesOf(stack, 'aws_cloudformation_stack_set'));
    const alerts = sets.find((s) => s.name === 'alerts')!;
    expect(alerts.template_body).toContain('TopicName: !Sub "alerts-$${AWS::Region}"');
    const instances = Object.values(resourcesOf(stack, 'aws_cloudformation_stack_set_instance'));
    const alertInstances = instances.filter((i) => i.stack_set_name.includes('StackSet-alerts_'));
    expect(alertInstances.map((i) => i.region).sort()).toEqual(['ap-northeast-1', 'us-east-1']);
    expect(alertInstances[0].deployment_targets.organizational_unit_ids).toEqual([expect.stringMatching(/^\$\{aws_organizations_organization\.Organization_[0-9A-F]{8}\.roots\[0\]\.id\}$/)]);

    const delegated = sets.find((s) => s.name === 'prod-only')!;
    expect(delegated.call_as).toBe('DELEGATED_ADMIN');
    expect(delegated.provider).toBe('aws.security-us-east-1');
    expect(delegated.auto_deployment).toEqual({ enabled: true, retain_stacks_on_account_removal: true });
    expect(awsProvider(stack, 'security-us-east-1').assume_role[0].role_arn).toMatch(/Account-security_/);
    const prodInstances = instances.filter((i) => i.stack_set_name.includes('StackSet-prod-only_'));
    expect(prodInstances).toHaveLength(2);
    expect(prodInstances.every((i) => i.call_as === 'DELEGATED_ADMIN' && i.deployment_targets.organizational_unit_ids.length === 2)).toBe(true);

    // Organization → CloudFormation's trusted-access activation → StackSets delegated administrator → StackSet.
    const organization = `aws_organizations_organization.${Object.keys(resourcesOf(stack, 'aws_organizations_organization'))[0]}`;
    const activation = `terraform_data.${Object.keys(resourcesOf(stack, 'terraform_data'))[0]}`;
    const registrations = Object.entries(resourcesOf(stack, 'aws_organizations_delegated_administrator'));
    const stackSetsAdmin = registrations.find(([, r]) => r.service_principal === 'member.org.stacksets.cloudformation.amazonaws.com');
    expect(stackSetsAdmin).toBeDefined();
    // The registration is also a link of the delegated-administrator chain (stacks/management/delegated-admins.ts).
    expect(stackSetsAdmin![1].depends_on).toEqual([expect.stringMatching(/^aws_organizations_(organization|delegated_administrator)\./), activation]);
    expect(delegated.depends_on).toEqual([organization, activation, `aws_organizations_delegated_administrator.${stackSetsAdmin![0]}`]);
    expect(alerts.depends_on).toEqual([organization, activation]);
  });

  it('accepts an inline JSON templateBody', () => {
    const { dir, text, file } = withFiles([{ name: 'inline', templateBody: '{"Resources":{"T":{"Type":"AWS::SNS::Topic"}}}', targets: ['Workloads'] }], {});
    try {
      const config = parseConfig(text, file);
      expect(config.stackSets[0].templateBody).toBe('{"Resources":{"T":{"Type":"AWS::SNS::Topic"}}}');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails a template file that does not exist, naming the path and where it is looked for', () => {
    const message = problems([{ name: 'missing', template: 'stacksets/nope.yaml', targets: ['Workloads'] }]);
    expect(message).toMatch(/stackSets\[0\]\.template \(line \d+\): "stacksets\/nope\.yaml" cannot be read \(ENOENT at .*stacksets\/nope\.yaml\); the path is relative to the folder of the config file/);
  });

  it('fails a template that is not valid JSON', () => {
    const message = problems([{ name: 'broken', template: 'broken.json', targets: ['Workloads'] }], { 'broken.json': '{ "Resources": { "T": ' });
    expect(message).toContain('stackSets[0].template');
    expect(message).toContain('template "broken.json" is not valid JSON:');
  });

  it('fails a template that is not valid YAML', () => {
    const message = problems([{ name: 'broken', template: 'broken.yaml', targets: ['Workloads'] }], { 'broken.yaml': 'Resources:\n  T:\n    Type: [AWS::SNS::Topic\n' });
    expect(message).toContain('template "broken.yaml" is not valid YAML:');
  });

  it('fails a file that parses but is not a CloudFormation template', () => {
    const message = problems([{ name: 'empty', template: 'notes.yaml', targets: ['Workloads'] }], { 'notes.yaml': 'just: some notes\n' });
    expect(message).toContain('template "notes.yaml" is not a CloudFormation template: it needs a Resources section with at least one resource');
  });

  it('fails an entry with no template, or with both template and templateBody', () => {
    expect(problems([{ name: 'none', targets: ['Workloads'] }])).toContain('StackSet "none" has no template; set template to a CloudFormation file relative to the config file');
    expect(problems([{ name: 'both', template: 'a.yaml', templateBody: TEMPLATE, targets: ['Workloads'] }], { 'a.yaml': TEMPLATE })).toContain(
      'is set together with template; give the template as a file (template) or inline (templateBody), not both',
    );
  });

  it('fails unknown target OUs with a suggestion, account targets, ungoverned regions and duplicate names, all at once', () => {
    const message = problems(
      [
        { name: 'a', template: 't.yaml', targets: ['Workload/Prod', 'shop-prod'], regions: ['eu-west-1'] },
        { name: 'a', template: 't.yaml', targets: ['Root'] },
      ],
      { 't.yaml': TEMPLATE },
    );
    expect(message).toContain('has 4 problems');
    expect(message).toContain('stackSets[0].targets[0] (line');
    expect(message).toContain('OU "Workload/Prod" does not exist; did you mean "Workloads/Prod"?');
    expect(message).toContain('"shop-prod" is an account; service-managed StackSets deploy to OUs');
    expect(message).toContain('"eu-west-1" is not a governed region');
    expect(message).toContain('stackSets[1].name (line');
    expect(message).toContain('"a" is already used by stackSets[0]');
  });

  it('fails a StackSet name CloudFormation would reject', () => {
    expect(problems([{ name: '1-bad_name', templateBody: TEMPLATE, targets: ['Root'] }])).toContain('"1-bad_name" is not a StackSet name');
  });
});

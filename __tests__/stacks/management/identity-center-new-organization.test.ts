import { parse } from 'yaml';
import { permissionSetLimits } from '../../../checks/constraints/rules/permission-set-limits';
import type { CheckContext } from '../../../checks/checklist';
import { enableIdentityCenterMessage, identityCenterPendingMessage, missingIdentityCenterMessage } from '../../../constructs/identity';
import { configFrom, exampleConfig, MINIMAL_YAML } from '../../harness/config';
import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';
import { terraformAvailable, validateConfigs } from '../../harness/terraform';

// A new organization (no organization.id) cannot have an IAM Identity Center instance before the apply that creates
// the organization, and AWS enables one only from the console. Its first plan must not need the instance; the apply
// stops once the organization exists and says how to go on; an adopted organization keeps the plan-time postcondition.

/** Every shape Identity Center has: own and default permission sets with every kind of policy, a created and an existing group, OU and Root targets. */
const EVERY_SHAPE = {
  permissionSets: [
    {
      name: 'Developer',
      managedPolicies: ['PowerUserAccess', 'job-function/ViewOnlyAccess'],
      customerManagedPolicies: [{ name: 'acme-boundary', path: '/platform/' }],
      inlinePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: ['iam:CreateUser'], Resource: '*' }] },
    },
  ],
  groups: [{ name: 'platform-admins' }, { name: 'Payments Developers', existing: true }],
  assignments: [
    { group: 'platform-admins', permissionSet: 'AdministratorAccess', targets: ['Root'] },
    { group: 'Payments Developers', permissionSet: 'Developer', targets: ['Workloads'] },
  ],
};

const newOrganization = (identityCenter: Record<string, unknown> = EVERY_SHAPE) => configFrom({ ...parse(MINIMAL_YAML), identityCenter });

/** Everything Identity Center creates or looks up in a stack, by `type.name` (the instance lookups left out). */
function identityCenterItems(m: StackJson): Array<[string, Record<string, any>]> {
  const types = /^aws_(ssoadmin_(?!instances)|identitystore_)/;
  return [
    ...Object.entries(m.resource ?? {}).filter(([type]) => types.test(type)).flatMap(([type, byName]) => Object.entries(byName).map(([name, body]) => [`${type}.${name}`, body] as [string, Record<string, any>])),
    ...Object.entries(m.data ?? {}).filter(([type]) => types.test(type)).flatMap(([type, byName]) => Object.entries(byName).map(([name, body]) => [`data.${type}.${name}`, body] as [string, Record<string, any>])),
  ];
}

/** The instance lookups by construct path below the stack (`IdentityCenter/Resource`, `IdentityCenter/AfterOrganization`). */
function lookups(m: StackJson): Record<string, Record<string, any> & { name: string }> {
  return Object.fromEntries(Object.entries(m.data?.aws_ssoadmin_instances ?? {}).map(([name, body]) => [body['//'].metadata.path.replace(/^management\//, ''), { ...body, name }]));
}

describe('IAM Identity Center of a new organization (no organization.id)', () => {
  let m: StackJson;
  let lookup: Record<string, any> & { name: string };
  let organization: string;
  beforeAll(() => {
    m = synthLandingZone(newOrganization()).stack('management');
    lookup = lookups(m)['IdentityCenter/Resource'];
    organization = `aws_organizations_organization.${Object.keys(resourcesOf(m, 'aws_organizations_organization'))[0]}`;
  });

  it('looks the instance up at plan time without stopping the plan: no postcondition, no dependency', () => {
    expect(lookup.lifecycle).toBeUndefined();
    expect(lookup.depends_on).toBeUndefined();
  });

  it('creates every permission set, policy attachment, group and assignment, and looks existing groups up, only where the lookup finds an instance', () => {
    const items = identityCenterItems(m);
    expect(new Set(items.map(([address]) => address.replace(/\.[^.]+$/, '')))).toEqual(
      new Set([
        'aws_ssoadmin_permission_set',
        'aws_ssoadmin_managed_policy_attachment',
        'aws_ssoadmin_customer_managed_policy_attachment',
        'aws_ssoadmin_permission_set_inline_policy',
        'aws_identitystore_group',
        'data.aws_identitystore_group',
        'aws_ssoadmin_account_assignment',
      ]),
    );
    const count = `\${(length(data.aws_ssoadmin_instances.${lookup.name}.arns) >= 1) ? 1 : 0}`;
    expect(items.filter(([, body]) => body.count !== count).map(([address]) => address)).toEqual([]);
    // Nothing else in the stack waits for the instance.
    const counted = Object.values(m.resource ?? {}).flatMap((byName) => Object.values(byName)).filter((body) => body.count === count);
    expect(counted).toHaveLength(items.filter(([address]) => !address.startsWith('data.')).length);
  });

  it('refers to what it creates through one(<address>.*.<attribute>), which lz check still pairs with the permission set', () => {
    const assignment = Object.values(resourcesOf(m, 'aws_ssoadmin_account_assignment')).find((a) => a['//'].metadata.path.endsWith('Assignment-Payments Developers|Developer|shop-prod/Resource'))!;
    const developer = Object.entries(resourcesOf(m, 'aws_ssoadmin_permission_set')).find(([, p]) => p.name === 'Developer')![0];
    const lookedUp = Object.keys(m.data!.aws_identitystore_group)[0];
    expect(assignment.permission_set_arn).toBe(`\${one(aws_ssoadmin_permission_set.${developer}.*.arn)}`);
    expect(assignment.principal_id).toBe(`\${one(data.aws_identitystore_group.${lookedUp}.*.group_id)}`);
    expect(assignment.instance_arn).toBe(`\${element(tolist(data.aws_ssoadmin_instances.${lookup.name}.arns), 0)}`);
    const created = Object.values(resourcesOf(m, 'aws_ssoadmin_account_assignment')).find((a) => a['//'].metadata.path.includes('Assignment-platform-admins|'))!;
    expect(created.principal_id).toMatch(/^\$\{one\(aws_identitystore_group\.[^.]+\.\*\.group_id\)\}$/);
    for (const type of ['aws_ssoadmin_managed_policy_attachment', 'aws_ssoadmin_customer_managed_policy_attachment', 'aws_ssoadmin_permission_set_inline_policy']) {
      for (const body of Object.values(resourcesOf(m, type))) expect(body.permission_set_arn).toMatch(/^\$\{one\(aws_ssoadmin_permission_set\.[^.]+\.\*\.arn\)\}$/);
    }
    // Managed policies on Developer: the constraint still finds them on their permission set through one(...). The
    // config refuses more than 20 before synthesis (config/validate/merged-limits.ts), so the 21st is added to the
    // synthesized JSON, with the same reference as the others.
    const many = synthLandingZone(
      newOrganization({ ...EVERY_SHAPE, permissionSets: [{ ...EVERY_SHAPE.permissionSets[0], managedPolicies: [], customerManagedPolicies: Array.from({ length: 20 }, (_, i) => ({ name: `p${i}` })) }] }),
    );
    const stacks = structuredClone(many.json) as CheckContext['stacks'];
    const attachments = (stacks.management.resource as Record<string, Record<string, Record<string, unknown>>>).aws_ssoadmin_customer_managed_policy_attachment;
    const ctx: CheckContext = { stacks, governedRegions: ['us-east-1', 'ap-northeast-1'] };
    expect(permissionSetLimits.check(ctx).problems).toEqual([]);
    const [name, body] = Object.entries(attachments)[0];
    attachments[`${name}-extra`] = { ...body, customer_managed_policy_reference: [{ name: 'p20', path: '/' }] };
    expect(permissionSetLimits.check(ctx).problems).toEqual([expect.stringMatching(/aws_ssoadmin_permission_set\.PermissionSet-Developer_\w+: 21 managed policies attached; a permission set takes at most 20$/)]);
  });

  it('stops the apply that creates the organization, and every later plan, at a second lookup after the organization, naming the console step and the re-run', () => {
    const after = lookups(m)['IdentityCenter/AfterOrganization'];
    expect(after.depends_on).toEqual([organization]);
    expect(after.lifecycle).toEqual({ postcondition: [{ condition: '${length(self.arns) > 0}', error_message: enableIdentityCenterMessage('us-east-1') }] });
    expect(enableIdentityCenterMessage('us-east-1')).toBe(
      'IAM Identity Center has no organization instance in us-east-1 yet. A new organization gets one only from the console, once the organization exists: ' +
        'sign in to the management account, open IAM Identity Center in us-east-1 and choose Enable (organization instance), ' +
        'then run the plan and apply of the management stack again: they create the permission sets, groups and assignments (the rest of the stack is applied already). ' +
        'If Identity Center is enabled in another region, set identityCenter.region to it, or set identityCenter.enabled: false.',
    );
    // Nothing refers to it: while it is read during an apply (the organization has changes), nothing else waits.
    expect(JSON.stringify({ resource: m.resource, output: m.output })).not.toContain(`data.aws_ssoadmin_instances.${after.name}`);
  });

  it('warns in the plan, with a check block, that Identity Center waits for the console step', () => {
    const checks = Object.entries(m.check as Record<string, unknown>);
    expect(checks).toEqual([
      [expect.stringMatching(/^IdentityCenter_Enabled_/), { assert: [{ condition: `\${(length(data.aws_ssoadmin_instances.${lookup.name}.arns) >= 1)}`, error_message: identityCenterPendingMessage('us-east-1') }] }],
    ]);
    expect(identityCenterPendingMessage('us-east-1')).toContain('this plan creates no permission sets, groups or assignments');
    expect(identityCenterPendingMessage('us-east-1')).toContain('open IAM Identity Center in us-east-1, choose Enable (organization instance), and run the plan and apply of the management stack again');
  });

  it('does all of it through the provider of identityCenter.region', () => {
    const other = synthLandingZone(newOrganization({ ...EVERY_SHAPE, region: 'eu-west-1' })).stack('management');
    const found = lookups(other);
    expect([found['IdentityCenter/Resource'].provider, found['IdentityCenter/AfterOrganization'].provider]).toEqual(['aws.eu-west-1', 'aws.eu-west-1']);
    expect(found['IdentityCenter/AfterOrganization'].lifecycle.postcondition[0].error_message).toContain('open IAM Identity Center in eu-west-1');
    expect(identityCenterItems(other).map(([, body]) => body.provider)).toEqual(identityCenterItems(other).map(() => 'aws.eu-west-1'));
  });

  it('adds nothing when Identity Center is off', () => {
    const off = synthLandingZone(newOrganization({ enabled: false })).stack('management');
    expect(off.check).toBeUndefined();
    expect(off.data?.aws_ssoadmin_instances).toBeUndefined();
  });
});

describe('IAM Identity Center of an adopted organization (organization.id, examples/enterprise.yaml)', () => {
  it('keeps one lookup that stops the plan without an instance, no count, no check block', () => {
    const m = synthLandingZone(exampleConfig('enterprise')).stack('management');
    const found = Object.values(lookups(m));
    expect(found).toHaveLength(1);
    expect(found[0].lifecycle.postcondition).toEqual([{ condition: '${length(self.arns) > 0}', error_message: missingIdentityCenterMessage('ap-northeast-1') }]);
    expect(identityCenterItems(m).filter(([, body]) => 'count' in body)).toEqual([]);
    expect(m.check).toBeUndefined();
  });
});

(terraformAvailable() ? describe : describe.skip)('terraform validate: management stack of a new organization with every Identity Center shape', () => {
  it('passes with the instance in the home region and in eu-west-1', async () => {
    const results = await validateConfigs([
      { config: newOrganization(EVERY_SHAPE), stacks: ['management'] },
      { config: newOrganization({ ...EVERY_SHAPE, region: 'eu-west-1' }), stacks: ['management'] },
    ]);
    expect(results.flat().map(({ stack, diagnostics }) => ({ stack, diagnostics }))).toEqual([
      { stack: 'management', diagnostics: [] },
      { stack: 'management', diagnostics: [] },
    ]);
    expect(results.flat().every((r) => r.valid)).toBe(true);
  }, 300_000);
});

import { parse } from 'yaml';
import { configFrom, exampleConfig, MINIMAL_YAML } from '../../harness/config';
import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';

/** Assignments as "group|permission set|account" from construct paths. */
function assignmentKeys(m: StackJson): string[] {
  return Object.values(resourcesOf(m, 'aws_ssoadmin_account_assignment'))
    .map((a) => /Assignment-(.+)\/Resource$/.exec(a['//'].metadata.path)![1])
    .sort();
}

describe('IAM Identity Center (examples/enterprise.yaml)', () => {
  let m: StackJson;
  beforeAll(() => {
    m = synthLandingZone(exampleConfig('enterprise')).stack('management');
  });

  it('creates the default permission sets (AdministratorAccess for one hour) next to the configured ones', () => {
    const sets = Object.fromEntries(Object.values(resourcesOf(m, 'aws_ssoadmin_permission_set')).map((p) => [p.name, p]));
    expect(Object.keys(sets).sort()).toEqual(['AdministratorAccess', 'BillingViewer', 'Developer', 'PowerUserAccess', 'ReadOnlyAccess']);
    expect(sets.AdministratorAccess.session_duration).toBe('PT1H');
    expect(sets.BillingViewer.session_duration).toBe('PT2H');
    expect(sets.AdministratorAccess.instance_arn).toBe('${element(tolist(data.aws_ssoadmin_instances.IdentityCenter_7C9FE2A1.arns), 0)}'.replace('IdentityCenter_7C9FE2A1', Object.keys(m.data!.aws_ssoadmin_instances)[0]));
  });

  it('attaches AWS managed policies by ARN, including ones with a path, and the inline policy', () => {
    const arns = Object.values(resourcesOf(m, 'aws_ssoadmin_managed_policy_attachment')).map((a) => a.managed_policy_arn);
    expect(arns).toEqual(expect.arrayContaining(['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess']));
    const inline = Object.values(resourcesOf(m, 'aws_ssoadmin_permission_set_inline_policy'));
    expect(inline).toHaveLength(1);
    expect(JSON.parse(inline[0].inline_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'NoIamUsers', Effect: 'Deny', Action: ['iam:CreateUser', 'iam:CreateAccessKey'], Resource: '*' }],
    });
  });

  it('creates new groups and looks up existing ones by display name', () => {
    expect(Object.values(resourcesOf(m, 'aws_identitystore_group')).map((g) => g.display_name).sort()).toEqual(['platform-admins', 'security-auditors']);
    const lookups = Object.values(m.data?.aws_identitystore_group ?? {});
    expect(lookups).toEqual([
      expect.objectContaining({ alternate_identifier: { unique_attribute: { attribute_path: 'DisplayName', attribute_value: 'Payments Developers' } } }),
    ]);
  });

  it('expands OU targets to every account in the OU and below, and Root to every account', () => {
    const keys = assignmentKeys(m);
    // Workloads/Prod includes the nested Workloads/Prod/Regulated (payments-prod); the suspended legacy-batch sits in Suspended.
    expect(keys.filter((k) => k.startsWith('Payments Developers|ReadOnlyAccess|'))).toEqual([
      'Payments Developers|ReadOnlyAccess|payments-prod',
      'Payments Developers|ReadOnlyAccess|web-prod',
    ]);
    expect(keys.filter((k) => k.startsWith('Payments Developers|Developer|'))).toEqual(['Payments Developers|Developer|payments-dev']);
    expect(keys.filter((k) => k.startsWith('platform-admins|AdministratorAccess|'))).toHaveLength(8);
    expect(keys).toContain('platform-admins|BillingViewer|network');
  });

  it('assigns groups to accounts by id, after the permission set has its policies', () => {
    const a = Object.values(resourcesOf(m, 'aws_ssoadmin_account_assignment')).find((x) => x['//'].metadata.path.endsWith('Assignment-Payments Developers|ReadOnlyAccess|payments-prod/Resource'))!;
    expect(a).toEqual(expect.objectContaining({ principal_type: 'GROUP', target_type: 'AWS_ACCOUNT', target_id: '210987654323' }));
    expect(a.principal_id).toMatch(/^\$\{data\.aws_identitystore_group\..+\.group_id\}$/);
    expect(a.depends_on).toEqual([expect.stringMatching(/^aws_ssoadmin_managed_policy_attachment\./)]);
  });
});

describe('IAM Identity Center: accounts added to an OU later', () => {
  it('get the OU assignment on the next synth', () => {
    const base = parse(MINIMAL_YAML);
    const identityCenter = {
      groups: [{ name: 'devs' }],
      assignments: [{ group: 'devs', permissionSet: 'PowerUserAccess', targets: ['Workloads'] }],
    };
    const before = assignmentKeys(synthLandingZone(configFrom({ ...base, identityCenter })).stack('management'));
    expect(before).toEqual(['devs|PowerUserAccess|shop-dev', 'devs|PowerUserAccess|shop-prod']);
    const accounts = [...base.accounts, { name: 'shop-qa', email: 'aws+shop-qa@acme.example', ou: 'Workloads/Dev' }];
    const after = assignmentKeys(synthLandingZone(configFrom({ ...base, accounts, identityCenter })).stack('management'));
    expect(after).toEqual(['devs|PowerUserAccess|shop-dev', 'devs|PowerUserAccess|shop-prod', 'devs|PowerUserAccess|shop-qa']);
  });

  it('creates nothing for Identity Center when it is disabled', () => {
    const base = parse(MINIMAL_YAML);
    const m = synthLandingZone(configFrom({ ...base, identityCenter: { enabled: false } })).stack('management');
    expect(resourcesOf(m, 'aws_ssoadmin_permission_set')).toEqual({});
    expect(m.data?.aws_ssoadmin_instances).toBeUndefined();
  });
});

describe('IAM Identity Center: an organization without an instance', () => {
  it('stops the plan at the lookup with what to do (enable the organization instance in the console), instead of indexing an empty list', () => {
    const m = synthLandingZone(exampleConfig('enterprise')).stack('management');
    const [lookup] = Object.values(m.data?.aws_ssoadmin_instances ?? {});
    expect(lookup.lifecycle.postcondition).toEqual([
      {
        condition: '${length(self.arns) > 0}',
        error_message: expect.stringContaining('IAM Identity Center has no organization instance in ap-northeast-1'),
      },
    ]);
    expect(lookup.lifecycle.postcondition[0].error_message).toContain('choose Enable (organization instance), then plan again');
  });
});

describe('IAM Identity Center in another region than the home region (identityCenter.region)', () => {
  const base = parse(MINIMAL_YAML);
  const synthWith = (region?: string) =>
    synthLandingZone(configFrom({ ...base, identityCenter: { ...(region ? { region } : {}), groups: [{ name: 'admins' }], assignments: [{ group: 'admins', permissionSet: 'AdministratorAccess', targets: ['Root'] }] } })).stack('management');

  it('looks the instance up, and makes permission sets, groups and assignments, through that region\'s provider', () => {
    const m = synthWith('eu-west-1');
    const provider = (m.provider as { aws: Array<{ alias?: string; region: string }> }).aws.find((p) => p.region === 'eu-west-1');
    expect(provider?.alias).toBe('eu-west-1');
    const lookup = Object.values(m.data!.aws_ssoadmin_instances)[0] as { provider?: string };
    expect(lookup.provider).toBe('aws.eu-west-1');
    for (const type of ['aws_ssoadmin_permission_set', 'aws_ssoadmin_managed_policy_attachment', 'aws_identitystore_group', 'aws_ssoadmin_account_assignment']) {
      const resources = Object.values(resourcesOf(m, type));
      expect(resources.length).toBeGreaterThan(0);
      expect(resources.map((r) => r.provider)).toEqual(resources.map(() => 'aws.eu-west-1'));
    }
  });

  it('leaves everything on the default provider when it is the home region (the default)', () => {
    for (const m of [synthWith(), synthWith(parse(MINIMAL_YAML).organization.homeRegion)]) {
      expect((Object.values(m.data!.aws_ssoadmin_instances)[0] as { provider?: string }).provider).toBeUndefined();
      expect(Object.values(resourcesOf(m, 'aws_ssoadmin_permission_set')).every((r) => r.provider === undefined)).toBe(true);
    }
  });
});

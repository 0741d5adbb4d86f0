import { rmSync } from 'node:fs';
import { loadConfigFile } from '../../config/load';
import { ConfigError, formatPath } from '../../config/problems';
import { ORGANIZATIONS_SERVICE_PRINCIPALS } from '../../config/aws-data/organizations-services';
import { serviceAccessPrincipals } from '../../stacks/management/service-access';
import { exampleConfig, EXAMPLES } from '../harness/config';
import { lineNaming, runLz, workspace, type BrokenCase } from './broken-configs';

/*
 * Issue 22, the second layer: configs that users of the newer features write, which AWS refuses at apply or which
 * apply and then lock the landing zone out. Each case is BASE_YAML (broken-configs.ts) with one thing changed, loaded
 * from its own folder (with the StackSet template, the custom policy and the account inventory an earlier synth
 * wrote), and asserts the exact line of its problem: path, line, value, why and fix. The valid variants below load.
 */

interface ClassCase {
  readonly name: string;
  readonly edit?: (c: any) => void;
  readonly files?: Record<string, string>;
  readonly inventory?: string;
  /** The exact problem line: `<path> (line N): <message>`. */
  readonly expected: string;
}

/** Problem lines of the config a case writes, or [] when it loads. */
function problemLines(c: { edit?: (c: any) => void; files?: Record<string, string>; inventory?: string }): string[] {
  const ws = workspace({ name: 'case', edit: c.edit ?? (() => {}), files: c.files, inventory: c.inventory, where: '', fix: '' } as BrokenCase);
  try {
    loadConfigFile(ws.config);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems.map((p) => `${formatPath(p.path)}${p.line !== undefined ? ` (line ${p.line})` : ''}: ${p.message}`);
  } finally {
    rmSync(ws.dir, { recursive: true, force: true });
  }
}

const at = (path: (string | number)[], value: unknown) => (c: any) => {
  let o = c;
  for (const seg of path.slice(0, -1)) o = o[seg] ??= {};
  o[path[path.length - 1]] = value;
};
const both = (...edits: ((c: any) => void)[]) => (c: any) => edits.forEach((e) => e(c));
/** A Control Tower section registering the two workload OUs (shop-prod, with an id, is enrolled; shop-dev is created, so not). */
const controlTower = (overrides: Record<string, unknown> = {}) =>
  at(['controlTower'], { homeRegion: 'us-east-1', governedRegions: ['us-east-1', 'ap-northeast-1'], registeredOus: ['Workloads/Prod', 'Workloads/Dev'], ...overrides });
const tags = (n: number, prefix = 'Key') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']));
const template = (resources: string, head = '') => `AWSTemplateFormatVersion: "2010-09-09"\n${head}Resources:\n${resources}`;
const ROLE = '  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n';
const NAMED_ROLE = '  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: !Sub "audit-${AWS::Region}"\n      AssumeRolePolicyDocument: {}\n';
const TOPIC = '  Topic:\n    Type: AWS::SNS::Topic\n';
const stackSetTemplate = (text: string) => ({ 'stacksets/audit-role.yaml': text });

export const CLASS_CASES: readonly ClassCase[] = [
  // ---- names AWS reserves or fixes
  {
    name: "Control Tower's execution role as the access role, without Control Tower",
    edit: at(['organization', 'accessRoleName'], 'AWSControlTowerExecution'),
    expected: 'organization.accessRoleName (line 16): "AWSControlTowerExecution" as the access role: without a controlTower section the landing zone takes it for a role of its own, while it is AWS Control Tower\'s execution role: Control Tower creates and replaces it in every account it enrolls, and its controls exempt that name (https://docs.aws.amazon.com/controltower/latest/userguide/roles-how.html); if Control Tower governs this organization, add the controlTower section (lz import writes it); otherwise use another name, e.g. "OrganizationAccountAccessRole"',
  },
  {
    name: "Control Tower's execution role as a break-glass role, with another execution role name",
    edit: both(controlTower({ executionRoleName: 'CTExecution' }), at(['organization', 'breakGlassRoleNames'], ['BreakGlass', 'AWSControlTowerExecution'])),
    expected: 'organization.breakGlassRoleNames[1] (line 18): "AWSControlTowerExecution" as a break-glass role: controlTower.executionRoleName is "CTExecution", so the landing zone takes AWSControlTowerExecution for a role of its own, while Control Tower\'s enrolment creates and replaces a role of that name; set controlTower.executionRoleName: AWSControlTowerExecution (Control Tower\'s role has that name), or use another name here, e.g. "BreakGlass"',
  },
  {
    name: "Control Tower's execution role exempted from region-deny, without Control Tower",
    edit: at(['guardrails', 'scp', 0, 'options', 'exemptRoleNames'], ['awscontroltowerexecution']),
    expected: 'guardrails.scp[0].options.exemptRoleNames[0] (line 77): "awscontroltowerexecution" as an exempt role: without a controlTower section the landing zone takes it for a role of its own, while it is AWS Control Tower\'s execution role: Control Tower creates and replaces it in every account it enrolls, and its controls exempt that name (https://docs.aws.amazon.com/controltower/latest/userguide/roles-how.html); if Control Tower governs this organization, add the controlTower section (lz import writes it); otherwise use another name, e.g. "PlatformAutomation"',
  },
  {
    name: "a permission set named like Control Tower's",
    edit: both(controlTower(), at(['identityCenter', 'permissionSets', 0, 'name'], 'AWSAdministratorAccess'), at(['identityCenter', 'assignments', 0, 'permissionSet'], 'AWSAdministratorAccess')),
    expected: 'identityCenter.permissionSets[0].name (line 97): "AWSAdministratorAccess" is a permission set AWS Control Tower creates in IAM Identity Center (https://docs.aws.amazon.com/controltower/latest/userguide/sso-groups.html), and a permission set name is unique in the instance: CreatePermissionSet would fail with ConflictException. Give yours another name (e.g. "LzAdministratorAccess") and change its assignments with it',
  },
  {
    name: "a group created with the name of Control Tower's",
    edit: both(controlTower(), at(['identityCenter', 'groups'], [{ name: 'developers' }, { name: 'AWSControlTowerAdmins' }])),
    expected: 'identityCenter.groups[1].name (line 111): "AWSControlTowerAdmins" is a group AWS Control Tower creates in IAM Identity Center (AWSControlTowerAdmins, https://docs.aws.amazon.com/controltower/latest/userguide/sso-groups.html), and display names are unique in the identity store (ignoring case), so creating it fails; set existing: true to assign Control Tower\'s group, or give yours another name',
  },
  {
    name: 'a misspelt trusted-access principal',
    edit: at(['organization', 'additionalServiceAccessPrincipals'], ['guarduty.amazonaws.com']),
    expected: 'organization.additionalServiceAccessPrincipals[0] (line 17): "guarduty.amazonaws.com" is not the service principal of an AWS service that integrates with Organizations, and the trusted-access list is authoritative: enabling it fails the management stack\'s update of the organization; did you mean "guardduty.amazonaws.com"? (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html; if AWS added the service since, add it to config/aws-data/organizations-services.ts)',
  },
  {
    name: 'a principal of a service that does not integrate with Organizations',
    edit: at(['organization', 'additionalServiceAccessPrincipals'], ['backup.amazonaws.com', 'ec2.amazonaws.com']),
    expected: 'organization.additionalServiceAccessPrincipals[1] (line 18): "ec2.amazonaws.com" is not the service principal of an AWS service that integrates with Organizations, and the trusted-access list is authoritative: enabling it fails the management stack\'s update of the organization; remove it, or write the principal the service\'s page gives (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html; if AWS added the service since, add it to config/aws-data/organizations-services.ts)',
  },
  {
    name: 'a trusted-access principal listed twice',
    edit: at(['organization', 'additionalServiceAccessPrincipals'], ['backup.amazonaws.com', 'backup.amazonaws.com']),
    expected: 'organization.additionalServiceAccessPrincipals[1] (line 18): "backup.amazonaws.com" is already listed at additionalServiceAccessPrincipals[0]; list each principal once',
  },

  // ---- state settings
  { name: 'a state bucket named like the CloudTrail log bucket', edit: at(['state', 'bucket'], 'acme-logs-111111111111'), expected: 'state.bucket (line 18): "acme-logs-111111111111" is the name of the landing zone\'s CloudTrail log bucket, which the log-archive stack creates; bucket names are global, so one of the two CreateBucket calls fails (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html) and the state would sit in the log archive; name the state bucket differently, e.g. "acme-tfstate-111111111111"' },
  { name: 'a state bucket named like the access-log bucket', edit: at(['state', 'bucket'], 'acme-access-logs-111111111111'), expected: 'state.bucket (line 18): "acme-access-logs-111111111111" is the name of the landing zone\'s access-log bucket, which the log-archive stack creates; bucket names are global, so one of the two CreateBucket calls fails (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html) and the state would sit in the log archive; name the state bucket differently, e.g. "acme-tfstate-111111111111"' },
  {
    name: 'a state KMS key of another Region than the bucket',
    edit: at(['state', 'kmsKeyId'], 'arn:aws:kms:ap-northeast-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
    expected: 'state.kmsKeyId (line 20): is a KMS key in ap-northeast-1, but the state bucket is in us-east-1 (organization.homeRegion), and S3 encrypts only with a key of the bucket\'s Region, so every state write would fail (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html); use a key in us-east-1 (arn:aws:kms:us-east-1:111111111111:...), or, for a state bucket not created yet, state.region: ap-northeast-1',
  },
  {
    name: 'a multi-Region state key given by the ARN of another Region',
    edit: both(at(['state', 'region'], 'ap-northeast-1'), at(['state', 'kmsKeyId'], `arn:aws:kms:us-east-1:111111111111:key/mrk-${'0'.repeat(32)}`)),
    expected: 'state.kmsKeyId (line 21): is a KMS key in us-east-1, but the state bucket is in ap-northeast-1 (state.region), and S3 encrypts only with a key of the bucket\'s Region, so every state write would fail (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html); give the ARN of the key\'s replica in ap-northeast-1 (arn:aws:kms:ap-northeast-1:111111111111:key/mrk-00000000000000000000000000000000), creating the replica first if there is none',
  },

  // ---- limits after merge
  { name: 'organization tags that leave no room for the built-in ones', edit: at(['organization', 'tags'], tags(49)), expected: 'organization.tags (line 9): has 49 tags, and every resource also gets the landing zone\'s own managed-by and landing-zone through the providers\' default tags: 51 in all, over the 50 AWS allows on a resource (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html), so every tagged resource would be refused; keep at most 48' },
  { name: 'account tags over 50 with the default tags', edit: at(['accounts', 2, 'tags'], tags(48)), expected: 'accounts[2].tags (line 39): has 48 tags, and the provider adds the 3 default tags (organization.tags and the landing zone\'s managed-by, landing-zone): the account would get 51, over the 50 AWS allows (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html); remove 1 here or from organization.tags' },
  { name: 'permission set tags over 50 with the default tags', edit: at(['identityCenter', 'permissionSets', 0, 'tags'], tags(49, 'Team')), expected: 'identityCenter.permissionSets[0].tags (line 110): has 49 tags, and the provider adds the 3 default tags (organization.tags and the landing zone\'s managed-by, landing-zone): the permission set would get 52, over the 50 AWS allows (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html); remove 2 here or from organization.tags' },
  {
    name: 'a permission set with more than 20 managed policies of both kinds',
    edit: both(
      at(['identityCenter', 'permissionSets', 0, 'managedPolicies'], ['PowerUserAccess', 'job-function/ViewOnlyAccess', 'ReadOnlyAccess', 'SecurityAudit', 'AWSBillingReadOnlyAccess']),
      at(['identityCenter', 'permissionSets', 0, 'customerManagedPolicies'], Array.from({ length: 16 }, (_, i) => ({ name: `team-policy-${i}` }))),
    ),
    expected: 'identityCenter.permissionSets[0] (line 97): has 5 AWS managed and 16 customer managed policies, 21 in all; IAM Identity Center allows 20 per permission set, both kinds together (https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html); move 1 of them into the inline policy or a customer managed policy that combines them',
  },

  // ---- contradictions
  { name: 'an id and adopt on an account the landing zone created', edit: both(at(['accounts', 3, 'id'], '333333333333'), at(['accounts', 3, 'adopt'], { passwordPolicy: true })), expected: 'accounts[3].id (line 45): "333333333333" adopts shop-dev, but the account inventory (landing-zone.inventory.json) records shop-dev without an id: the landing zone created it, and what runs in it is the landing zone\'s own and already in its state; remove id and adopt from accounts[3] (an id is only for an account that existed before the landing zone)' },
  { name: 'an id given later to an account the landing zone created', edit: at(['accounts', 0, 'id'], '444444444444'), expected: 'accounts[0].id (line 30): "444444444444" adopts log-archive, but the account inventory (landing-zone.inventory.json) records log-archive without an id: the landing zone created it, and what runs in it is the landing zone\'s own and already in its state; remove id from accounts[0] (an id is only for an account that existed before the landing zone)' },
  {
    name: "an account's own Config off while it adopts its recorders",
    edit: both(at(['accounts', 2, 'adopt'], { configRecorders: { 'us-east-1': { recorder: 'corp' }, 'ap-northeast-1': { recorder: 'corp' } } }), at(['accounts', 2, 'baseline'], { config: { enabled: false } })),
    expected: 'accounts[2].baseline.config.enabled (line 50): false turns AWS Config off for shop-prod, whose recorders accounts[2].adopt.configRecorders hands to the landing zone (us-east-1: corp, ap-northeast-1: corp): once imported they are the landing zone\'s, and with Config off the plan deletes them. Keep Config on for this account (remove accounts[2].baseline.config.enabled), or to let the recorders go, forget them first (terraform state rm of their recorder, status and delivery channel in workload-shop-prod) and then remove accounts[2].adopt.configRecorders',
  },
  {
    name: 'the default AdministratorAccess redefined without policies while assigned at Root',
    edit: both(
      (c) => c.identityCenter.permissionSets.push({ name: 'AdministratorAccess', sessionDuration: 'PT1H' }),
      (c) => c.identityCenter.groups.push({ name: 'platform-admins' }),
      (c) => c.identityCenter.assignments.push({ group: 'platform-admins', permissionSet: 'AdministratorAccess', targets: ['Root'] }),
    ),
    expected: 'identityCenter.permissionSets[1] (line 109): redefines the default permission set "AdministratorAccess" with no policy at all, and assignments[1] (platform-admins in Root) gives it: those groups would lose every permission the default gave (AdministratorAccess) at the next apply; add managedPolicies: [AdministratorAccess] (or the policies it should grant), or give your permission set another name',
  },
  {
    name: 'a StackSet parameter the template does not declare',
    edit: at(['stackSets', 0, 'parameters'], { AuditorAcountId: '222222222222' }),
    files: stackSetTemplate(template(NAMED_ROLE, 'Parameters:\n  AuditorAccountId: { Type: String, Default: "222222222222" }\n')),
    expected: 'stackSets[0].parameters.AuditorAcountId (line 124): is not a parameter of template "stacksets/audit-role.yaml" (it declares AuditorAccountId), and CloudFormation refuses a parameter the template does not declare; did you mean "AuditorAccountId"? (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStackSet.html)',
  },
  {
    name: 'a template parameter without a default that the config does not give',
    files: stackSetTemplate(template(NAMED_ROLE, 'Parameters:\n  AuditorAccountId: { Type: String }\n  Tier: { Type: String, Default: gold }\n')),
    expected: 'stackSets[0].parameters (line 117): misses AuditorAccountId, which template "stacksets/audit-role.yaml" declares without a Default, so no stack instance can be created (CloudFormation: "Parameters: [AuditorAccountId] must have values"); give it a value here, e.g. parameters: { AuditorAccountId: ... }, or a Default in the template',
  },
  { name: 'a named IAM role with CAPABILITY_IAM only', edit: at(['stackSets', 0, 'capabilities'], ['CAPABILITY_IAM']), expected: 'stackSets[0].capabilities (line 122): lacks CAPABILITY_NAMED_IAM: template "stacksets/audit-role.yaml" gives IAM resources custom names (Role RoleName), and CloudFormation refuses them without it (InsufficientCapabilities, https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStackSet.html); add CAPABILITY_NAMED_IAM to capabilities, or let CloudFormation name the resources' },
  { name: 'IAM resources without any capability', edit: at(['stackSets', 0, 'capabilities'], []), files: stackSetTemplate(template(ROLE)), expected: 'stackSets[0].capabilities (line 121): lacks CAPABILITY_IAM: template "stacksets/audit-role.yaml" has IAM resources (Role AWS::IAM::Role), and CloudFormation refuses them without it (InsufficientCapabilities, https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStackSet.html); add CAPABILITY_IAM to capabilities' },
  {
    name: 'a template with the Serverless transform in a service-managed StackSet',
    edit: at(['stackSets', 0, 'capabilities'], ['CAPABILITY_AUTO_EXPAND']),
    files: stackSetTemplate(template(TOPIC, 'Transform: AWS::Serverless-2016-10-31\n')),
    expected: 'stackSets[0].template (line 118): template "stacksets/audit-role.yaml" uses "AWS::Serverless-2016-10-31", a macro; StackSets with service-managed permissions (the landing zone\'s) do not support macros, AWS::Serverless and AWS::Include included, even with CAPABILITY_AUTO_EXPAND (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStackSet.html); write its resources out in plain CloudFormation (for a stack that runs the template, aws cloudformation get-template --template-stage Processed prints it expanded)',
  },
  { name: 'Lambda code scanning without Lambda scanning', edit: at(['security', 'inspector'], { enabled: true, resourceTypes: ['EC2', 'LAMBDA_CODE'] }), expected: 'security.inspector.resourceTypes[1] (line 70): "LAMBDA_CODE" (Lambda code scanning) needs "LAMBDA" (Lambda standard scanning): Inspector activates code scanning only on top of standard scanning (https://docs.aws.amazon.com/inspector/latest/user/scanning-lambda.html); add LAMBDA to security.inspector.resourceTypes or remove LAMBDA_CODE' },
  { name: "Config's service-linked role assumed in accounts the landing zone creates", edit: at(['baseline', 'config'], { createServiceLinkedRole: false }), expected: 'baseline.config.createServiceLinkedRole (line 58): false leaves AWS Config\'s service-linked role AWSServiceRoleForConfig to exist already, but the landing zone creates log-archive, security, shop-dev (no id), and nothing else makes the role there (no StackSet deploys an AWS::IAM::ServiceLinkedRole for config.amazonaws.com to them): the recorders would name a role that does not exist and PutConfigurationRecorder fails (https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html); set createServiceLinkedRole: true (the default creates the role where it is missing and adopts it where it exists), and false only on existing accounts that have the role (accounts[].baseline.config.createServiceLinkedRole)' },
  {
    name: 'a Config override of a registered OU whose accounts Control Tower records',
    edit: both(controlTower(), at(['baseline', 'ouOverrides', 'Workloads/Prod'], { config: { recordingFrequency: 'DAILY' } })),
    expected: 'baseline.ouOverrides.Workloads/Prod.config (line 59): sets recordingFrequency for OU "Workloads/Prod", which is registered with Control Tower: Control Tower owns the Config recorders of shop-prod (aws-controltower-BaselineConfigRecorder, changed by nobody but its execution role), so the override does not reach them; change how Control Tower records in its landing zone settings and remove it here',
  },
  {
    name: 'a Config override on an account Control Tower enrolled',
    edit: both(controlTower(), at(['accounts', 2, 'baseline'], { config: { snapshotFrequency: 'One_Hour' } })),
    expected: 'accounts[2].baseline.config (line 44): sets snapshotFrequency for shop-prod, which Control Tower has enrolled: Control Tower owns its Config recorders in every governed region (aws-controltower-BaselineConfigRecorder, changed by nobody but its execution role), so the landing zone makes none and these settings change nothing; remove them (Control Tower\'s landing zone settings say how it records)',
  },

  // ---- messages that point the wrong way
  { name: 'a closed account as a guardrail target', edit: at(['guardrails', 'scp', 1, 'targets'], ['Sandbox', 'old-poc']), expected: 'guardrails.scp[1].targets[1] (line 79): account "old-poc" is closed (closedAccounts[0]): Terraform no longer manages it, so no policy can be attached to it; remove it from the targets' },
  { name: 'a closed account as a StackSet target', edit: at(['stackSets', 0, 'targets'], ['old-poc']), expected: 'stackSets[0].targets[0] (line 120): account "old-poc" is closed (closedAccounts[0]): Terraform no longer manages it, and service-managed StackSets deploy to OUs anyway; remove it from the targets' },
  { name: 'a closed account as a Security Hub target', edit: at(['security', 'securityHub', 'targets'], ['old-poc']), expected: 'security.securityHub.targets[0] (line 62): account "old-poc" is closed (closedAccounts[0]): Terraform no longer manages it, and Security Hub configuration policies are associated with "Root" or OUs anyway; remove it from the targets' },
  { name: 'a closed account enrolled in Control Tower', edit: controlTower({ enrolledAccounts: ['shop-prod', 'old-poc'] }), expected: 'controlTower.enrolledAccounts[1] (line 133): account "old-poc" is closed (closedAccounts[0]): Terraform no longer manages it, and a closed account is enrolled nowhere; remove it here' },
  {
    name: 'a closed account as a delegated administrator',
    edit: at(['organization', 'delegatedAdministrators'], [{ service: 'backup.amazonaws.com', account: 'old-poc' }]),
    expected: 'organization.delegatedAdministrators[0].account (line 18): account "old-poc" is closed (closedAccounts[0]): Terraform no longer manages it, so it is the delegated administrator of nothing the landing zone manages; remove the entry (or run lz import again)',
  },
  { name: 'a GuardDuty severity written as a label', edit: at(['security', 'notifications', 'guardDutyMinimumSeverity'], 'HIGH'), expected: 'security.notifications.guardDutyMinimumSeverity (line 66): "HIGH" is a string; a severity label where GuardDuty\'s severity number is expected; GuardDuty severities are numbers from 1.0 to 10.0: LOW 1.0-3.9, MEDIUM 4.0-6.9, HIGH 7.0-8.9, CRITICAL 9.0-10.0 (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html): write 7 for HIGH and above' },
  { name: 'a Security Hub severity written as a number', edit: at(['security', 'notifications', 'securityHubSeverities'], ['CRITICAL', 70]), expected: 'security.notifications.securityHubSeverities[1] (line 68): 70 is a severity number where a Security Hub severity label is expected; Security Hub labels a normalized severity: INFORMATIONAL 0, LOW 1-39, MEDIUM 40-69, HIGH 70-89, CRITICAL 90-100 (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_Severity.html): write HIGH' },
];

describe('the second layer of broken configs is refused, each with the exact line: path, line, value, why and fix', () => {
  it('has at least 35 distinct cases', () => {
    expect(CLASS_CASES.length).toBeGreaterThanOrEqual(35);
    expect(new Set(CLASS_CASES.map((c) => c.name)).size).toBe(CLASS_CASES.length);
  });

  it.each(CLASS_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(problemLines(c)).toEqual([c.expected]);
  });
});

describe('all of them in one run', () => {
  it('reports one problem per class of a config that has them all, through lz validate', async () => {
    const picked = [
      "Control Tower's execution role as the access role, without Control Tower",
      'a misspelt trusted-access principal',
      'a state KMS key of another Region than the bucket',
      'account tags over 50 with the default tags',
      'an id and adopt on an account the landing zone created',
      'a StackSet parameter the template does not declare',
      'Lambda code scanning without Lambda scanning',
      'a closed account as a guardrail target',
      'a GuardDuty severity written as a label',
    ].map((name) => CLASS_CASES.find((c) => c.name === name)!);
    const ws = workspace({
      name: 'all classes',
      edit: (c) => picked.forEach((p) => p.edit?.(c)),
      files: Object.assign({}, ...picked.map((p) => p.files ?? {})),
      where: '',
      fix: '',
    });
    const { code, output } = await runLz(['validate', ws.config]);
    rmSync(ws.dir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(output).toContain(`has ${picked.length} problems:`);
    for (const p of picked) {
      const path = p.expected.slice(0, p.expected.indexOf(' (line'));
      // The line numbers move with the other edits; the path and the message are the case's own.
      expect(lineNaming(output, `${path} (line`)?.replace(/\(line \d+\)/, '')).toBe(`  ${p.expected.replace(/\(line \d+\)/, '')}`);
    }
  });
});

describe('valid variants of the same features load', () => {
  const loads = (edit: (c: any) => void, files?: Record<string, string>) => expect(problemLines({ edit, files })).toEqual([]);

  it("Control Tower's permission set and group names without Control Tower, and Control Tower's groups used as existing ones with it", () => {
    loads(both(at(['identityCenter', 'permissionSets', 0, 'name'], 'AWSAdministratorAccess'), at(['identityCenter', 'assignments', 0, 'permissionSet'], 'AWSAdministratorAccess'), at(['identityCenter', 'groups', 0, 'name'], 'AWSControlTowerAdmins'), at(['identityCenter', 'assignments', 0, 'group'], 'AWSControlTowerAdmins')));
    loads(both(controlTower(), at(['identityCenter', 'groups', 0], { name: 'AWSControlTowerAdmins', existing: true }), at(['identityCenter', 'assignments', 0, 'group'], 'AWSControlTowerAdmins')));
  });

  it("Control Tower's execution role named where the config says Control Tower runs with it", () => {
    loads(both(controlTower(), at(['organization', 'breakGlassRoleNames'], ['AWSControlTowerExecution']), at(['guardrails', 'scp', 0, 'options', 'exemptRoleNames'], ['AWSControlTowerExecution'])));
  });

  it('trusted-access principals of integrated services, and every principal the landing zone enables itself is one', () => {
    loads(at(['organization', 'additionalServiceAccessPrincipals'], ['backup.amazonaws.com', 'controltower.amazonaws.com', 'member.org.stacksets.cloudformation.amazonaws.com', 'securitylake.amazonaws.com']));
    for (const name of EXAMPLES) {
      const config = exampleConfig(name);
      const everything = { ...config, controlTower: { homeRegion: 'us-east-1', governedRegions: ['us-east-1'], registeredOus: [], organizationTrail: true, executionRoleName: 'AWSControlTowerExecution', useExecutionRole: true, scpsPerRegisteredOu: 1 }, stackSets: config.stackSets, security: { ...config.security, detective: { enabled: true }, inspector: { enabled: true, resourceTypes: ['EC2' as const] }, macie: { enabled: true } } };
      for (const principal of serviceAccessPrincipals(everything as typeof config)) expect(ORGANIZATIONS_SERVICE_PRINCIPALS).toHaveProperty([principal]);
    }
  });

  it('a state bucket of its own name, and a state key in the bucket\'s Region (also a multi-Region key replica)', () => {
    loads(at(['state', 'kmsKeyId'], 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab'));
    loads(both(at(['state', 'region'], 'ap-northeast-1'), at(['state', 'kmsKeyId'], `arn:aws:kms:ap-northeast-1:111111111111:key/mrk-${'0'.repeat(32)}`)));
    loads(at(['state', 'kmsKeyId'], 'alias/tfstate'));
  });

  it('exactly 50 tags on the account and on a permission set with the default tags, keys shared with the default tags counted once', () => {
    loads(both(at(['organization', 'tags'], tags(48)), at(['accounts', 2, 'tags'], {})));
    loads(at(['accounts', 2, 'tags'], { ...tags(47), Owner: 'shop' }));
    loads(at(['identityCenter', 'permissionSets', 0, 'tags'], { ...tags(46, 'Team'), 'managed-by': 'x' }));
    loads(at(['identityCenter', 'permissionSets', 0, 'customerManagedPolicies'], Array.from({ length: 18 }, (_, i) => ({ name: `team-policy-${i}` }))));
  });

  it('an id on an account the inventory knows was adopted, and an account created without id', () => {
    loads(at(['accounts', 2, 'adopt'], { passwordPolicy: true }));
    loads((c) => c.accounts.push({ name: 'shop-qa', email: 'aws+shop-qa@acme.example', ou: 'Workloads/Dev', id: '777777777777', adopt: { passwordPolicy: true } }));
  });

  it('Config off for a whole OU with recorders adopted there (a record), and Config on for an account that adopts its recorders', () => {
    loads(both(at(['accounts', 2, 'adopt'], { configRecorders: { 'us-east-1': { recorder: 'corp' } } }), at(['baseline', 'ouOverrides', 'Workloads/Prod'], { config: { enabled: false } })));
    loads(both(at(['accounts', 2, 'adopt'], { configRecorders: { 'us-east-1': { recorder: 'corp' } } }), at(['accounts', 2, 'baseline'], { config: { recordingFrequency: 'DAILY' } })));
  });

  it('a default permission set redefined with its policies, or without policies while nobody is assigned it', () => {
    loads((c) => c.identityCenter.permissionSets.push({ name: 'AdministratorAccess', sessionDuration: 'PT4H', managedPolicies: ['AdministratorAccess'] }));
    loads((c) => c.identityCenter.permissionSets.push({ name: 'PowerUserAccess' }));
  });

  it('declared StackSet parameters, defaults left out, capabilities that cover the IAM resources', () => {
    const withParameters = stackSetTemplate(template(NAMED_ROLE, 'Parameters:\n  AuditorAccountId: { Type: String }\n  Tier: { Type: String, Default: gold }\n'));
    loads(at(['stackSets', 0, 'parameters'], { AuditorAccountId: '222222222222' }), withParameters);
    loads(both(at(['stackSets', 0, 'capabilities'], ['CAPABILITY_IAM'])), stackSetTemplate(template(ROLE)));
    loads(at(['stackSets', 0, 'capabilities'], []), stackSetTemplate(template(TOPIC)));
    loads(at(['stackSets', 0, 'capabilities'], ['CAPABILITY_IAM']), stackSetTemplate(template('  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: !If [Named, audit, !Ref AWS::NoValue]\n')));
  });

  it('Lambda code scanning with Lambda scanning, and a GuardDuty threshold of CRITICAL', () => {
    loads(at(['security', 'inspector'], { enabled: true, resourceTypes: ['LAMBDA', 'LAMBDA_CODE'] }));
    loads(at(['security', 'notifications', 'guardDutyMinimumSeverity'], 9));
  });

  it("createServiceLinkedRole false on an existing account, or where a StackSet makes Config's role", () => {
    loads(at(['accounts', 2, 'baseline'], { config: { createServiceLinkedRole: false } }));
    const slr = template('  ConfigRole:\n    Type: AWS::IAM::ServiceLinkedRole\n    Properties:\n      AWSServiceName: config.amazonaws.com\n');
    loads(both(at(['baseline', 'ouOverrides', 'Workloads/Dev'], { config: { createServiceLinkedRole: false } }), at(['stackSets', 0, 'targets'], ['Workloads']), at(['stackSets', 0, 'capabilities'], ['CAPABILITY_IAM'])), stackSetTemplate(slr));
  });

  it('a Config override of a registered OU whose accounts the landing zone records (created, so not enrolled)', () => {
    loads(both(controlTower(), at(['baseline', 'ouOverrides', 'Workloads/Dev'], { config: { recordingFrequency: 'DAILY' } }), at(['accounts', 3, 'baseline'], { config: { snapshotFrequency: 'One_Hour' } })));
  });

  it('both examples still load', () => {
    for (const name of EXAMPLES) expect(() => exampleConfig(name)).not.toThrow();
  });
});

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { buildProgram } from '../../cli/lz';
import { INVENTORY_VERSION } from '../../config/inventory';

/*
 * The table of broken configs (typos, wrong types, wrong forms, wrong references, lifecycle
 * mistakes, YAML errors, missing, unreadable and invalid files) and the folder each runs in, shared
 * by broken-configs.test.ts (every case in-process) and __tests__/cli/broken-configs-binary.test.ts
 * (a sample through the built binaries).
 */

/** A config that exercises every section, so that each case can break one thing in it. */
export const BASE_YAML = `# a landing zone with every section
organization:
  name: acme
  managementAccountId: "111111111111"
  homeRegion: us-east-1
  governedRegions: [us-east-1, ap-northeast-1]
  tags: { Owner: platform }
  alternateContacts:
    billing: { name: Acme FinOps, title: Cost owner, email: finops@acme.example, phone: "+81-3-1234-5678" }
state:
  backend: s3
  bucket: acme-tfstate-111111111111
  keyPrefix: landing-zone
organizationalUnits: [Security, Workloads/Prod, Workloads/Dev, Sandbox]
accounts:
  - { name: log-archive, email: aws+log@acme.example, ou: Security, role: log-archive }
  - { name: security, email: aws+sec@acme.example, ou: Security, role: security }
  - name: shop-prod
    email: aws+shop-prod@acme.example
    ou: Workloads/Prod
    id: "222222222222"
    tags: { CostCenter: "0100" }
    budget: { monthlyUsd: 500 }
  - { name: shop-dev, email: aws+shop-dev@acme.example, ou: Workloads/Dev }
closedAccounts:
  - { name: old-poc, id: "555555555555" }
baseline:
  budget: { monthlyUsd: 100, emails: [finops@acme.example] }
  ouOverrides:
    Sandbox: { budget: { monthlyUsd: 50 } }
security:
  securityHub: { standards: [aws-foundational-security-best-practices/v/1.0.0], targets: [Root] }
  notifications: { emails: [secops@acme.example] }
logging:
  retentionDays: 3650
  objectLock: { retentionDays: 365 }
guardrails:
  scp:
    - { policy: region-deny, options: { allowedRegions: [eu-west-1] } }
    - { file: policies/deny-big.json, targets: [Sandbox] }
  tag:
    - policy: tag-policy
      targets: [Root]
      options: { tags: { CostCenter: { enforcedFor: ["ec2:instance"] } } }
  aiOptOut:
    - { policy: ai-opt-out, targets: [Root], options: { optInServices: [lex] } }
identityCenter:
  permissionSets:
    - name: Developer
      sessionDuration: PT8H
      managedPolicies: [PowerUserAccess, job-function/ViewOnlyAccess]
      inlinePolicy:
        Statement:
          - { Sid: NoUsers, Effect: Deny, Action: ["iam:CreateUser"], Resource: "*" }
  groups:
    - { name: developers }
  assignments:
    - { group: developers, permissionSet: Developer, targets: [Workloads/Dev] }
stackSets:
  - { name: audit-role, template: stacksets/audit-role.yaml, targets: [Workloads], capabilities: [CAPABILITY_NAMED_IAM] }
`;

const POLICY_FILE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'NoBigInstances', Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringNotLike: { 'ec2:InstanceType': ['t3.*'] } } }],
});
const TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: audit\n      AssumeRolePolicyDocument: {}\n';

/** The inventory an earlier synth of BASE_YAML wrote. */
export function baseInventory(extra: Record<string, object> = {}): object {
  return {
    version: INVENTORY_VERSION,
    organization: { name: 'acme', managementAccountId: '111111111111' },
    accounts: {
      'log-archive': { state: 'active', email: 'aws+log@acme.example' },
      security: { state: 'active', email: 'aws+sec@acme.example' },
      'shop-prod': { state: 'active', id: '222222222222', email: 'aws+shop-prod@acme.example' },
      'shop-dev': { state: 'active', email: 'aws+shop-dev@acme.example' },
      'old-poc': { state: 'closed', id: '555555555555', email: 'aws+poc@acme.example' },
      ...extra,
    },
  };
}

export interface BrokenCase {
  /** What is broken, as the test title. */
  readonly name: string;
  /** The config text; default BASE_YAML after `edit`. */
  readonly text?: string;
  /** Change the parsed BASE_YAML (written back as YAML). */
  readonly edit?: (c: any) => void;
  /** Extra or replaced files in the folder (relative path → content). */
  readonly files?: Record<string, string>;
  /** The inventory beside the config; default baseInventory(). */
  readonly inventory?: string;
  /** The config path given to the command, relative to the folder. @default landing-zone.yaml */
  readonly configPath?: string;
  /** Text the reporting line must contain: the path ("accounts[2].email") or "(line N)". */
  readonly where: string;
  /** The fix (or the allowed values) that same line must state. */
  readonly fix: string | RegExp;
}

export const edit = (f: (c: any) => void) => {
  const c = parse(BASE_YAML);
  f(c);
  return stringify(c);
};

/** Sets a value deep in the parsed base. */
const at = (path: (string | number)[], value: unknown) => (c: any) => {
  let o = c;
  for (const seg of path.slice(0, -1)) o = o[seg];
  o[path[path.length - 1]] = value;
};
const permissionSet = (f: (p: any) => void) => (c: any) => f(c.identityCenter.permissionSets[0]);
/** Adds a Control Tower section (registering the two workload OUs) with `overrides`. */
const controlTower = (overrides: Record<string, unknown>) => (c: any) => {
  c.controlTower = { homeRegion: 'us-east-1', governedRegions: ['us-east-1', 'ap-northeast-1'], registeredOus: ['Workloads/Prod', 'Workloads/Dev'], ...overrides };
};

export const CASES: readonly BrokenCase[] = [
  // ---- YAML itself
  { name: 'an unclosed flow sequence', text: BASE_YAML.replace('[us-east-1, ap-northeast-1]', '[us-east-1, ap-northeast-1'), where: '(line ', fix: /not valid YAML/ },
  { name: 'a duplicate key', text: BASE_YAML.replace('  homeRegion: us-east-1\n', '  homeRegion: us-east-1\n  homeRegion: us-east-2\n'), where: '(line 6)', fix: 'keep one of them' },
  { name: 'a tab used for indentation', text: BASE_YAML.replace('  name: acme\n', '\tname: acme\n'), where: '(line 3)', fix: 'indent with spaces, not tabs' },
  { name: 'an alias without an anchor', text: BASE_YAML.replace('governedRegions: [us-east-1, ap-northeast-1]', 'governedRegions: *regions'), where: '(line 6)', fix: 'has no anchor &regions before it' },
  {
    name: 'an alias bomb (billion laughs)',
    text: `${BASE_YAML}x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from({ length: 8 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`).join('\n')}\n`,
    where: '(top level)',
    fix: 'write the repeated values out or use fewer aliases',
  },
  { name: 'two YAML documents in one file', text: `${BASE_YAML}---\norganization: {}\n`, where: '(line ', fix: 'keep one' },
  { name: 'a CloudFormation tag', text: BASE_YAML.replace('homeRegion: us-east-1', 'homeRegion: !Ref Region'), where: '(line 5)', fix: 'write the plain value' },
  { name: 'an unclosed quote', text: BASE_YAML.replace('managementAccountId: "111111111111"', 'managementAccountId: "111111111111'), where: '(line ', fix: /not valid YAML/ },
  { name: 'a mapping under a scalar', text: BASE_YAML.replace('  name: acme\n', '  name: acme\n    extra: 1\n'), where: '(line ', fix: /not valid YAML/ },
  { name: 'a list at the top level', text: '- organization\n- accounts\n', where: '(top level)', fix: 'expected a mapping of settings' },
  { name: 'a bare word as the whole file', text: 'landing-zone\n', where: '(top level)', fix: 'expected a mapping of settings' },
  { name: 'an empty file', text: '', where: 'organization', fix: 'is required' },
  { name: 'a file of comments only', text: '# nothing here yet\n', where: 'accounts', fix: 'is required (a list)' },
  { name: 'a JSON config with a missing brace', text: `${JSON.stringify(parse(BASE_YAML), null, 2).slice(0, -2)}\n`, configPath: 'landing-zone.json', where: '(line ', fix: /not valid YAML/ },

  // ---- files
  { name: 'a config file that does not exist', configPath: 'nope/landing-zone.yaml', where: '(top level)', fix: 'create it from examples/minimal.yaml or set LZ_CONFIG' },
  { name: 'a folder given as the config', configPath: 'policies', where: '(top level)', fix: 'is a folder, not a config file; give the file itself' },
  { name: 'a path through a file', configPath: 'stacksets/audit-role.yaml/landing-zone.yaml', where: '(top level)', fix: /cannot be read \(ENOTDIR\)|does not exist/ },
  { name: 'an inventory that is not JSON', inventory: '{ "version": 1, ', where: '(top level)', fix: 'restore it from git' },
  { name: 'an inventory of an unknown version', inventory: JSON.stringify({ version: 7, accounts: {} }), where: 'version', fix: 'expected 1' },
  { name: 'an inventory whose accounts are a list', inventory: JSON.stringify({ version: 1, accounts: [] }), where: 'accounts', fix: 'restore it from git' },
  { name: 'an inventory with an unknown account state', inventory: JSON.stringify({ version: 1, accounts: { a: { state: 'gone' } } }), where: 'accounts.a.state', fix: 'must be active, suspended or closed' },
  { name: 'a custom policy file that does not exist', files: { 'policies/deny-big.json': '' }, edit: at(['guardrails', 'scp', 1, 'file'], 'policies/deny-bgi.json'), where: 'guardrails.scp[1].file', fix: 'paths are relative to the folder of the config file' },
  { name: 'a custom policy file that is not JSON', files: { 'policies/deny-big.json': '{ "Version": ' }, where: 'guardrails.scp[1].file', fix: 'fix the file or check it with a JSON linter' },
  { name: 'a custom policy file holding a list', files: { 'policies/deny-big.json': '[]' }, where: 'guardrails.scp[1].file', fix: 'a policy is one JSON object' },
  { name: 'a StackSet template that does not exist', edit: at(['stackSets', 0, 'template'], 'stacksets/missing.yaml'), where: 'stackSets[0].template', fix: 'the path is relative to the folder of the config file' },
  { name: 'a StackSet template without Resources', files: { 'stacksets/audit-role.yaml': 'Description: nothing\n' }, where: 'stackSets[0].template', fix: 'it needs a Resources section' },
  { name: 'a StackSet template that is not YAML', files: { 'stacksets/audit-role.yaml': 'Resources: [a\n' }, where: 'stackSets[0].template', fix: /not valid YAML/ },

  // ---- misspelt keys
  { name: 'a misspelt organization key', edit: (c) => { c.organization.governedRegion = c.organization.governedRegions; delete c.organization.governedRegions; }, where: 'organization.governedRegion (', fix: 'did you mean "governedRegions"?' },
  { name: 'a misspelt top-level section', edit: (c) => { c.guardrail = c.guardrails; delete c.guardrails; }, where: 'guardrail ', fix: 'did you mean "guardrails"?' },
  { name: 'a misspelt account key', edit: (c) => { c.accounts[3].emial = c.accounts[3].email; }, where: 'accounts[3].emial', fix: 'did you mean "email"?' },
  { name: 'a misspelt state key', edit: (c) => { c.state.bukcet = 'x'; }, where: 'state.bukcet', fix: 'did you mean "bucket"?' },
  { name: 'a key in the wrong case', edit: (c) => { c.security.guardduty = { enabled: true }; }, where: 'security.guardduty', fix: 'did you mean "guardDuty"?' },
  { name: 'a plural where the key is singular', edit: (c) => { c.baseline.budgets = {}; }, where: 'baseline.budgets', fix: 'did you mean "budget"?' },
  { name: 'a misspelt logging key', edit: (c) => { c.logging.retentiondays = 10; }, where: 'logging.retentiondays', fix: 'did you mean "retentionDays"?' },
  { name: 'a misspelt identity center key', edit: (c) => { c.identityCenter.permissionSet = []; }, where: 'identityCenter.permissionSet', fix: 'did you mean "permissionSets"?' },
  { name: 'a misspelt guardrail entry key', edit: (c) => { c.guardrails.scp[0].option = {}; }, where: 'guardrails.scp[0].option', fix: 'did you mean "options"?' },
  { name: 'a misspelt StackSet key', edit: (c) => { c.stackSets[0].tempalte = 'x'; }, where: 'stackSets[0].tempalte', fix: 'did you mean "template"?' },
  { name: 'a misspelt catalogue option', edit: (c) => { c.guardrails.scp[0].options.allowedRegion = ['eu-west-1']; }, where: 'guardrails.scp[0].options.allowedRegion', fix: 'did you mean "allowedRegions"?' },

  // ---- wrong types
  { name: 'accounts written as a mapping', edit: (c) => { c.accounts = { 'log-archive': {} }; }, where: 'accounts', fix: 'expected a list' },
  { name: 'governedRegions written as one string', edit: at(['organization', 'governedRegions'], 'us-east-1'), where: 'organization.governedRegions', fix: 'expected a list' },
  { name: 'a budget written as text', edit: at(['accounts', 2, 'budget', 'monthlyUsd'], '500'), where: 'accounts[2].budget.monthlyUsd', fix: 'must be a number of US dollars' },
  { name: 'a switch written as yes', edit: at(['logging', 'objectLock', 'enabled'], 'yes'), where: 'logging.objectLock.enabled', fix: 'expected true or false' },
  { name: 'an unquoted management account id', text: BASE_YAML.replace('"111111111111"', '111111111111'), where: 'organization.managementAccountId (line 4)', fix: 'quote it: "111111111111"' },
  { name: 'an unquoted account id with a leading zero', text: BASE_YAML.replace('id: "222222222222"', 'id: 022222222222'), where: 'accounts[2].id', fix: 'quote it: "022222222222"' },
  { name: 'a cost center code with a leading zero', text: BASE_YAML.replace('CostCenter: "0100"', 'CostCenter: 0100'), where: 'accounts[2].tags.CostCenter', fix: 'quote it: "0100"' },
  { name: 'an amount with a leading zero', text: BASE_YAML.replace('budget: { monthlyUsd: 500 }', 'budget: { monthlyUsd: 0500 }'), where: 'accounts[2].budget.monthlyUsd', fix: 'or write 500 if it is an amount' },
  { name: 'a number as an OU path', edit: (c) => c.organizationalUnits.push(2024), where: 'organizationalUnits[4]', fix: 'quote it: "2024"' },
  { name: 'a fractional password length', edit: at(['baseline', 'passwordPolicy'], { minimumLength: 14.5 }), where: 'baseline.passwordPolicy.minimumLength', fix: 'expected a whole number' },
  { name: 'an empty accounts list item', text: BASE_YAML.replace('  - { name: shop-dev, email: aws+shop-dev@acme.example, ou: Workloads/Dev }', '  -'), where: 'accounts[3]', fix: 'expected a mapping of settings' },

  // ---- values AWS has a list for
  { name: 'a misspelt governed region', edit: at(['organization', 'governedRegions', 1], 'ap-northeast1'), where: 'organization.governedRegions[1]', fix: 'did you mean "ap-northeast-1"?' },
  { name: 'a China region', edit: at(['organization', 'governedRegions', 1], 'cn-north-1'), where: 'organization.governedRegions[1]', fix: 'not supported (partition)' },
  { name: 'a GovCloud home region', edit: at(['organization', 'homeRegion'], 'us-gov-west-1'), where: 'organization.homeRegion', fix: 'not supported (partition)' },
  { name: 'a state region that does not exist', edit: at(['state', 'region'], 'eu-west-9'), where: 'state.region', fix: 'use a code such as "us-east-1"' },
  { name: 'a misspelt StackSet region', edit: at(['stackSets', 0, 'regions'], ['us-east1']), where: 'stackSets[0].regions[0]', fix: 'did you mean "us-east-1"?' },
  { name: 'a China region in region-deny options', edit: at(['guardrails', 'scp', 0, 'options', 'allowedRegions'], ['cn-northwest-1']), where: 'guardrails.scp[0].options.allowedRegions[0]', fix: 'not supported (partition)' },
  { name: 'a region in capitals', edit: at(['organization', 'homeRegion'], 'US-EAST-1'), where: 'organization.homeRegion', fix: 'did you mean "us-east-1"?' },
  { name: 'a misspelt AWS managed policy', edit: permissionSet((p) => { p.managedPolicies[0] = 'PowerUserAcess'; }), where: 'identityCenter.permissionSets[0].managedPolicies[0]', fix: 'did you mean "PowerUserAccess"?' },
  { name: 'a managed policy without its path', edit: permissionSet((p) => { p.managedPolicies[1] = 'ViewOnlyAccess'; }), where: 'identityCenter.permissionSets[0].managedPolicies[1]', fix: 'did you mean "job-function/ViewOnlyAccess"?' },
  { name: 'a managed policy in the wrong case', edit: permissionSet((p) => { p.managedPolicies[0] = 'poweruseraccess'; }), where: 'identityCenter.permissionSets[0].managedPolicies[0]', fix: 'did you mean "PowerUserAccess"?' },
  { name: 'a managed policy ARN of another partition', edit: permissionSet((p) => { p.managedPolicies[0] = 'arn:aws-cn:iam::aws:policy/PowerUserAccess'; }), where: 'identityCenter.permissionSets[0].managedPolicies[0]', fix: 'commercial partition' },
  { name: 'a managed policy that does not exist', edit: permissionSet((p) => { p.managedPolicies[0] = 'AcmeDevelopers'; }), where: 'identityCenter.permissionSets[0].managedPolicies[0]', fix: 'customerManagedPolicies' },
  { name: 'a misspelt action in a permission set', edit: permissionSet((p) => { p.inlinePolicy.Statement[0].Action = ['iam:CreateUsr']; }), where: 'identityCenter.permissionSets[0].inlinePolicy.Statement[0].Action[0]', fix: 'did you mean "iam:CreateUser"?' },
  { name: 'an unknown service in a permission set action', edit: permissionSet((p) => { p.inlinePolicy.Statement[0].Action = ['iamm:CreateUser']; }), where: 'identityCenter.permissionSets[0].inlinePolicy.Statement[0].Action[0]', fix: 'did you mean "iam"?' },
  { name: 'an action that is not service:Action', edit: permissionSet((p) => { p.inlinePolicy.Statement[0].Action = 'CreateUser'; }), where: 'identityCenter.permissionSets[0].inlinePolicy.Statement[0].Action', fix: 'write "service:Action"' },
  { name: 'a Principal in a permission set policy', edit: permissionSet((p) => { p.inlinePolicy.Statement[0].Principal = '*'; }), where: 'identityCenter.permissionSets[0].inlinePolicy.Statement[0].Principal', fix: 'it has no Principal' },
  { name: 'a permission set statement without Resource', edit: permissionSet((p) => { delete p.inlinePolicy.Statement[0].Resource; }), where: 'identityCenter.permissionSets[0].inlinePolicy.Statement[0]', fix: 'add "Resource": "*"' },
  { name: 'a misspelt tag-policy resource type', edit: (c) => { c.guardrails.tag[0].options.tags.CostCenter.enforcedFor = ['ec2:instanse']; }, where: 'guardrails.tag[0].options.tags.CostCenter.enforcedFor[0]', fix: 'did you mean "ec2:instance"?' },
  { name: 'a tag-policy resource type of an unknown service', edit: (c) => { c.guardrails.tag[0].options.tags.CostCenter.enforcedFor = ['ecc2:instance']; }, where: 'guardrails.tag[0].options.tags.CostCenter.enforcedFor[0]', fix: 'did you mean "ec2"?' },
  { name: 'a tag-policy resource type without a colon', edit: (c) => { c.guardrails.tag[0].options.tags.CostCenter.enforcedFor = ['instance']; }, where: 'guardrails.tag[0].options.tags.CostCenter.enforcedFor[0]', fix: 'write "service:type"' },
  { name: 'a misspelt AI opt-out service', edit: (c) => { c.guardrails.aiOptOut[0].options.optInServices = ['lexx']; }, where: 'guardrails.aiOptOut[0].options.optInServices[0]', fix: 'did you mean "lex"?' },
  { name: 'default as an AI opt-in service', edit: (c) => { c.guardrails.aiOptOut[0].options.optInServices = ['default']; }, where: 'guardrails.aiOptOut[0].options.optInServices[0]', fix: 'switch the ai-opt-out entry off' },
  { name: 'a misspelt Security Hub standard', edit: at(['security', 'securityHub', 'standards', 0], 'aws-foundational-security-best-practice/v/1.0.0'), where: 'security.securityHub.standards[0]', fix: 'did you mean "aws-foundational-security-best-practices/v/1.0.0"?' },
  { name: 'a misspelt GuardDuty feature', edit: at(['security', 'guardDuty'], { features: ['S3_DATA_EVENT'] }), where: 'security.guardDuty.features[0]', fix: 'did you mean "S3_DATA_EVENTS"?' },
  { name: 'a misspelt Config rule', edit: at(['security', 'config'], { rules: ['root-account-mfa-enable'] }), where: 'security.config.rules[0]', fix: 'did you mean "root-account-mfa-enabled"?' },
  { name: 'a misspelt storage class', edit: at(['logging', 'coldStorage'], { storageClass: 'GLACIER-IR' }), where: 'logging.coldStorage.storageClass', fix: 'did you mean "GLACIER_IR"?' },
  { name: 'an unknown state backend', edit: at(['state', 'backend'], 'consul'), where: 'state.backend', fix: 'must be one of s3, cloud, local' },

  // ---- forms AWS or Terraform refuse
  { name: 'a bucket name in capitals', edit: at(['state', 'bucket'], 'Acme-TFState'), where: 'state.bucket', fix: 'only lowercase letters, digits' },
  { name: 'a bucket name like an IP address', edit: at(['state', 'bucket'], '192.168.5.4'), where: 'state.bucket', fix: 'may not look like an IP address' },
  { name: 'a bucket name with a reserved prefix', edit: at(['state', 'bucket'], 'xn--acme-state'), where: 'state.bucket', fix: 'the prefix "xn--" is reserved' },
  { name: 'a bucket name with a reserved suffix', edit: at(['state', 'bucket'], 'acme-state-s3alias'), where: 'state.bucket', fix: 'the suffix "-s3alias" is reserved' },
  { name: 'a bucket name with adjacent periods', edit: at(['state', 'bucket'], 'acme..state'), where: 'state.bucket', fix: 'two periods may not be adjacent' },
  { name: 'a bucket name too long', edit: at(['state', 'bucket'], `acme-${'x'.repeat(60)}`), where: 'state.bucket', fix: 'S3 bucket names are 3-63 characters' },
  { name: 'a key prefix with a leading slash', edit: at(['state', 'keyPrefix'], '/landing-zone'), where: 'state.keyPrefix', fix: 'may not start or end with "/"' },
  { name: 'a key prefix with a trailing slash', edit: at(['state', 'keyPrefix'], 'landing-zone/'), where: 'state.keyPrefix', fix: 'may not start or end with "/"' },
  { name: 'a key prefix with a double slash', edit: at(['state', 'keyPrefix'], 'platform//lz'), where: 'state.keyPrefix', fix: 'may not contain "//"' },
  { name: 'an empty key prefix', edit: at(['state', 'keyPrefix'], ''), where: 'state.keyPrefix', fix: 'write e.g. "landing-zone"' },
  { name: 'a key prefix with a space', edit: at(['state', 'keyPrefix'], 'landing zone'), where: 'state.keyPrefix', fix: 'S3 safe characters' },
  { name: 'a KMS key that is no key id, alias or ARN', edit: at(['state', 'kmsKeyId'], 'my-state-key'), where: 'state.kmsKeyId', fix: 'alias/tfstate' },
  { name: 'a Terraform Cloud host with a scheme', edit: at(['state'], { backend: 'cloud', cloud: { organization: 'acme', workspacePrefix: 'lz', hostname: 'https://app.terraform.io' } }), where: 'state.cloud.hostname', fix: 'write it without https://' },
  { name: 'a Terraform Cloud organization with a space', edit: at(['state'], { backend: 'cloud', cloud: { organization: 'acme corp', workspacePrefix: 'lz' } }), where: 'state.cloud.organization', fix: 'letters, digits, "_" and "-"' },
  { name: 'an account e-mail without a domain', edit: at(['accounts', 3, 'email'], 'shop-dev@'), where: 'accounts[3].email', fix: 'write it as name@example.com' },
  { name: 'an account e-mail over 64 characters', edit: at(['accounts', 3, 'email'], `aws+${'shop-dev-'.repeat(7)}@acme.example`), where: 'accounts[3].email', fix: 'use a shorter address' },
  { name: 'a permission set name over 32 characters', edit: permissionSet((p) => { p.name = 'DeveloperWithAVeryLongNameIndeed1'; }), where: 'identityCenter.permissionSets[0].name', fix: '1-32 letters, digits' },
  { name: 'a session longer than 12 hours', edit: permissionSet((p) => { p.sessionDuration = 'PT13H'; }), where: 'identityCenter.permissionSets[0].sessionDuration', fix: 'use 1 to 12 hours' },
  { name: 'a session written in hours', edit: permissionSet((p) => { p.sessionDuration = '8h'; }), where: 'identityCenter.permissionSets[0].sessionDuration', fix: 'write hours and minutes like "PT1H"' },
  { name: 'an empty group name', edit: at(['identityCenter', 'groups', 0, 'name'], ''), where: 'identityCenter.groups[0].name', fix: 'is empty; write a value' },
  { name: 'a tag key starting with aws:', edit: at(['accounts', 2, 'tags'], { 'aws:owner': 'x' }), where: 'accounts[2].tags.aws:owner', fix: 'not starting with "aws:"' },
  { name: 'an organization tag key starting with aws:', edit: at(['organization', 'tags'], { 'aws:cost': 'x' }), where: 'organization.tags.aws:cost', fix: 'not starting with "aws:"' },
  { name: 'a tag value with a forbidden character', edit: at(['accounts', 2, 'tags'], { Team: 'shop;prod' }), where: 'accounts[2].tags.Team', fix: 'letters, digits, spaces and _.:/=+-@' },
  { name: 'a tag value over 256 characters', edit: at(['accounts', 2, 'tags'], { Team: 'x'.repeat(257) }), where: 'accounts[2].tags.Team', fix: /256|too big/ },
  { name: 'fifty-one tags on one account', edit: at(['accounts', 2, 'tags'], Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`Key${i}`, 'v']))), where: 'accounts[2].tags', fix: 'keep at most 50' },
  { name: 'a phone number with letters', edit: at(['organization', 'alternateContacts', 'billing', 'phone'], 'call me'), where: 'organization.alternateContacts.billing.phone', fix: 'digits, spaces, "+", "-"' },
  { name: 'an account name in capitals', edit: at(['accounts', 3, 'name'], 'Shop-Dev'), where: 'accounts[3].name', fix: 'use 2-40 lowercase letters' },
  { name: 'an organization name too long for physical names', edit: at(['organization', 'name'], 'a-very-long-organization-name-indeed-xyz'), where: 'organization.name', fix: 'shorten organization.name' },
  { name: 'an OU path with a trailing slash', edit: at(['organizationalUnits', 3], 'Sandbox/'), where: 'organizationalUnits[3]', fix: 'joined by "/"' },
  { name: 'an OU name with a leading space', edit: at(['organizationalUnits', 3], ' Sandbox'), where: 'organizationalUnits[3]', fix: 'no leading or trailing spaces' },
  { name: 'a malformed OU id', edit: at(['organization', 'ouIds'], { Sandbox: 'ou-123' }), where: 'organization.ouIds.Sandbox', fix: 'it looks like "ou-ab12-cd34ef56"' },
  { name: 'a malformed organization id', edit: at(['organization', 'id'], 'org-123'), where: 'organization.id', fix: 'it looks like "o-abc123defg"' },
  { name: 'an access role name with a space', edit: at(['organization', 'accessRoleName'], 'Org Access'), where: 'organization.accessRoleName', fix: 'letters, digits and +=,.@_-' },
  { name: 'a relay state that is no URL', edit: permissionSet((p) => { p.relayState = 'console'; }), where: 'identityCenter.permissionSets[0].relayState', fix: 'e.g. "https://console.aws.amazon.com/"' },
  { name: 'a Security Hub control id of the wrong form', edit: at(['security', 'securityHub', 'disabledControls'], ['IAM-6']), where: 'security.securityHub.disabledControls[0]', fix: 'it looks like "IAM.6"' },
  { name: 'a GuardDuty severity out of range', edit: at(['security', 'notifications', 'guardDutyMinimumSeverity'], 11), where: 'security.notifications.guardDutyMinimumSeverity', fix: 'between 1 and 10; GuardDuty severities are numbers from 1.0 to 10.0' },
  { name: 'eleven budget e-mails', edit: at(['baseline', 'budget', 'emails'], Array.from({ length: 11 }, (_, i) => `b${i}@acme.example`)), where: 'baseline.budget.emails', fix: '10 e-mail subscribers' },
  { name: 'a budget of zero', edit: at(['accounts', 2, 'budget', 'monthlyUsd'], 0), where: 'accounts[2].budget.monthlyUsd', fix: 'must be more than 0 USD' },
  { name: 'a custom policy name with a space', edit: at(['guardrails', 'scp', 1, 'name'], 'deny big'), where: 'guardrails.scp[1].name', fix: 'letters, digits and +=,.@_-' },
  { name: 'a StackSet name with an underscore', edit: at(['stackSets', 0, 'name'], 'audit_role'), where: 'stackSets[0].name', fix: 'letters, digits and hyphens' },

  { name: 'a permission set description in Japanese', edit: permissionSet((p) => { p.description = '開発者向けの権限'; }), where: 'identityCenter.permissionSets[0].description', fix: 'only Latin-1 letters' },
  { name: 'a relay state over 240 characters', edit: permissionSet((p) => { p.relayState = `https://console.aws.amazon.com/${'x'.repeat(240)}`; }), where: 'identityCenter.permissionSets[0].relayState', fix: '240 characters' },
  {
    name: 'a permission set inline policy over 32,768 characters',
    edit: permissionSet((p) => { p.inlinePolicy.Statement = Array.from({ length: 300 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Deny', Action: ['s3:DeleteBucket'], Resource: `arn:aws:s3:::bucket-${'x'.repeat(80)}-${i}` })); }),
    where: 'identityCenter.permissionSets[0].inlinePolicy ',
    fix: 'move part of it into a customer managed policy',
  },
  { name: 'a Terraform Cloud workspace prefix too long for the workspace names', edit: at(['state'], { backend: 'cloud', cloud: { organization: 'acme', workspacePrefix: 'x'.repeat(80) } }), where: 'state.cloud.workspacePrefix', fix: 'shorten the prefix to at most' },
  {
    name: 'an unknown service in a custom AI opt-out policy',
    edit: (c) => { c.guardrails.aiOptOut = [{ file: 'policies/ai.json', targets: ['Root'] }]; },
    files: { 'policies/ai.json': JSON.stringify({ services: { default: { opt_out_policy: { '@@assign': 'optOut' } }, rekognitoin: { opt_out_policy: { '@@assign': 'optIn' } } } }) },
    where: 'guardrails.aiOptOut[0].file',
    fix: 'did you mean "rekognition"?',
  },
  {
    name: 'a misspelt resource type in a custom tag policy',
    edit: (c) => { c.guardrails.tag = [{ file: 'policies/tags.json', targets: ['Root'] }]; },
    files: { 'policies/tags.json': JSON.stringify({ tags: { Owner: { tag_key: { '@@assign': 'Owner' }, enforced_for: { '@@assign': ['s3:buckets'] } } } }) },
    where: 'guardrails.tag[0].file',
    fix: 'did you mean "s3:bucket"?',
  },

  // ---- references
  { name: 'an account in an OU that does not exist', edit: at(['accounts', 3, 'ou'], 'Workload/Dev'), where: 'accounts[3].ou', fix: 'did you mean "Workloads/Dev"?' },
  { name: 'a guardrail target OU misspelt', edit: at(['guardrails', 'scp', 1, 'targets'], ['Sandbx']), where: 'guardrails.scp[1].targets[0]', fix: 'did you mean "Sandbox"?' },
  { name: 'a guardrail target written root', edit: at(['guardrails', 'scp', 1, 'targets'], ['root']), where: 'guardrails.scp[1].targets[0]', fix: 'is written "Root"' },
  { name: 'an assignment to a group that is not defined', edit: at(['identityCenter', 'assignments', 0, 'group'], 'developer'), where: 'identityCenter.assignments[0].group', fix: 'did you mean "developers"?' },
  { name: 'an assignment of a permission set that is not defined', edit: at(['identityCenter', 'assignments', 0, 'permissionSet'], 'Developers'), where: 'identityCenter.assignments[0].permissionSet', fix: 'did you mean "Developer"?' },
  { name: 'an assignment to a closed account', edit: at(['identityCenter', 'assignments', 0, 'targets'], ['old-poc']), where: 'identityCenter.assignments[0].targets[0]', fix: 'remove it from the targets' },
  { name: 'a Security Hub target that is an account', edit: at(['security', 'securityHub', 'targets'], ['shop-prod']), where: 'security.securityHub.targets[0]', fix: "use the account's OU" },
  { name: 'an override for an OU that does not exist', edit: at(['baseline', 'ouOverrides'], { Sandbxo: { budget: { monthlyUsd: 5 } } }), where: 'baseline.ouOverrides.Sandbxo', fix: 'did you mean "Sandbox"?' },
  { name: 'a StackSet targeting an account', edit: at(['stackSets', 0, 'targets'], ['shop-prod']), where: 'stackSets[0].targets[0]', fix: "target the account's OU" },
  { name: 'a StackSet region that is not governed', edit: at(['stackSets', 0, 'regions'], ['eu-west-1']), where: 'stackSets[0].regions[0]', fix: 'add it to organization.governedRegions' },
  { name: 'a home region that is not governed', edit: at(['organization', 'homeRegion'], 'eu-west-1'), where: 'organization.homeRegion', fix: 'add it to governedRegions or pick one of them' },
  { name: 'a misspelt catalogue policy', edit: at(['guardrails', 'scp', 0, 'policy'], 'region-denied'), where: 'guardrails.scp[0].policy', fix: 'did you mean "region-deny"?' },
  { name: 'a catalogue policy in the wrong section', edit: (c) => { c.guardrails.rcp = [{ policy: 'region-deny' }]; }, where: 'guardrails.rcp[0].policy', fix: 'list it under guardrails.scp' },
  { name: 'an option the catalogue entry does not take', edit: at(['guardrails', 'scp', 0, 'options'], { optInServices: ['lex'] }), where: 'guardrails.scp[0].options.optInServices', fix: 'it takes exemptRoleNames, allowedRegions' },
  { name: 'an OU id for an OU that is not listed', edit: at(['organization', 'ouIds'], { Sandbx: 'ou-ab12-cd34ef56' }), where: 'organization.ouIds.Sandbx', fix: 'did you mean "Sandbox"?' },
  { name: 'a custom policy without targets', edit: (c) => { delete c.guardrails.scp[1].targets; }, where: 'guardrails.scp[1].targets', fix: 'e.g. [Root] or [Workloads/Prod]' },

  // ---- uniqueness and structure
  { name: 'a duplicate e-mail differing in case', edit: at(['accounts', 3, 'email'], 'AWS+shop-prod@acme.example'), where: 'accounts[3].email', fix: 'every account needs its own email' },
  { name: 'a duplicate account name', edit: at(['accounts', 3, 'name'], 'shop-prod'), where: 'accounts[3].name', fix: 'every account needs its own name' },
  { name: 'an account id adopted twice', edit: at(['accounts', 3, 'id'], '222222222222'), where: 'accounts[3].id', fix: 'an account can be adopted once' },
  { name: 'the management account listed as a member', edit: at(['accounts', 3, 'id'], '111111111111'), where: 'accounts[3].id', fix: 'the management account is not listed under accounts' },
  { name: 'two security accounts', edit: at(['accounts', 0, 'role'], 'security'), where: 'accounts[1].role', fix: 'make this one a workload' },
  { name: 'no log-archive account', edit: at(['accounts', 0, 'role'], 'workload'), where: 'accounts', fix: 'add one (e.g. { name: log-archive' },
  { name: 'a suspended security account', edit: at(['accounts', 1, 'state'], 'suspended'), where: 'accounts[1].state', fix: 'the landing zone needs it active' },
  { name: 'OUs nested six deep', edit: (c) => c.organizationalUnits.push('A/B/C/D/E/F'), where: 'organizationalUnits[4]', fix: 'flatten it' },
  { name: 'an OU called Root', edit: (c) => c.organizationalUnits.push('Root/Teams'), where: 'organizationalUnits[4]', fix: 'paths start below it' },
  { name: 'an active account placed in Suspended', edit: (c) => { c.organizationalUnits.push('Suspended'); c.accounts[3].ou = 'Suspended'; }, where: 'accounts[3].ou', fix: 'set state: suspended instead' },
  { name: 'a closed account still under accounts', edit: (c) => c.closedAccounts.push({ name: 'shop-dev' }), where: 'closedAccounts[1].name', fix: 'remove one of the two' },
  { name: 'a closed account listed twice', edit: (c) => c.closedAccounts.push({ name: 'old-poc' }), where: 'closedAccounts[1].name', fix: 'list each closed account once' },
  { name: 'a governed region listed twice', edit: (c) => c.organization.governedRegions.push('us-east-1'), where: 'organization.governedRegions[2]', fix: 'list each region once' },
  { name: 'Object Lock longer than the retention', edit: at(['logging', 'objectLock', 'retentionDays'], 4000), where: 'logging.objectLock.retentionDays', fix: 'lower it to at most 3650' },
  { name: 'a transition to STANDARD_IA before 30 days', edit: at(['logging', 'coldStorage'], { afterDays: 10, storageClass: 'STANDARD_IA' }), where: 'logging.coldStorage.afterDays', fix: 'after at least 30 days' },
  { name: 'Detective without GuardDuty', edit: at(['security'], { guardDuty: { enabled: false }, detective: { enabled: true } }), where: 'security.detective.enabled', fix: 'set security.guardDuty.enabled: true' },

  // ---- brownfield adoption (accounts[].adopt, organization.adopt)
  { name: 'adopt on an account the landing zone creates', edit: at(['accounts', 3, 'adopt'], { passwordPolicy: true }), where: 'accounts[3].adopt', fix: "set accounts[3].id to the existing account's id" },
  { name: 'an adopted recorder in a region that is not governed', edit: at(['accounts', 2, 'adopt'], { configRecorders: { 'eu-west-1': { recorder: 'default' } } }), where: 'accounts[2].adopt.configRecorders.eu-west-1', fix: 'add the region to organization.governedRegions, or remove the entry' },
  { name: 'an adopted analyzer in a region that is not governed', edit: at(['accounts', 2, 'adopt'], { accessAnalyzers: { 'eu-west-1': 'old' } }), where: 'accounts[2].adopt.accessAnalyzers.eu-west-1', fix: 'add the region to organization.governedRegions, or remove the entry' },
  { name: 'an adopted budget the landing zone does not manage', edit: at(['accounts', 2, 'adopt'], { budgets: ['team-budget'] }), where: 'accounts[2].adopt.budgets[0]', fix: 'it manages "shop-prod-monthly-cost"' },

  // ---- account lifecycle (the inventory beside the config)
  { name: 'an account dropped from the file', edit: (c) => c.accounts.splice(3, 1), where: 'accounts (line', fix: 'move it to closedAccounts' },
  { name: 'an account renamed', edit: at(['accounts', 3, 'name'], 'shop-develop'), where: 'accounts (line', fix: 'change the name back' },
  { name: "a closed account's e-mail reused", edit: (c) => c.accounts.push({ name: 'shop-qa', email: 'aws+poc@acme.example', ou: 'Workloads/Dev' }), where: 'accounts[4].email', fix: 'give this account a new address' },
  { name: 'a closed account put back without its id', edit: (c) => { c.closedAccounts = []; c.accounts.push({ name: 'old-poc', email: 'aws+poc2@acme.example', ou: 'Sandbox' }); }, where: 'accounts[4].name', fix: 'set id: "555555555555" to adopt it' },
  { name: 'a closed account put back with another id', edit: (c) => { c.closedAccounts = []; c.accounts.push({ name: 'old-poc', email: 'aws+poc@acme.example', ou: 'Sandbox', id: '666666666666' }); }, where: 'accounts[4].id', fix: 'a closed account can only come back as itself' },
  {
    name: 'a closed account the inventory remembers, put back after its closedAccounts entry was deleted',
    edit: (c) => { c.closedAccounts = []; c.accounts.push({ name: 'old-poc', email: 'aws+new-poc@acme.example', ou: 'Sandbox' }); },
    where: 'accounts[4].name',
    fix: 'for a new account use a new name and e-mail',
  },

  // ---- Control Tower mode (config/validate/control-tower.ts)
  { name: 'a registered OU that is not in the config', edit: controlTower({ registeredOus: ['Workloads/Prd'] }), where: 'controlTower.registeredOus[0]', fix: 'did you mean "Workloads/Prod"?' },
  { name: "Control Tower's home region outside its governed regions", edit: controlTower({ homeRegion: 'eu-west-1' }), where: 'controlTower.homeRegion', fix: 'add it to governedRegions' },
  { name: 'a governed region Control Tower does not govern', edit: controlTower({ governedRegions: ['us-east-1'] }), where: 'organization.governedRegions[1]', fix: "add ap-northeast-1 to the governed Regions in Control Tower's landing zone settings" },
  { name: "an adopted recorder Control Tower owns", edit: (c) => { controlTower({})(c); c.accounts[2].adopt = { configRecorders: { 'us-east-1': { recorder: 'default' } } }; }, where: 'accounts[2].adopt.configRecorders.us-east-1', fix: 'drop this entry' },
  { name: "a guardrail named like Control Tower's SCPs", edit: (c) => { controlTower({})(c); c.guardrails.scp[1].name = 'aws-guardrails-mine'; }, where: 'guardrails.scp[1].name', fix: 'give the policy another name' },
  { name: 'a registered OU without room for the SCPs', edit: (c) => { controlTower({ registeredOus: ['Sandbox'], scpsPerRegisteredOu: 4 })(c); }, where: 'guardrails.scp[1].targets[0]', fix: "Control Tower's controls take 4" },

  // ---- custom guardrail documents
  { name: 'a misspelt action in a custom SCP', files: { 'policies/deny-big.json': POLICY_FILE.replace('ec2:RunInstances', 'ec2:RunInstance') }, where: 'guardrails.scp[1].file', fix: 'did you mean "ec2:RunInstances"?' },
  { name: 'an unknown top-level key in a custom SCP', files: { 'policies/deny-big.json': POLICY_FILE.replace('"Version"', '"Versoin"') }, where: 'guardrails.scp[1].file', fix: 'did you mean "Version"?' },
  { name: 'an Allow in a custom RCP', edit: (c) => { c.guardrails.rcp = [{ file: 'policies/rcp.json', targets: ['Root'] }]; }, files: { 'policies/rcp.json': JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] }) }, where: 'guardrails.rcp[0].file', fix: 'RCPs only deny' },
  {
    name: 'a custom SCP statement too large for any document',
    files: { 'policies/deny-big.json': JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:RunInstances', Resource: Array.from({ length: 200 }, (_, i) => `arn:aws:ec2:*:*:instance/i-${String(i).padStart(17, '0')}`) }] }) },
    where: 'guardrails',
    fix: 'split it into smaller statements',
  },
];

/** Every file under `dir` with its content, to prove a failed run changed nothing. */
/** A config with a problem in every stage: a misspelt key (shape), a missing OU (reference) and a duplicated e-mail (meaning). */
export const THREE_STAGES: BrokenCase = {
  name: 'three stages',
  edit: (c) => {
    c.organization.homeRegoin = 'us-east-1';
    c.accounts[3].ou = 'Workload/Dev';
    c.accounts[3].email = 'aws+shop-prod@acme.example';
  },
  where: '',
  fix: '',
};

export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** A folder with the case's config, policy file, StackSet template, inventory and an earlier synth output. */
export function workspace(c: BrokenCase): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lz-broken-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('policies/deny-big.json', POLICY_FILE);
  write('stacksets/audit-role.yaml', TEMPLATE);
  write('cdktf.out/stacks/management/cdk.tf.json', '{"earlier":"synth"}\n');
  const configPath = c.configPath ?? 'landing-zone.yaml';
  const text = c.text ?? (c.edit ? edit(c.edit) : BASE_YAML);
  if (!configPath.startsWith('nope/') && !configPath.startsWith('stacksets/') && configPath !== 'policies') write(configPath, text);
  write(configPath === 'landing-zone.json' ? 'landing-zone.inventory.json' : 'landing-zone.inventory.json', c.inventory ?? JSON.stringify(baseInventory(), null, 2));
  for (const [path, content] of Object.entries(c.files ?? {})) {
    if (content === '' && path.endsWith('.json')) continue;
    write(path, content);
  }
  return { dir, config: join(dir, configPath) };
}

/** Runs `lz <args>` in-process; returns the exit code and everything printed. */
export async function runLz(args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const capture = (...a: unknown[]) => void lines.push(a.map(String).join(' '));
  const log = jest.spyOn(console, 'log').mockImplementation(capture);
  const error = jest.spyOn(console, 'error').mockImplementation(capture);
  process.exitCode = 0;
  try {
    await buildProgram().exitOverride().parseAsync(['node', 'lz', ...args]);
  } catch (e) {
    lines.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = process.exitCode || 99;
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, output: lines.join('\n') };
}

/** A stack trace: "    at fn (file:line:col)". */
export const STACK_TRACE = /\n\s+at .+[:(]\d+/;

/** The first output line that names `where`, or undefined. */
export function lineNaming(output: string, where: string): string | undefined {
  return output.split('\n').find((l) => l.includes(where));
}


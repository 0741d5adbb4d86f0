/*
 * Policy documents AWS would refuse, that would never do what they say, or that would lock the landing zone out of its
 * own accounts (issue 22), for __tests__/config/broken-policies.test.ts: each case edits one thing into POLICY_BASE and
 * gives the exact line that reports it (path, line, value, fix, AWS's page).
 */

/** A config with a pipeline (plan and apply roles), remote state and the four accounts the guardrails reach. */
export const POLICY_BASE = `
organization:
  name: acme
  managementAccountId: "111111111111"
  homeRegion: us-east-1
  governedRegions: [us-east-1, ap-northeast-1]
state: { backend: s3, bucket: acme-tfstate-111111111111 }
ci: { provider: github, repository: acme/landing-zone }
organizationalUnits: [Security, Workloads/Prod, Workloads/Dev]
accounts:
  - { name: log-archive, email: aws+log@acme.example, ou: Security, role: log-archive }
  - { name: security, email: aws+sec@acme.example, ou: Security, role: security }
  - { name: shop-prod, email: aws+shop-prod@acme.example, ou: Workloads/Prod }
  - { name: shop-dev, email: aws+shop-dev@acme.example, ou: Workloads/Dev }
`;

export interface PolicyCase {
  readonly name: string;
  /** Set as `guardrails` of the base. */
  readonly guardrails?: Record<string, unknown>;
  /** Set as `identityCenter` of the base. */
  readonly identityCenter?: Record<string, unknown>;
  /** Set as `stackSets` of the base. */
  readonly stackSets?: readonly Record<string, unknown>[];
  /** Files beside the config (custom policy files). */
  readonly files?: Readonly<Record<string, string>>;
  /** The one problem line, exactly as the error lists it (without its two-space indent). */
  readonly problem: string;
}

const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
/** One custom SCP at Workloads. */
const scp = (statement: object) => ({ scp: [{ name: 'custom', targets: ['Workloads'], document: doc(statement) }] });
/** A Deny of s3:PutObject with `extra`. */
const deny = (extra: object) => ({ Sid: 'Custom', Effect: 'Deny', Action: 's3:PutObject', Resource: '*', ...extra });
const backupRule = (rule: object) => ({ backup: [{ name: 'daily', targets: ['Workloads/Prod'], document: { plans: { Daily: { regions: { '@@assign': ['us-east-1'] }, rules: { Daily: rule } } } } }] });
const developer = (statement: object) => ({
  permissionSets: [{ name: 'Developer', managedPolicies: ['PowerUserAccess'], inlinePolicy: { Statement: [statement] } }],
});

const IAM = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const ORGS = 'https://docs.aws.amazon.com/organizations/latest/userguide';
const SAR = 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';

export const POLICY_CASES: readonly PolicyCase[] = [
  // ---- condition keys, operators and values
  {
    name: 'a misspelt global key in a negated condition of a Deny',
    guardrails: scp({ Sid: 'OnlyAdmins', Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalArm': 'arn:aws:iam::*:role/Admin' } } }),
    problem: `guardrails.scp[0].document.Statement[0].Condition.StringNotEquals.aws:PrincipalArm (line 47): "aws:PrincipalArm" is not a global condition key; did you mean "aws:PrincipalArn"? A key no request carries is missing from every request, so StringNotEquals matches every request and this Deny applies to everyone it names: it locks the targets out (${IAM}/reference_policies_condition-keys.html)`,
  },
  {
    name: 'an unknown service condition key',
    guardrails: scp(deny({ Condition: { StringEquals: { 's3:x-amz-acll': 'public-read' } } })),
    problem: `guardrails.scp[0].document.Statement[0].Condition.StringEquals.s3:x-amz-acll (line 47): "s3:x-amz-acll" is not a condition key of s3; did you mean "s3:x-amz-acl"? A key no request carries never matches, so this condition is always false and the statement never applies (${SAR})`,
  },
  {
    name: 'a service key none of the actions puts in the request',
    guardrails: scp({ Sid: 'SmallOnly', Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: { StringNotLike: { 'ec2:InstanceType': 't3.*' } } }),
    problem: `guardrails.scp[0].document.Statement[0].Condition.StringNotLike.ec2:InstanceType (line 47): "ec2:InstanceType" is not in the request context of s3:PutObject: use a key these actions support, or the actions this key belongs to. A key no request carries is missing from every request, so StringNotLike matches every request and this Deny applies to everyone it names: it locks the targets out (${SAR})`,
  },
  {
    name: 'a condition operator in the wrong case',
    guardrails: scp(deny({ Condition: { stringequals: { 'aws:RequestedRegion': 'eu-west-1' } } })),
    problem: `guardrails.scp[0].document.Statement[0].Condition.stringequals (line 47): "stringequals" is not a condition operator as written; write "StringEquals" (operator names are written as documented) (${IAM}/reference_policies_elements_condition_operators.html)`,
  },
  {
    name: 'a misspelt condition operator',
    guardrails: scp(deny({ Condition: { StringEqual: { 'aws:RequestedRegion': 'eu-west-1' } } })),
    problem: `guardrails.scp[0].document.Statement[0].Condition.StringEqual (line 47): "StringEqual" is not a condition operator; did you mean "StringEquals"? (${IAM}/reference_policies_elements_condition_operators.html)`,
  },
  {
    name: 'IfExists on Null',
    guardrails: scp(deny({ Condition: { NullIfExists: { 'aws:ResourceTag/Owner': 'true' } } })),
    problem: `guardrails.scp[0].document.Statement[0].Condition.NullIfExists (line 47): "NullIfExists" is not a condition operator: Null already tests whether the key is present, so it takes no IfExists; write "Null" with "true" (key absent) or "false" (key present) (${IAM}/reference_policies_elements_condition_operators.html)`,
  },
  {
    name: 'ForAllValues on a single-valued key',
    guardrails: scp(deny({ Condition: { 'ForAllValues:StringEquals': { 'aws:RequestedRegion': ['eu-west-1'] } } })),
    problem: `guardrails.scp[0].document.Statement[0].Condition.ForAllValues:StringEquals.aws:RequestedRegion (line 48): "aws:RequestedRegion" is single-valued (String); ForAllValues: is for multi-valued keys and matches requests without the key: write "StringEquals" (${IAM}/reference_policies_condition-single-vs-multi-valued-context-keys.html)`,
  },
  {
    name: 'a multi-valued key without a set operator',
    guardrails: scp({ Sid: 'NoSecretTag', Effect: 'Deny', Action: 'ec2:CreateTags', Resource: '*', Condition: { StringEquals: { 'aws:TagKeys': 'secret' } } }),
    problem: `guardrails.scp[0].document.Statement[0].Condition.StringEquals.aws:TagKeys (line 47): "aws:TagKeys" is multi-valued (ArrayOfString), so StringEquals needs a set operator: write "ForAnyValue:StringEquals" (any value matches) or "ForAllValues:StringEquals" (every value matches) (${IAM}/reference_policies_condition-single-vs-multi-valued-context-keys.html)`,
  },
  {
    name: 'a Bool condition on yes',
    guardrails: scp(deny({ Condition: { Bool: { 'aws:SecureTransport': 'yes' } } })),
    problem: `guardrails.scp[0].document.Statement[0].Condition.Bool.aws:SecureTransport (line 47): "yes" is not a Bool value; Bool takes "true" or "false" (${IAM}/reference_policies_elements_condition_operators.html)`,
  },
  {
    name: 'a Bool operator on an ARN key',
    guardrails: scp(deny({ Condition: { Bool: { 'aws:PrincipalArn': 'true' } } })),
    problem: `guardrails.scp[0].document.Statement[0].Condition.Bool.aws:PrincipalArn (line 47): "aws:PrincipalArn" is an ARN key, which Bool does not compare (Bool operators take Bool keys); use a String or Arn operator (${IAM}/reference_policies_elements_condition_operators.html)`,
  },
  {
    name: 'a date that is no date',
    guardrails: scp(deny({ Condition: { DateGreaterThan: { 'aws:CurrentTime': 'next year' } } })),
    problem: `guardrails.scp[0].document.Statement[0].Condition.DateGreaterThan.aws:CurrentTime (line 47): "next year" is not a date; DateGreaterThan takes ISO 8601 dates ("2026-12-31T23:59:59Z") or epoch seconds (${IAM}/reference_policies_elements_condition_operators.html)`,
  },
  {
    name: 'a CIDR range with a prefix over 32',
    guardrails: scp(deny({ Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/33' } } })),
    problem: `guardrails.scp[0].document.Statement[0].Condition.NotIpAddress.aws:SourceIp (line 47): "10.0.0.0/33" is not an IP address or CIDR range; NotIpAddress takes e.g. "203.0.113.0/24" or "2001:DB8:1234:5678::/64" (${IAM}/reference_policies_elements_condition_operators.html)`,
  },
  // ---- Resource, Principal, Effect, Sid, elements
  {
    name: 'a resource that is not an ARN',
    guardrails: scp(deny({ Resource: 'my-bucket/*' })),
    problem: `guardrails.scp[0].document.Statement[0].Resource (line 44): "my-bucket/*" is not an ARN; write "*" or "arn:aws:<service>:<region>:<account>:<resource>", e.g. "arn:aws:s3:::example-bucket" (${IAM}/reference-arns.html)`,
  },
  {
    name: 'an IAM ARN with a Region',
    guardrails: scp({ Sid: 'NoRoleDeletion', Effect: 'Deny', Action: 'iam:DeleteRole', Resource: 'arn:aws:iam:us-east-1:*:role/App' }),
    problem: `guardrails.scp[0].document.Statement[0].Resource (line 44): "arn:aws:iam:us-east-1:*:role/App" has the Region "us-east-1", but iam ARNs have none: write "arn:aws:iam::*:role/App" (${IAM}/reference-arns.html)`,
  },
  {
    name: 'an ARN of another partition',
    guardrails: scp(deny({ Resource: 'arn:aws-cn:s3:::data/*' })),
    problem: `guardrails.scp[0].document.Statement[0].Resource (line 44): "arn:aws-cn:s3:::data/*" is an ARN of the aws-cn partition; this landing zone governs an organization in the commercial partition, whose ARNs start "arn:aws:" (${IAM}/reference-arns.html)`,
  },
  {
    name: "an ARN of another service than the actions'",
    guardrails: scp(deny({ Resource: 'arn:aws:sqs:us-east-1:*:orders' })),
    problem: `guardrails.scp[0].document.Statement[0].Resource (line 44): "arn:aws:sqs:us-east-1:*:orders" matches no resource the statement's actions act on (s3:PutObject acts on arn:aws:s3:\${Region}:\${Account}:accesspoint/\${AccessPointName}/object/\${ObjectName} or arn:aws:s3:::\${BucketName}/\${ObjectName}), so the statement never applies to it; write an ARN of that form, or the actions that act on this resource (${SAR})`,
  },
  {
    name: 'an ARN for an action authorized on "*" only',
    guardrails: scp({ Sid: 'NoDescribe', Effect: 'Deny', Action: 'ec2:DescribeInstances', Resource: 'arn:aws:ec2:*:*:instance/*' }),
    problem: `guardrails.scp[0].document.Statement[0].Resource (line 44): "arn:aws:ec2:*:*:instance/*" is never matched: ec2:DescribeInstances acts on no resource type, so AWS authorizes it only against "Resource": "*"; write "*" (${SAR})`,
  },
  {
    name: 'a Principal in an SCP',
    guardrails: scp(deny({ Principal: { AWS: 'arn:aws:iam::123456789012:root' } })),
    problem: `guardrails.scp[0].document.Statement[0].Principal (line 46): is not allowed in an SCP; an SCP applies to every principal of the accounts below its targets, so it names none: narrow it with a Condition on aws:PrincipalArn instead (${ORGS}/orgs_manage_policies_scps_syntax.html)`,
  },
  {
    name: 'a lower-case Effect',
    guardrails: scp(deny({ Effect: 'deny' })),
    problem: `guardrails.scp[0].document.Statement[0].Effect (line 42): is "deny"; Effect is case-sensitive: write "Deny" (${IAM}/reference_policies_elements_effect.html)`,
  },
  {
    name: 'a Sid with a hyphen',
    guardrails: scp(deny({ Sid: 'No-Public' })),
    problem: `guardrails.scp[0].document.Statement[0].Sid (line 41): "No-Public" is not a statement id; a Sid holds only letters and digits (A-Z, a-z, 0-9) (${IAM}/reference_policies_elements_sid.html)`,
  },
  {
    name: 'NotAction in an RCP',
    guardrails: { rcp: [{ name: 'custom-rcp', targets: ['Root'], document: doc({ Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject', Resource: '*' }) }] },
    problem: `guardrails.rcp[0].document.Statement[0].NotAction (line 43): is not allowed in an RCP; RCPs do not support NotAction: list the actions under Action (${ORGS}/orgs_manage_policies_rcps_syntax.html)`,
  },
  {
    name: 'a misspelt global key in a permission set inline policy',
    identityCenter: developer({ Sid: 'MfaOnly', Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresnt': 'false' } } }),
    problem: `identityCenter.permissionSets[0].inlinePolicy.Statement[0].Condition.BoolIfExists.aws:MultiFactorAuthPresnt (line 46): "aws:MultiFactorAuthPresnt" is not a global condition key; did you mean "aws:MultiFactorAuthPresent"? A key no request carries is missing from every request, so BoolIfExists matches every request and this Deny applies to everyone it names: it locks the targets out (${IAM}/reference_policies_condition-keys.html)`,
  },
  {
    name: 'an S3 ARN with an account in a permission set inline policy',
    identityCenter: developer({ Sid: 'Reports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3::123456789012:reports/*' }),
    problem: `identityCenter.permissionSets[0].inlinePolicy.Statement[0].Resource (line 43): "arn:aws:s3::123456789012:reports/*" matches no resource the statement's actions act on (s3:GetObject acts on arn:aws:s3:\${Region}:\${Account}:accesspoint/\${AccessPointName}/object/\${ObjectName} or arn:aws:s3:::\${BucketName}/\${ObjectName}), so the statement never applies to it; write an ARN of that form, or the actions that act on this resource (${SAR})`,
  },
  // ---- custom file
  {
    name: 'a misspelt key in a custom SCP file',
    guardrails: { scp: [{ file: 'policies/tls.json', targets: ['Workloads'] }] },
    files: { 'policies/tls.json': JSON.stringify(doc({ Sid: 'Tls', Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransprt': 'false' } } })) },
    problem: `guardrails.scp[0].file (line 35): "policies/tls.json" Statement[0].Condition.Bool.aws:SecureTransprt "aws:SecureTransprt" is not a global condition key; did you mean "aws:SecureTransport"? A key no request carries never matches, so this condition is always false and the statement never applies (${IAM}/reference_policies_condition-keys.html)`,
  },
  // ---- management policy types
  {
    name: 'a declarative hop limit out of range',
    guardrails: { declarative: [{ name: 'imds', targets: ['Workloads'], document: { ec2_attributes: { instance_metadata_defaults: { http_tokens: { '@@assign': 'required' }, http_put_response_hop_limit: { '@@assign': '65' } } } } }] },
    problem: `guardrails.declarative[0].document.ec2_attributes.instance_metadata_defaults.http_put_response_hop_limit.@@assign (line 44): "65" is out of range; write a whole number from -1 to 64 (${ORGS}/orgs_manage_policies_declarative_syntax.html)`,
  },
  {
    name: 'a declarative value in the wrong case',
    guardrails: { declarative: [{ name: 'vpc-bpa', targets: ['Workloads'], document: { ec2_attributes: { vpc_block_public_access: { internet_gateway_block: { mode: { '@@assign': 'Block_Ingress' }, exclusions_allowed: { '@@assign': 'disabled' } } } } } }] },
    problem: `guardrails.declarative[0].document.ec2_attributes.vpc_block_public_access.internet_gateway_block.mode.@@assign (line 43): "Block_Ingress" is not a value here as written; values are case-sensitive: write "block_ingress" (${ORGS}/orgs_manage_policies_declarative_syntax.html)`,
  },
  {
    name: 'a declarative VPC BPA without exclusions_allowed',
    guardrails: { declarative: [{ name: 'vpc-bpa', targets: ['Workloads'], document: { ec2_attributes: { vpc_block_public_access: { internet_gateway_block: { mode: { '@@assign': 'block_ingress' } } } } } }] },
    problem: `guardrails.declarative[0].document.ec2_attributes.vpc_block_public_access.internet_gateway_block (line 42): has no "exclusions_allowed"; a declarative policy requires it here (${ORGS}/orgs_manage_policies_declarative_syntax.html)`,
  },
  {
    name: 'a backup rule deleting before 90 days in cold storage',
    guardrails: backupRule({
      schedule_expression: { '@@assign': 'cron(0 5 ? * * *)' },
      target_backup_vault_name: { '@@assign': 'Default' },
      lifecycle: { move_to_cold_storage_after_days: { '@@assign': '30' }, delete_after_days: { '@@assign': '100' } },
    }),
    problem: `guardrails.backup[0].document.plans.Daily.rules.Daily.lifecycle.delete_after_days (line 54): "100" is less than move_to_cold_storage_after_days + 90 (30 + 90 = 120): a recovery point stays in cold storage at least 90 days, so AWS Backup refuses the plan; delete after at least 120 days or move to cold storage after at most 10 days (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_Lifecycle.html)`,
  },
  {
    name: 'continuous backups kept longer than 35 days',
    guardrails: backupRule({ enable_continuous_backup: { '@@assign': 'true' }, lifecycle: { delete_after_days: { '@@assign': '90' } } }),
    problem: `guardrails.backup[0].document.plans.Daily.rules.Daily.lifecycle.delete_after_days (line 50): "90" is more than the 35 days continuous backups are kept (enable_continuous_backup is "true"); write at most 35, or take snapshot backups for longer retention (https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery.html)`,
  },
  {
    name: 'an unknown AI service',
    guardrails: { aiOptOut: [{ name: 'ai', targets: ['Root'], document: { services: { rekognitoin: { opt_out_policy: { '@@assign': 'optOut' } } } } }] },
    problem: `guardrails.aiOptOut[0].document.services.rekognitoin (line 41): "rekognitoin" is not a service of the AI opt-out policy; did you mean "rekognition"? (if AWS added it since, add it to config/aws-data/ai-services.ts) (${ORGS}/orgs_manage_policies_ai-opt-out_syntax.html)`,
  },
  {
    name: 'an AI opt-out value in the wrong case',
    guardrails: { aiOptOut: [{ name: 'ai', targets: ['Root'], document: { services: { default: { opt_out_policy: { '@@assign': 'OptOut' } } } } }] },
    problem: `guardrails.aiOptOut[0].document.services.default.opt_out_policy.@@assign (line 42): "OptOut" is not a value here as written; values are case-sensitive: write "optOut" (${ORGS}/orgs_manage_policies_ai-opt-out_syntax.html)`,
  },
  {
    name: '@@append in an AI opt-out policy',
    guardrails: { aiOptOut: [{ name: 'ai', targets: ['Root'], document: { services: { lex: { opt_out_policy: { '@@append': ['optIn'] } } } } }] },
    problem: `guardrails.aiOptOut[0].document.services.lex.opt_out_policy.@@append (line 43): is not allowed in a AI opt-out policy, which takes @@assign (${ORGS}/orgs_manage_policies_ai-opt-out_syntax.html)`,
  },
  {
    name: 'a tag policy operator typo',
    guardrails: { tag: [{ name: 'tags', targets: ['Root'], document: { tags: { costcenter: { tag_key: { '@@Assign': 'CostCenter' } } } } }] },
    problem: `guardrails.tag[0].document.tags.costcenter.tag_key.@@Assign (line 42): is not an inheritance operator as written; operators are case-sensitive: write "@@assign" (${ORGS}/orgs_manage_policies_inheritance_mgmt.html)`,
  },
  {
    name: 'a tag key that does not match its policy key',
    guardrails: { tag: [{ name: 'tags', targets: ['Root'], document: { tags: { owner: { tag_key: { '@@assign': 'Team' } } } } }] },
    problem: `guardrails.tag[0].document.tags.owner.tag_key.@@assign (line 42): "Team" does not match its policy key "owner"; the policy key is the tag key in any case: write "team" as the policy key, or make tag_key "owner" with the capitalization you want (${ORGS}/orgs_manage_policies_example-tag-policies.html)`,
  },
  {
    name: 'a tag value with two wildcards',
    guardrails: { tag: [{ name: 'tags', targets: ['Root'], document: { tags: { owner: { tag_key: { '@@assign': 'Owner' }, tag_value: { '@@assign': ['*@*.example.com'] } } } } }] },
    problem: `guardrails.tag[0].document.tags.owner.tag_value.@@assign[0] (line 45): "*@*.example.com" has more than one "*"; a tag value takes one wildcard (e.g. "*@example.com") (${ORGS}/orgs_manage_policies_example-tag-policies.html)`,
  },
  // ---- guardrails that lock the landing zone out
  {
    name: 'a custom SCP at Root denying config:PutConfigurationRecorder to everyone',
    guardrails: { scp: [{ name: 'freeze-config', targets: ['Root'], document: doc({ Sid: 'NoRecorderChanges', Effect: 'Deny', Action: 'config:PutConfigurationRecorder', Resource: '*' }) }] },
    problem: `guardrails.scp[0].document.Statement[0] (line 41): SCP "freeze-config" statement "NoRecorderChanges" (attached to Root) denies the access role (arn:aws:iam::*:role/OrganizationAccountAccessRole) applying the account's stacks in 4 accounts (log-archive, security, shop-prod, shop-dev): config:PutConfigurationRecorder on arn:aws:config:us-east-1:<account-id>:configuration-recorder/lz/lz (AWS Config recorder of the account baseline); every later apply of these accounts fails. Fix: exempt the role (add {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAccountAccessRole"}} to the statement's Condition) or narrow the statement so it leaves these actions alone (${ORGS}/orgs_manage_policies_scps_evaluation.html)`,
  },
  {
    name: 'an RCP denying sts:AssumeRole of the access role',
    guardrails: {
      rcp: [
        {
          name: 'admins-only',
          targets: ['Root'],
          document: doc({ Sid: 'AssumeAdminsOnly', Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/Admin*', 'arn:aws:iam::111111111111:role/LandingZonePlan'] } } }),
        },
      ],
    },
    problem: `guardrails.rcp[0].document.Statement[0] (line 41): RCP "admins-only" statement "AssumeAdminsOnly" (attached to Root) denies the management account's apply role (arn:aws:iam::111111111111:role/LandingZoneApply) reaching the account in 4 accounts (log-archive, security, shop-prod, shop-dev): sts:AssumeRole on arn:aws:iam::<account-id>:role/OrganizationAccountAccessRole (to reach the account as OrganizationAccountAccessRole); every later apply of these accounts fails. Fix: exempt the role (add {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/LandingZoneApply"}} to the statement's Condition) or narrow the statement so it leaves these actions alone (${ORGS}/orgs_manage_policies_rcps_evaluation.html)`,
  },
  {
    name: "an SCP denying the plan role's reads",
    guardrails: {
      scp: [{ name: 'no-config-reads', targets: ['Workloads'], document: doc({ Sid: 'NoConfigReads', Effect: 'Deny', Action: 'config:Describe*', Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/OrganizationAccountAccessRole' } } }) }],
    },
    problem: `guardrails.scp[0].document.Statement[0] (line 41): SCP "no-config-reads" statement "NoConfigReads" (attached to OU "Workloads") denies the read-only plan role (arn:aws:iam::*:role/LandingZonePlan) planning the account's stacks in 2 accounts (shop-prod, shop-dev): config:DescribeConfigurationRecorders on arn:aws:config:us-east-1:<account-id>:configuration-recorder/lz/lz (AWS Config recorder of the account baseline), config:DescribeDeliveryChannels on * (AWS Config delivery channel of the account baseline), config:DescribeConfigurationRecorderStatus on arn:aws:config:us-east-1:<account-id>:configuration-recorder/lz/lz (AWS Config recorder status of the account baseline), ... (4); every plan of these accounts fails. Fix: exempt the role (add {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/LandingZonePlan"}} to the statement's Condition) or narrow the statement so it leaves these actions alone (${ORGS}/orgs_manage_policies_scps_evaluation.html)`,
  },
  {
    name: "an allow-list SCP missing the baseline's actions",
    guardrails: {
      scp: [
        {
          name: 'allow-list',
          targets: ['Workloads/Dev'],
          document: doc({ Sid: 'Allowed', Effect: 'Allow', Action: ['ec2:*', 's3:*', 'sts:*', 'iam:*', 'config:*', 'sns:*', 'cloudwatch:*', 'access-analyzer:*', 'budgets:ViewBudget'], Resource: '*' }),
        },
      ],
    },
    problem: `guardrails.scp[0].document (line 39): SCP "allow-list" is an allow list at OU "Workloads/Dev" (its Allow statements only take effect with FullAWSAccess detached there, as the allow-list strategy does), and no SCP at OU "Workloads/Dev" ("allow-list") allows what the access role (arn:aws:iam::*:role/OrganizationAccountAccessRole) applying the account's stacks needs in account "shop-dev": budgets:ModifyBudget on arn:aws:budgets::<account-id>:budget/<account>-monthly-cost (budget of the account baseline); once FullAWSAccess is detached, every later apply of the account fails. Fix: allow these actions in its Allow statements (or add a statement allowing "*" with the Condition {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAccountAccessRole"}}) (${ORGS}/orgs_manage_policies_scps_evaluation.html)`,
  },
  {
    name: "an SCP denying what a StackSet deploys to its role",
    guardrails: {
      scp: [{ name: 'no-roles', targets: ['Workloads'], document: doc({ Sid: 'NoNewRoles', Effect: 'Deny', Action: 'iam:CreateRole', Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/OrganizationAccountAccessRole'] } } }) }],
    },
    stackSets: [
      {
        name: 'audit-role',
        templateBody: 'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: AuditReadOnly\n      AssumeRolePolicyDocument: {}\n',
        targets: ['Workloads'],
        capabilities: ['CAPABILITY_NAMED_IAM'],
      },
    ],
    problem: `guardrails.scp[0].document.Statement[0] (line 41): SCP "no-roles" statement "NoNewRoles" (attached to OU "Workloads") denies the execution role of StackSet "audit-role" (arn:aws:iam::*:role/stacksets-exec-*) deploying there in 2 accounts (shop-prod, shop-dev): iam:CreateRole on arn:aws:iam::<account-id>:role/AuditReadOnly (AWS::IAM::Role Role of the StackSet); the StackSet fails to deploy there. Fix: exempt the role (add {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/stacksets-exec-*"}} to the statement's Condition) or narrow the statement so it leaves these actions alone, or deploy the StackSet to OUs the guardrail does not reach (its targets) (${ORGS}/orgs_manage_policies_scps_evaluation.html)`,
  },
  {
    name: 'a custom SCP file denying the access role its budget',
    guardrails: { scp: [{ file: 'policies/no-budgets.json', targets: ['Workloads/Prod'] }] },
    files: { 'policies/no-budgets.json': JSON.stringify(doc({ Sid: 'NoBudgets', Effect: 'Deny', Action: 'budgets:ModifyBudget', Resource: '*' })) },
    problem: `guardrails.scp[0].file (line 35): "policies/no-budgets.json" Statement[0]: SCP "no-budgets" statement "NoBudgets" (attached to OU "Workloads/Prod") denies the access role (arn:aws:iam::*:role/OrganizationAccountAccessRole) applying the account's stacks in account "shop-prod": budgets:ModifyBudget on arn:aws:budgets::<account-id>:budget/<account>-monthly-cost (budget of the account baseline); every later apply of the account fails. Fix: exempt the role (add {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAccountAccessRole"}} to the statement's Condition) or narrow the statement so it leaves these actions alone (${ORGS}/orgs_manage_policies_scps_evaluation.html)`,
  },
  {
    name: 'a StackSet making a role of the plan role\'s name, which protect-security-services keeps for the landing zone',
    stackSets: [
      {
        name: 'plan-role',
        templateBody: 'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: LandingZonePlan\n      AssumeRolePolicyDocument: {}\n',
        targets: ['Workloads'],
        capabilities: ['CAPABILITY_NAMED_IAM'],
      },
    ],
    problem: `stackSets[0] (line 34): SCP "protect-security-services" statement "ProtectLandingZoneRoles" (attached to Root) denies the execution role of StackSet "plan-role" (arn:aws:iam::*:role/stacksets-exec-*) deploying there in 2 accounts (shop-prod, shop-dev): iam:CreateRole on arn:aws:iam::<account-id>:role/LandingZonePlan (AWS::IAM::Role Role of the StackSet), iam:PutRolePolicy on arn:aws:iam::<account-id>:role/LandingZonePlan (AWS::IAM::Role Role of the StackSet), iam:AttachRolePolicy on arn:aws:iam::<account-id>:role/LandingZonePlan (AWS::IAM::Role Role of the StackSet); the StackSet fails to deploy there. Fix: change the StackSet's template so it leaves what "protect-security-services" protects alone, or deploy the StackSet only to OUs the guardrail does not reach (its targets) (${ORGS}/orgs_manage_policies_scps_evaluation.html)`,
  },
];

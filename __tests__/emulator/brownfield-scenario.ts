import type { BrownfieldScenario } from '../harness/emulator/brownfield';

const recorder = { recorder: 'legacy', deliveryChannel: 'legacy-channel' } as const;
const contact = (title: string) => ({ name: `Platform ${title}`, title, email: `platform+${title.toLowerCase()}@acme.example`, phone: '+81-3-1234-5678' });
const scp = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: '*' }] });

/**
 * The organization the brownfield emulator test takes over (apply-brownfield.test.ts): the minimal example's shape
 * (log-archive, security, workloads; two regions), but it has run for years before the landing zone arrives.
 * - Its accounts run what the landing zone manages: AWS Config under other names in the home region, the Config
 *   service-linked role, a password policy, the S3 account public access block, EBS encryption by default, a budget
 *   with the landing zone's name, GuardDuty detectors, a trail, alternate contacts; the second region has none of it.
 * - The organization uses policy types the landing zone does not (BACKUP_POLICY, TAG_POLICY; a tag policy attached
 *   to shop-prod; moto cannot create a backup policy: EMULATOR_SEED_ADJUSTMENTS), custom SCPs taking slots on Root and
 *   on an OU, and an SCP named like the catalogue's deny-leave-organization.
 * - Delegated administrators are registered: the security account for GuardDuty (in the home region only), Access
 *   Analyzer and Config's organization rules; Macie (one administrator per organization) to shop-prod.
 * - An organization trail under a name of its own records management events.
 * - shop-prod has a VPC with an internet gateway in each region (VPC Block Public Access would cut it).
 * - AWS Control Tower enrolled shop-ct (its recorder in both regions, its execution role), not shop-prod, which sits
 *   in the same OU: Control Tower is inferred from what it leaves behind (moto has no Control Tower API).
 */
export const BROWNFIELD_SCENARIO: BrownfieldScenario = {
  name: 'acme',
  homeRegion: 'us-east-1',
  regions: ['us-east-1', 'ap-northeast-1'],
  ous: ['Security', 'Workloads', 'Workloads/Prod'],
  organization: {
    policyTypes: ['SERVICE_CONTROL_POLICY', 'BACKUP_POLICY', 'TAG_POLICY'],
    policies: [
      { name: 'corp-deny-bucket-deletion', type: 'SERVICE_CONTROL_POLICY', content: scp('s3:DeleteBucket'), targets: ['Root'] },
      { name: 'corp-prod-guard', type: 'SERVICE_CONTROL_POLICY', content: scp('ec2:DeleteVpc'), targets: ['Workloads/Prod'] },
      { name: 'deny-leave-organization', type: 'SERVICE_CONTROL_POLICY', content: scp('organizations:LeaveOrganization'), targets: ['Root'] },
      { name: 'corp-tags', type: 'TAG_POLICY', content: JSON.stringify({ tags: { team: { tag_key: { '@@assign': 'Team' } } } }), targets: ['shop-prod'] },
    ],
    delegatedAdministrators: [
      { service: 'guardduty.amazonaws.com', account: 'security', regions: ['us-east-1'] },
      { service: 'access-analyzer.amazonaws.com', account: 'security' },
      { service: 'config-multiaccountsetup.amazonaws.com', account: 'security' },
      { service: 'macie.amazonaws.com', account: 'shop-prod' },
    ],
    trustedAccess: ['guardduty.amazonaws.com', 'access-analyzer.amazonaws.com', 'config-multiaccountsetup.amazonaws.com', 'macie.amazonaws.com', 'backup.amazonaws.com', 'controltower.amazonaws.com'],
  },
  management: {
    configRecorders: { 'us-east-1': recorder },
    configServiceLinkedRole: true,
    passwordPolicy: true,
    s3PublicAccessBlock: true,
    ebsEncryptionByDefault: ['us-east-1'],
    trails: [
      { name: 'legacy-trail', region: 'us-east-1' },
      { name: 'corp-org-trail', region: 'us-east-1', organization: true },
    ],
    alternateContacts: ['SECURITY'],
  },
  accounts: [
    { name: 'log-archive', email: 'aws+log@acme.example', ou: 'Security', existing: { configRecorders: { 'us-east-1': recorder }, configServiceLinkedRole: true } },
    { name: 'security', email: 'aws+sec@acme.example', ou: 'Security', existing: { guardDutyDetectors: ['us-east-1'] } },
    {
      name: 'shop-prod',
      email: 'aws+shop-prod@acme.example',
      ou: 'Workloads/Prod',
      existing: {
        configRecorders: { 'us-east-1': recorder },
        configServiceLinkedRole: true,
        passwordPolicy: true,
        s3PublicAccessBlock: true,
        ebsEncryptionByDefault: ['us-east-1'],
        budgets: ['shop-prod-monthly-cost'],
        guardDutyDetectors: ['us-east-1'],
        alternateContacts: ['SECURITY', 'OPERATIONS'],
        vpcs: ['us-east-1', 'ap-northeast-1'],
      },
    },
    {
      name: 'shop-ct',
      email: 'aws+shop-ct@acme.example',
      ou: 'Workloads/Prod',
      existing: { controlTowerRecorders: ['us-east-1', 'ap-northeast-1'], roles: ['AWSControlTowerExecution'] },
    },
  ],
  // What the person adds to the imported file (as in the minimal example): the workload's budget, whose
  // name <account>-monthly-cost is the existing budget's, the alternate contacts the accounts have, and the S3
  // account public access block, which an adopted organization's existing accounts keep as they have it unless the
  // config says so (config/takeover.ts): written here, so the existing blocks are adopted and set.
  edit(config) {
    config.accounts.find((a: { name: string }) => a.name === 'shop-prod').budget = { monthlyUsd: 500 };
    config.organization.alternateContacts = { security: contact('Security') };
    config.baseline = { ...(config.baseline ?? {}), s3BlockPublicAccess: true, alternateContacts: { security: contact('Security'), operations: contact('Operations') } };
  },
};

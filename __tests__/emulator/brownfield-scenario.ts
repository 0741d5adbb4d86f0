import type { BrownfieldScenario } from '../harness/emulator/brownfield';

const recorder = { recorder: 'legacy', deliveryChannel: 'legacy-channel' } as const;
const contact = (title: string) => ({ name: `Platform ${title}`, title, email: `platform+${title.toLowerCase()}@acme.example`, phone: '+81-3-1234-5678' });

/**
 * The organization the brownfield emulator test takes over (apply-brownfield.test.ts): the minimal
 * example's shape (log-archive, security, one workload; two regions), but every account already runs
 * what the landing zone manages: AWS Config under other names in the home region, the Config
 * service-linked role, a password policy, the S3 account public access block, EBS encryption by
 * default, a budget with the landing zone's name, GuardDuty detectors, a trail, alternate contacts.
 * The second region has none of it, so there the landing zone creates its own.
 */
export const BROWNFIELD_SCENARIO: BrownfieldScenario = {
  name: 'acme',
  homeRegion: 'us-east-1',
  regions: ['us-east-1', 'ap-northeast-1'],
  ous: ['Security', 'Workloads', 'Workloads/Prod'],
  management: {
    configRecorders: { 'us-east-1': recorder },
    configServiceLinkedRole: true,
    passwordPolicy: true,
    s3PublicAccessBlock: true,
    ebsEncryptionByDefault: ['us-east-1'],
    trails: [{ name: 'legacy-trail', region: 'us-east-1' }],
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
      },
    },
  ],
  // What the person adds to the imported file (as in the minimal example): the workload's budget, whose
  // name <account>-monthly-cost is the existing budget's, and the alternate contacts the accounts have.
  edit(config) {
    config.accounts.find((a: { name: string }) => a.name === 'shop-prod').budget = { monthlyUsd: 500 };
    config.organization.alternateContacts = { security: contact('Security') };
    config.baseline = { ...(config.baseline ?? {}), alternateContacts: { security: contact('Security'), operations: contact('Operations') } };
  },
};

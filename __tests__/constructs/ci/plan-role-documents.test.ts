import { iamLimits } from '../../../checks/constraints/rules/iam-limits';
import { iamPolicySize } from '../../../checks/constraints/sizes';
import type { CheckContext } from '../../../checks/checklist';
import { PLAN_DENY, PLAN_READS_READ_ONLY_ACCESS_LACKS, PLAN_SERVICES } from '../../../constructs/ci';
import { exampleConfig } from '../../harness/config';
import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';
import type { LandingZoneConfig } from '../../../config/schema';

const STATE = 'globex-tfstate-123456789012';

/** The inline policy document of the role named `name` in a stack. */
function inlinePolicyOf(stack: StackJson, name: string): { Statement: Array<Record<string, any>> } {
  const [id] = Object.entries(resourcesOf(stack, 'aws_iam_role')).find(([, r]) => r.name === name)!;
  const inline = Object.values(resourcesOf(stack, 'aws_iam_role_policy')).filter((p) => p.role === `\${aws_iam_role.${id}.name}`);
  expect(inline).toHaveLength(1);
  return JSON.parse(inline[0].policy);
}
const bySid = (doc: { Statement: Array<Record<string, any>> }) => Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
const actionsOf = (doc: { Statement: Array<Record<string, any>> }, effect: 'Allow' | 'Deny') =>
  doc.Statement.filter((s) => s.Effect === effect).flatMap((s) => [s.Action ?? []].flat() as string[]);

describe('the plan role documents of examples/enterprise.yaml', () => {
  let lz: ReturnType<typeof synthLandingZone>;
  beforeAll(() => {
    lz = synthLandingZone(exampleConfig('enterprise'));
  });

  it('gives the CI plan identity state read, the member plan roles, and the read limits, in this order', () => {
    const doc = inlinePolicyOf(lz.stack('bootstrap'), 'LandingZonePlan');
    expect(doc.Statement.map((s) => s.Sid)).toEqual([
      'StateList',
      'StateRead',
      'AssumeMemberPlanRoles',
      'DenyWriterRoles',
      'PlanReadsReadOnlyAccessLacks',
      'DenyServicesPlansDoNotCall',
      'DenyContentReads',
      'DenyObjectReadsButState',
    ]);
    const s = bySid(doc);
    expect(s.StateList).toEqual({ Sid: 'StateList', Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${STATE}` });
    expect(s.StateRead).toEqual({ Sid: 'StateRead', Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${STATE}/landing-zone/*.tfstate` });
    expect(s.DenyObjectReadsButState).toEqual({ Sid: 'DenyObjectReadsButState', Effect: 'Deny', Action: ['s3:GetObject'], NotResource: `arn:aws:s3:::${STATE}/landing-zone/*.tfstate` });
    expect(s.DenyServicesPlansDoNotCall).toEqual({ Sid: 'DenyServicesPlansDoNotCall', Effect: 'Deny', NotAction: PLAN_SERVICES.map((p) => `${p}:*`), Resource: '*' });
    expect(s.DenyContentReads).toEqual({ Sid: 'DenyContentReads', Effect: 'Deny', Action: PLAN_DENY.deny, Resource: '*' });
    expect(s.PlanReadsReadOnlyAccessLacks.Action).toEqual(Object.keys(PLAN_READS_READ_ONLY_ACCESS_LACKS));
  });

  it('allows the CI plan identity no write at all: no S3 put or delete, no lock object, no KMS encryption', () => {
    const allowed = actionsOf(inlinePolicyOf(lz.stack('bootstrap'), 'LandingZonePlan'), 'Allow');
    expect(allowed.sort()).toEqual(['detective:DescribeOrganizationConfiguration', 's3:GetObject', 's3:ListBucket', 'sts:AssumeRole']);
    expect(JSON.stringify(inlinePolicyOf(lz.stack('bootstrap'), 'LandingZonePlan'))).not.toContain('tflock');
  });

  it('gives the CI plan identity only kms:Decrypt through S3 for the state objects when a KMS key encrypts them', () => {
    const config = exampleConfig('enterprise');
    const kms = synthLandingZone({ ...config, state: { ...config.state, kmsKeyId: 'alias/tfstate' } } as LandingZoneConfig);
    expect(bySid(inlinePolicyOf(kms.stack('bootstrap'), 'LandingZonePlan')).StateKey).toEqual({
      Sid: 'StateKey',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:ViaService': 's3.ap-northeast-1.amazonaws.com' },
        StringLike: { 'kms:EncryptionContext:aws:s3:arn': [`arn:aws:s3:::${STATE}`, `arn:aws:s3:::${STATE}/landing-zone/*.tfstate`] },
      },
    });
  });

  it('gives every member plan role the same read limits, no state and no object at all', () => {
    for (const id of ['log-archive', 'security', 'workload-payments-prod']) {
      const doc = inlinePolicyOf(lz.stack(id), 'LandingZonePlan');
      expect(doc.Statement.map((s) => s.Sid)).toEqual(['PlanReadsReadOnlyAccessLacks', 'DenyServicesPlansDoNotCall', 'DenyContentReads', 'DenyObjectReads']);
      expect(bySid(doc).DenyObjectReads).toEqual({ Sid: 'DenyObjectReads', Effect: 'Deny', Action: ['s3:GetObject'], Resource: '*' });
      expect(actionsOf(doc, 'Allow')).toEqual(Object.keys(PLAN_READS_READ_ONLY_ACCESS_LACKS));
    }
  });

  it('keeps every plan role within the IAM inline policy quota (lz check iam-limits), with room to grow', () => {
    const config = exampleConfig('enterprise');
    const ctx: CheckContext = { stacks: lz.json as CheckContext['stacks'], governedRegions: config.organization.governedRegions, managementAccountId: config.organization.managementAccountId };
    const result = iamLimits.check(ctx);
    expect(result.problems).toEqual([]);
    for (const id of ['bootstrap', 'workload-payments-prod']) {
      const size = iamPolicySize(JSON.stringify(inlinePolicyOf(lz.stack(id), 'LandingZonePlan')));
      expect({ id, size: size < 9000 }).toEqual({ id, size: true });
    }
  });
});

import { runSimulation } from '@cloud-copilot/iam-simulate';
import { minimalConfig } from '../../harness/config';
import { landingZoneTrailArn } from '../../../config/organization-trail';
import { guardDutyServicePrincipals, logArchiveKeyPolicy, trailBucketStatements } from '../../../constructs/logging';
import { worldOf, type World } from '../../policies/service-requests/world';
import { evaluateCall } from '../../policies/service-requests/evaluate';

// The log archive's bucket and key policies as the log-archive stack synthesizes them (references resolved as AWS
// would hold them): the statements each AWS service is given, and the protections evaluated with
// @cloud-copilot/iam-simulate. What each service's real request gets is proven in
// __tests__/policies/service-requests.test.ts.

type Outcome = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

async function simulate(opts: {
  policy: any;
  principal: string;
  action: string;
  resource: string;
  resourceAccount: string;
  context?: Record<string, string | string[]>;
  identityPolicy?: any;
}): Promise<Outcome> {
  const response = await runSimulation(
    {
      identityPolicies: opts.identityPolicy ? [{ name: 'admin', policy: opts.identityPolicy }] : [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: opts.policy,
      request: {
        principal: opts.principal,
        action: opts.action,
        resource: { resource: opts.resource, accountId: opts.resourceAccount },
        contextVariables: { 'aws:SecureTransport': 'true', ...opts.context },
      },
    } as any,
    {},
  );
  if (response.resultType === 'error') throw new Error(JSON.stringify(response.errors));
  return response.overallResult as Outcome;
}

function statement(policy: any, sid: string): any {
  const found = policy.Statement.filter((s: any) => s.Sid === sid);
  if (found.length !== 1) throw new Error(`expected one statement ${sid}, found ${found.length}: ${policy.Statement.map((s: any) => s.Sid).join(', ')}`);
  return found[0];
}

const sids = (policy: any) => policy.Statement.map((s: any) => s.Sid);
const ADMIN_EVERYTHING = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

describe('log archive policies', () => {
  const world: World = worldOf(minimalConfig());
  const { trailBucket, configBucket, accessLogBucket, logKey } = world.policies;
  const TRAIL = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-organization-trail';
  const trailObject = `${world.trailBucketArn}/AWSLogs/${world.orgId}/${world.securityId}/CloudTrail/us-east-1/2026/11/23/x.json.gz`;

  describe('CloudTrail bucket policy: AWS\'s documented form for an organization trail', () => {
    it('names the landing zone\'s trail, an ARN of the management account in the home region', () => {
      expect(landingZoneTrailArn(world.config)).toBe(TRAIL);
    });

    it('has the ACL check and the management-account and organization paths, each only for that trail, the writes with bucket-owner-full-control', () => {
      expect(sids(trailBucket)).toEqual([
        'DenyInsecureTransport',
        'CloudTrailAclCheck',
        'CloudTrailWritesManagementAccount',
        'CloudTrailWritesOrganization',
        'DenyLogDeletion',
        'DenyWeakeningExceptAdminRoles',
      ]);
      const principal = { Service: 'cloudtrail.amazonaws.com' };
      expect(statement(trailBucket, 'CloudTrailAclCheck')).toEqual({
        Sid: 'CloudTrailAclCheck',
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:GetBucketAcl',
        Resource: world.trailBucketArn,
        Condition: { StringEquals: { 'aws:SourceArn': [TRAIL] } },
      });
      const write = { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': [TRAIL] } };
      expect(statement(trailBucket, 'CloudTrailWritesManagementAccount')).toEqual({
        Sid: 'CloudTrailWritesManagementAccount',
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:PutObject',
        Resource: `${world.trailBucketArn}/AWSLogs/111111111111/*`,
        Condition: write,
      });
      expect(statement(trailBucket, 'CloudTrailWritesOrganization')).toEqual({
        Sid: 'CloudTrailWritesOrganization',
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:PutObject',
        Resource: `${world.trailBucketArn}/AWSLogs/${world.orgId}/*`,
        Condition: write,
      });
    });

    it('names a taken-over trail by its own name', () => {
      const taken = worldOf(minimalConfig((c) => (c.organization.adopt = { trails: [{ name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true, takeOver: true }] })));
      expect(statement(taken.policies.trailBucket, 'CloudTrailAclCheck').Condition).toEqual({ StringEquals: { 'aws:SourceArn': ['arn:aws:cloudtrail:us-east-1:111111111111:trail/corp-org-trail'] } });
    });

    it('gives CloudTrail nothing without a trail ARN, and keeps the protections', () => {
      const statements = trailBucketStatements({ bucketArn: 'arn:aws:s3:::b', accountId: '222222222222', organizationId: 'o-abc123defg', managementAccountId: '111111111111', adminRoleNames: ['Admin'] });
      expect(statements.map((s) => s.Sid)).toEqual(['DenyLogDeletion', 'DenyWeakeningExceptAdminRoles']);
    });
  });

  describe('Config bucket policy', () => {
    it('lets Config deliver under config/AWSLogs/<account>/Config/ for this organization, with bucket-owner-full-control', () => {
      expect(statement(configBucket, 'ConfigDelivers')).toEqual({
        Sid: 'ConfigDelivers',
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${world.configBucketArn}/config/AWSLogs/*/Config/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceOrgID': world.orgId } },
      });
      expect(statement(configBucket, 'ConfigBucketChecks').Condition).toEqual({ StringEquals: { 'aws:SourceOrgID': world.orgId } });
    });

    it('lets GuardDuty locate the bucket and export under guardduty/ only from the security account\'s detectors', () => {
      const fromDetectors = {
        StringEquals: { 'aws:SourceAccount': world.securityId },
        ArnLike: { 'aws:SourceArn': [`arn:aws:guardduty:us-east-1:${world.securityId}:detector/*`, `arn:aws:guardduty:ap-northeast-1:${world.securityId}:detector/*`] },
      };
      expect(statement(configBucket, 'GuardDutyLocatesBucket')).toEqual(
        expect.objectContaining({ Principal: { Service: 'guardduty.amazonaws.com' }, Action: 's3:GetBucketLocation', Resource: world.configBucketArn, Condition: fromDetectors }),
      );
      expect(statement(configBucket, 'GuardDutyExportsFindings')).toEqual(
        expect.objectContaining({ Principal: { Service: 'guardduty.amazonaws.com' }, Action: 's3:PutObject', Resource: `${world.configBucketArn}/guardduty/*`, Condition: fromDetectors }),
      );
    });

    it('gives GuardDuty nothing while it exports no findings', () => {
      const off = worldOf(minimalConfig((c) => (c.security = { guardDuty: { exportFindings: false } })));
      expect(sids(off.policies.configBucket)).not.toContain('GuardDutyExportsFindings');
      expect(sids(off.policies.logKey)).not.toContain('GuardDutyExportsFindings');
    });

    it('names GuardDuty\'s regional service principal for an opt-in region', () => {
      expect(guardDutyServicePrincipals(['us-east-1', 'me-south-1', 'eu-west-1'])).toEqual(['guardduty.amazonaws.com', 'guardduty.me-south-1.amazonaws.com']);
      const optIn = worldOf(minimalConfig((c) => (c.organization.governedRegions = ['us-east-1', 'me-south-1'])));
      expect(statement(optIn.policies.configBucket, 'GuardDutyExportsFindings').Principal).toEqual({ Service: ['guardduty.amazonaws.com', 'guardduty.me-south-1.amazonaws.com'] });
    });
  });

  describe('access-log bucket policy', () => {
    it('lets S3 server access logging write each log bucket\'s logs under its prefix, only for those buckets of the log-archive account', () => {
      const trailBucketName = world.trailBucketArn.replace('arn:aws:s3:::', '');
      const configBucketName = world.configBucketArn.replace('arn:aws:s3:::', '');
      expect(statement(accessLogBucket, 'S3ServerAccessLogs')).toEqual({
        Sid: 'S3ServerAccessLogs',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: [`${world.accessLogBucketArn}/${trailBucketName}/*`, `${world.accessLogBucketArn}/${configBucketName}/*`],
        Condition: { StringEquals: { 'aws:SourceAccount': world.logArchiveId }, ArnLike: { 'aws:SourceArn': [world.trailBucketArn, world.configBucketArn] } },
      });
    });
  });

  describe('key policy', () => {
    it('lets CloudTrail generate data keys, describe the key and decrypt the bucket key only for the landing zone\'s trail', () => {
      const cloudtrail = { Service: 'cloudtrail.amazonaws.com' };
      expect(statement(logKey, 'CloudTrailEncryptsTrailLogs')).toEqual({
        Sid: 'CloudTrailEncryptsTrailLogs',
        Effect: 'Allow',
        Principal: cloudtrail,
        Action: 'kms:GenerateDataKey*',
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:SourceArn': [TRAIL] },
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': ['arn:aws:cloudtrail:*:111111111111:trail/acme-organization-trail'] },
        },
      });
      for (const [sid, action] of [['CloudTrailDescribesKey', 'kms:DescribeKey'], ['CloudTrailDecryptsWithBucketKey', 'kms:Decrypt']]) {
        expect(statement(logKey, sid)).toEqual({ Sid: sid, Effect: 'Allow', Principal: cloudtrail, Action: action, Resource: '*', Condition: { StringEquals: { 'aws:SourceArn': [TRAIL] } } });
      }
    });

    it('lets GuardDuty generate data keys only from the security account\'s detectors', () => {
      expect(statement(logKey, 'GuardDutyExportsFindings')).toEqual({
        Sid: 'GuardDutyExportsFindings',
        Effect: 'Allow',
        Principal: { Service: 'guardduty.amazonaws.com' },
        Action: 'kms:GenerateDataKey',
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:SourceAccount': world.securityId },
          ArnLike: { 'aws:SourceArn': [`arn:aws:guardduty:us-east-1:${world.securityId}:detector/*`, `arn:aws:guardduty:ap-northeast-1:${world.securityId}:detector/*`] },
        },
      });
    });

    it('does not let CloudTrail administer the key', async () => {
      expect(
        await evaluateCall({ principal: 'cloudtrail.amazonaws.com', action: 'kms:ScheduleKeyDeletion', resource: world.logKeyArn, resourceAccountId: world.logArchiveId, context: { 'aws:SourceArn': TRAIL }, policy: logKey }),
      ).not.toBe('Allowed');
    });

    it('keeps Config to this organization', () => {
      expect(statement(logKey, 'ConfigDeliversForOrganization').Condition).toEqual({ StringEquals: { 'aws:SourceOrgID': world.orgId } });
    });

    it('fails a trail ARN that is not one', () => {
      expect(() => logArchiveKeyPolicy({ accountId: '222222222222', organizationId: 'o-abc123defg', trailArns: ['arn:aws:s3:::bucket'] })).toThrow(
        'arn:aws:s3:::bucket is not a trail ARN (arn:aws:cloudtrail:<region>:<account>:trail/<name>)',
      );
    });
  });

  describe('protections (simulated)', () => {
    const logArchive = world.logArchiveId;

    it('gives Config and GuardDuty no access to the Object Lock CloudTrail bucket', async () => {
      expect(
        await simulate({ policy: trailBucket, principal: 'config.amazonaws.com', action: 's3:PutObject', resource: `${world.trailBucketArn}/config/AWSLogs/${logArchive}/Config/us-east-1/x.json.gz`, resourceAccount: logArchive, context: { 'aws:SourceOrgID': world.orgId, 's3:x-amz-acl': 'bucket-owner-full-control' } }),
      ).not.toBe('Allowed');
      expect(
        await simulate({ policy: trailBucket, principal: 'guardduty.amazonaws.com', action: 's3:PutObject', resource: `${world.trailBucketArn}/guardduty/x.jsonl.gz`, resourceAccount: logArchive, context: { 'aws:SourceAccount': world.securityId } }),
      ).not.toBe('Allowed');
    });

    it('keeps Config deliveries under config/', async () => {
      expect(
        await simulate({ policy: configBucket, principal: 'config.amazonaws.com', action: 's3:PutObject', resource: `${world.configBucketArn}/AWSLogs/${world.orgId}/x.json.gz`, resourceAccount: logArchive, context: { 'aws:SourceOrgID': world.orgId, 's3:x-amz-acl': 'bucket-owner-full-control' } }),
      ).not.toBe('Allowed');
    });

    it('denies plain HTTP, even for the trail', async () => {
      expect(
        await simulate({
          policy: trailBucket,
          principal: 'cloudtrail.amazonaws.com',
          action: 's3:PutObject',
          resource: trailObject,
          resourceAccount: logArchive,
          context: { 'aws:SourceArn': TRAIL, 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SecureTransport': 'false' },
        }),
      ).toBe('ExplicitlyDenied');
      expect(
        await simulate({ policy: configBucket, principal: 'config.amazonaws.com', action: 's3:PutObject', resource: `${world.configBucketArn}/config/AWSLogs/${logArchive}/Config/x.json.gz`, resourceAccount: logArchive, context: { 'aws:SourceOrgID': world.orgId, 'aws:SecureTransport': 'false' } }),
      ).toBe('ExplicitlyDenied');
    });

    it('denies deleting log objects and versions on both buckets to everyone, including the access role', async () => {
      const configObject = `${world.configBucketArn}/config/AWSLogs/${logArchive}/Config/us-east-1/x.json.gz`;
      for (const principal of [`arn:aws:iam::${logArchive}:role/Admin`, `arn:aws:iam::${logArchive}:role/OrganizationAccountAccessRole`]) {
        for (const [policy, object] of [[trailBucket, trailObject], [configBucket, configObject]] as const) {
          for (const action of ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:BypassGovernanceRetention']) {
            expect(await simulate({ policy, principal, action, resource: object, resourceAccount: logArchive, identityPolicy: ADMIN_EVERYTHING, context: { 'aws:PrincipalArn': principal } })).toBe(
              'ExplicitlyDenied',
            );
          }
        }
      }
    });

    it('denies changing the bucket policy to anyone but the access role', async () => {
      const as = (role: string) => `arn:aws:iam::${logArchive}:role/${role}`;
      for (const [policy, bucket] of [[trailBucket, world.trailBucketArn], [configBucket, world.configBucketArn]] as const) {
        expect(
          await simulate({ policy, principal: as('Admin'), action: 's3:PutBucketPolicy', resource: bucket, resourceAccount: logArchive, identityPolicy: ADMIN_EVERYTHING, context: { 'aws:PrincipalArn': as('Admin') } }),
        ).toBe('ExplicitlyDenied');
        expect(
          await simulate({
            policy,
            principal: as('OrganizationAccountAccessRole'),
            action: 's3:PutBucketPolicy',
            resource: bucket,
            resourceAccount: logArchive,
            identityPolicy: ADMIN_EVERYTHING,
            context: { 'aws:PrincipalArn': as('OrganizationAccountAccessRole') },
          }),
        ).toBe('Allowed');
      }
    });

    it('denies changing either bucket to a break-glass role, like the protect-log-archive SCP (only the access role may)', async () => {
      const breakGlassWorld = worldOf(minimalConfig((c) => (c.organization.breakGlassRoleNames = ['BreakGlass'])));
      const breakGlass = `arn:aws:iam::${breakGlassWorld.logArchiveId}:role/BreakGlass`;
      for (const [name, policy, arn] of [
        ['CloudTrail bucket', breakGlassWorld.policies.trailBucket, breakGlassWorld.trailBucketArn],
        ['Config bucket', breakGlassWorld.policies.configBucket, breakGlassWorld.configBucketArn],
      ] as const) {
        for (const action of ['s3:PutBucketPolicy', 's3:PutLifecycleConfiguration', 's3:PutBucketVersioning']) {
          expect([
            name,
            action,
            await simulate({ policy, principal: breakGlass, action, resource: arn, resourceAccount: breakGlassWorld.logArchiveId, identityPolicy: ADMIN_EVERYTHING, context: { 'aws:PrincipalArn': breakGlass } }),
          ]).toEqual([name, action, 'ExplicitlyDenied']);
        }
      }
    });
  });
});

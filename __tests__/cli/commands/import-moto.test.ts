import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudTrailClient, CreateTrailCommand, PutEventSelectorsCommand } from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient, PutConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { EC2Client, EnableEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { CreateDetectorCommand, EnableOrganizationAdminAccountCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { EnableDelegatedAdminAccountCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { EnableOrganizationAdminAccountCommand as EnableMacieAdmin, Macie2Client } from '@aws-sdk/client-macie2';
import { IAMClient, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DescribeCreateAccountStatusCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
  RegisterDelegatedAdministratorCommand,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { parseConfig } from '../../../config/load';
import { MOTO_ENV_WITHOUT_MANAGED_POLICIES, MOTO_VERSION, motoAvailable, startMoto, type MotoServer } from '../../harness/emulator/moto';
import { ensureBuilt, lz } from '../binary';

/*
 * The built lz binary against the AWS emulator (moto): an organization whose member account already runs a Config
 * recorder, GuardDuty detectors, EBS default encryption and a password policy, and whose management account has what
 * a takeover must keep: TAG and BACKUP policy types enabled, custom SCPs on Root and an OU, a tag policy on an
 * account, delegated administrators (Organizations, GuardDuty in two regions, Macie, Inspector) and an organization
 * trail beside a data-events-only trail. lz import finds them and writes them; the file validates.
 * What moto 5.2.1 lacks is left out with --skip: Access Analyzer (no service), Security Hub's
 * ListOrganizationAdminAccounts (security-hub-admin; moto answers an HTML page) and Detective (detective-admin; no
 * service at all). moto has no Control Tower: the Control Tower API's "not there" answer is no Control Tower. moto
 * cannot create a BACKUP_POLICY (CreatePolicy raises NotImplementedError), so only its type is enabled.
 */

const REGIONS = ['us-east-1', 'eu-west-1'];
/** The reads moto 5.2.1 cannot answer (see above). */
const SKIP = 'access-analyzer,security-hub-admin,detective-admin';
const SCP = (sid: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Deny', Action: 'ec2:DeleteVpc', Resource: '*' }] });
if (!motoAvailable() && process.env.CI === 'true') {
  throw new Error(`moto_server is not on the PATH, and CI=true: install it with pip install "moto[server]==${MOTO_VERSION}" (README, "Emulator apply test")`);
}
const run = motoAvailable() ? describe : describe.skip;

run('lz import against moto (built binary)', () => {
  let moto: MotoServer;
  let shop = '';
  let rootId = '';
  const ids: Record<string, string> = {};
  const policyIds: Record<string, string> = {};
  const detectors: Record<string, string> = {};
  const creds = { accessKeyId: 'testing', secretAccessKey: 'testing' };

  beforeAll(async () => {
    ensureBuilt();
    // Nothing here attaches an AWS managed policy.
    moto = await startMoto(60_000, MOTO_ENV_WITHOUT_MANAGED_POLICIES);
    const endpoint = moto.endpoint;
    const orgs = new OrganizationsClient({ region: 'us-east-1', endpoint, credentials: creds });
    await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const root = (await orgs.send(new ListRootsCommand({}))).Roots![0].Id!;
    rootId = root;
    const ous: Record<string, string> = {};
    for (const name of ['Security', 'Workloads']) ous[name] = (await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: root, Name: name }))).OrganizationalUnit!.Id!;
    for (const [name, ouName] of [['Log Archive', 'Security'], ['Audit', 'Security'], ['Shop Prod', 'Workloads']]) {
      const ou = ous[ouName];
      const request = (await orgs.send(new CreateAccountCommand({ AccountName: name, Email: `${name.replace(' ', '').toLowerCase()}@acme.example` }))).CreateAccountStatus!.Id!;
      ids[name] = (await orgs.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: request }))).CreateAccountStatus!.AccountId!;
      await orgs.send(new MoveAccountCommand({ AccountId: ids[name], SourceParentId: root, DestinationParentId: ou }));
    }
    shop = ids['Shop Prod'];
    const assumed = (await new STSClient({ region: 'us-east-1', endpoint, credentials: creds }).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${shop}:role/OrganizationAccountAccessRole`, RoleSessionName: 'seed' }))).Credentials!;
    const shopCreds = { accessKeyId: assumed.AccessKeyId!, secretAccessKey: assumed.SecretAccessKey!, sessionToken: assumed.SessionToken };
    for (const region of REGIONS) {
      const config = { region, endpoint, credentials: shopCreds };
      await new ConfigServiceClient(config).send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'shop-recorder', roleARN: `arn:aws:iam::${shop}:role/config`, recordingGroup: { allSupported: true } } }));
      detectors[region] = (await new GuardDutyClient(config).send(new CreateDetectorCommand({ Enable: true }))).DetectorId!;
    }
    await new EC2Client({ region: 'eu-west-1', endpoint, credentials: shopCreds }).send(new EnableEbsEncryptionByDefaultCommand({}));
    await new IAMClient({ region: 'us-east-1', endpoint, credentials: shopCreds }).send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 14 }));

    // The organization's records: policy types, policies and their targets.
    for (const type of ['SERVICE_CONTROL_POLICY', 'TAG_POLICY', 'BACKUP_POLICY'] as const) await orgs.send(new EnablePolicyTypeCommand({ RootId: root, PolicyType: type }));
    const policy = async (Name: string, Type: 'SERVICE_CONTROL_POLICY' | 'TAG_POLICY', Content: string, targets: string[]) => {
      policyIds[Name] = (await orgs.send(new CreatePolicyCommand({ Name, Type, Content, Description: Name }))).Policy!.PolicySummary!.Id!;
      for (const TargetId of targets) await orgs.send(new AttachPolicyCommand({ PolicyId: policyIds[Name], TargetId }));
    };
    await policy('DenyVpcDeletion', 'SERVICE_CONTROL_POLICY', SCP('DenyVpcDeletion'), [root, ous.Workloads]);
    await policy('deny-root-user', 'SERVICE_CONTROL_POLICY', SCP('Legacy'), [root]);
    await policy('cost-tags', 'TAG_POLICY', JSON.stringify({ tags: { CostCenter: { tag_key: { '@@assign': 'CostCenter' } } } }), [shop]);

    // Delegated administrators: registered in Organizations, designated per Region through each service's API.
    const audit = ids.Audit;
    for (const [AccountId, ServicePrincipal] of [[audit, 'guardduty.amazonaws.com'], [shop, 'macie.amazonaws.com'], [shop, 'config-multiaccountsetup.amazonaws.com']]) {
      await orgs.send(new RegisterDelegatedAdministratorCommand({ AccountId, ServicePrincipal }));
    }
    const management = { endpoint, credentials: creds };
    for (const region of REGIONS) await new GuardDutyClient({ region, ...management }).send(new EnableOrganizationAdminAccountCommand({ AdminAccountId: audit }));
    await new Macie2Client({ region: 'eu-west-1', ...management }).send(new EnableMacieAdmin({ adminAccountId: shop }));
    // moto's Organizations refuses inspector2.amazonaws.com as a delegated service: Inspector's own designation only.
    await new Inspector2Client({ region: 'us-east-1', ...management }).send(new EnableDelegatedAdminAccountCommand({ delegatedAdminAccountId: ids['Log Archive'] }));

    // The management account's trails: an organization trail and a data-events-only trail (moto: a bucket first).
    const bucket = await fetch(`${endpoint}/corp-trail-logs`, { method: 'PUT' });
    if (!bucket.ok) throw new Error(`moto did not create the trail bucket: ${bucket.status}`);
    const cloudtrail = new CloudTrailClient({ region: 'us-east-1', ...management });
    await cloudtrail.send(new CreateTrailCommand({ Name: 'corp-org-trail', S3BucketName: 'corp-trail-logs', IsOrganizationTrail: true, IsMultiRegionTrail: true }));
    await cloudtrail.send(new CreateTrailCommand({ Name: 'data-events', S3BucketName: 'corp-trail-logs' }));
    await cloudtrail.send(
      new PutEventSelectorsCommand({ TrailName: 'data-events', EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] }),
    );
  }, 120_000);

  afterAll(async () => moto?.stop());

  it('writes what the member account runs as adopt entries, and the file validates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-import-moto-'));
    const env = { AWS_ENDPOINT_URL: moto.endpoint, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };
    const result = lz(['import', '--home-region', 'us-east-1', '--regions', REGIONS.join(','), '--skip', SKIP, '--output', 'landing-zone.yaml'], dir, env);
    expect(result.stderr).not.toContain('Not everything could be discovered');
    expect(result.status).toBe(0);
    const text = readFileSync(join(dir, 'landing-zone.yaml'), 'utf8');
    const config = parseConfig(text, 'landing-zone.yaml');
    expect(config.accounts.find((a) => a.id === shop)?.adopt).toEqual(
      expect.objectContaining({
        configRecorders: { 'us-east-1': { recorder: 'shop-recorder' }, 'eu-west-1': { recorder: 'shop-recorder' } },
        guardDutyDetectors: detectors,
        ebsEncryptionByDefault: ['eu-west-1'],
        passwordPolicy: true,
      }),
    );
    expect(config.accounts.map((a) => `${a.name}@${a.ou}`)).toEqual(['log-archive@Security', 'audit@Security', 'shop-prod@Workloads']);
    expect(config.controlTower).toBeUndefined();

    // The organization's records.
    expect(config.organization.rootId).toBe(rootId);
    expect(config.organization.additionalPolicyTypes).toEqual(['TAG_POLICY', 'BACKUP_POLICY']);
    expect(config.guardrails.existing).toEqual([
      { id: policyIds['deny-root-user'], name: 'deny-root-user', type: 'SERVICE_CONTROL_POLICY', targets: ['Root'] },
      { id: policyIds.DenyVpcDeletion, name: 'DenyVpcDeletion', type: 'SERVICE_CONTROL_POLICY', targets: ['Root', 'Workloads'] },
      { id: policyIds['cost-tags'], name: 'cost-tags', type: 'TAG_POLICY', targets: ['shop-prod'] },
    ]);
    expect(config.guardrails.scp).toEqual([expect.objectContaining({ policy: 'deny-root-user', id: policyIds['deny-root-user'] })]);
    expect(config.organization.delegatedAdministrators).toEqual([
      { service: 'config-multiaccountsetup.amazonaws.com', account: 'shop-prod' },
      { service: 'guardduty.amazonaws.com', account: 'audit', regions: REGIONS },
      { service: 'inspector2.amazonaws.com', account: 'log-archive', regions: ['us-east-1'] },
      { service: 'macie.amazonaws.com', account: 'shop-prod', regions: ['eu-west-1'] },
    ]);
    expect(config.organization.adopt?.trails).toEqual([
      { name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true, managementEvents: true, takeOver: false },
      { name: 'data-events', region: 'us-east-1', organization: false, multiRegion: false, managementEvents: false },
    ]);
    expect(text).toContain('# Not read (--skip): access-analyzer, security-hub-admin, detective-admin.');
    expect(lz(['validate', 'landing-zone.yaml'], dir).status).toBe(0);

    // The per-account form reads the same account again and leaves the file loading.
    const again = lz(['import', '--account', 'shop-prod', '--config', 'landing-zone.yaml', '--skip', SKIP], dir, env);
    expect(again.stdout).toContain('Wrote accounts: shop-prod, adopt in landing-zone.yaml: 2 regions read through OrganizationAccountAccessRole.');
    expect(again.status).toBe(0);
    expect(parseConfig(readFileSync(join(dir, 'landing-zone.yaml'), 'utf8'), 'landing-zone.yaml').accounts.find((a) => a.id === shop)?.adopt?.guardDutyDetectors).toEqual(detectors);

    // A person takes the organization trail over; reading the management account again keeps that choice.
    const file = join(dir, 'landing-zone.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^( +)takeOver: false$/m, '$1takeOver: true # taken over'));
    const management = lz(['import', '--account', 'management', '--config', 'landing-zone.yaml', '--skip', SKIP], dir, env);
    expect(management.status).toBe(0);
    const kept = parseConfig(readFileSync(file, 'utf8'), 'landing-zone.yaml');
    expect(kept.organization.adopt?.trails?.find((t) => t.name === 'corp-org-trail')?.takeOver).toBe(true);
    expect(kept.guardrails.existing).toEqual(config.guardrails.existing);
    expect(kept.organization.delegatedAdministrators).toEqual(config.organization.delegatedAdministrators);
  }, 120_000);
});

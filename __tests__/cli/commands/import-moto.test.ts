import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigServiceClient, PutConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { EC2Client, EnableEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  DescribeCreateAccountStatusCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { parseConfig } from '../../../config/load';
import { MOTO_VERSION, motoAvailable, startMoto, type MotoServer } from '../../harness/emulator/moto';
import { ensureBuilt, lz } from '../binary';

/*
 * The built lz binary against the AWS emulator (moto): an organization whose member account already runs a Config
 * recorder, GuardDuty detectors, EBS default encryption and a password policy. lz import finds them through
 * AssumeRole and writes them as adopt entries; the file validates. moto has no Access Analyzer and no Control
 * Tower: Access Analyzer is left out with --skip, and the Control Tower API's "not there" answer is no Control Tower.
 */

const REGIONS = ['us-east-1', 'eu-west-1'];
if (!motoAvailable() && process.env.CI === 'true') {
  throw new Error(`moto_server is not on the PATH, and CI=true: install it with pip install "moto[server]==${MOTO_VERSION}" (README, "Emulator apply test")`);
}
const run = motoAvailable() ? describe : describe.skip;

run('lz import against moto (built binary)', () => {
  let moto: MotoServer;
  let shop = '';
  const detectors: Record<string, string> = {};
  const creds = { accessKeyId: 'testing', secretAccessKey: 'testing' };

  beforeAll(async () => {
    ensureBuilt();
    moto = await startMoto();
    const endpoint = moto.endpoint;
    const orgs = new OrganizationsClient({ region: 'us-east-1', endpoint, credentials: creds });
    await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const root = (await orgs.send(new ListRootsCommand({}))).Roots![0].Id!;
    const ous: Record<string, string> = {};
    for (const name of ['Security', 'Workloads']) ous[name] = (await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: root, Name: name }))).OrganizationalUnit!.Id!;
    const ids: Record<string, string> = {};
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
  }, 120_000);

  afterAll(async () => moto?.stop());

  it('writes what the member account runs as adopt entries, and the file validates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-import-moto-'));
    const env = { AWS_ENDPOINT_URL: moto.endpoint, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };
    const result = lz(['import', '--home-region', 'us-east-1', '--regions', REGIONS.join(','), '--skip', 'access-analyzer', '--output', 'landing-zone.yaml'], dir, env);
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
    expect(lz(['validate', 'landing-zone.yaml'], dir).status).toBe(0);

    // The per-account form reads the same account again and leaves the file loading.
    const again = lz(['import', '--account', 'shop-prod', '--config', 'landing-zone.yaml', '--skip', 'access-analyzer'], dir, env);
    expect(again.stdout).toContain('Wrote accounts: shop-prod, adopt in landing-zone.yaml: 2 regions read through OrganizationAccountAccessRole.');
    expect(again.status).toBe(0);
    expect(parseConfig(readFileSync(join(dir, 'landing-zone.yaml'), 'utf8'), 'landing-zone.yaml').accounts.find((a) => a.id === shop)?.adopt?.guardDutyDetectors).toEqual(detectors);
  }, 120_000);
});

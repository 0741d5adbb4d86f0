import { parse } from 'yaml';
import { configFrom, exampleConfig, minimalConfig, MINIMAL_YAML } from '../harness/config';
import { awsProvider, synthLandingZone, type SynthesizedLandingZone } from '../harness/synth';

const REMOTE_ACCOUNT_ID = /^arn:aws:iam::\$\{data\.terraform_remote_state\.cross-stack-reference-input-management\.outputs\.cross-stack-output-aws_organizations_account[^}]*Account-(.+?)_[0-9A-F]{8}id\}:role\/\$\{terraform\.applying \? "OrganizationAccountAccessRole" : var\.member_role_name\}$/;

describe('stacks and providers (examples/minimal.yaml: accounts created in the same run)', () => {
  let lz: SynthesizedLandingZone;
  beforeAll(() => {
    lz = synthLandingZone(exampleConfig('minimal'));
  });

  it('synthesizes exactly the stacks of DESIGN.md', () => {
    expect(Object.keys(lz.json).sort()).toEqual(['log-archive', 'management', 'management-baseline', 'security', 'workload-shop-prod']);
  });

  it('gives every stack a default provider in the home region with the landing-zone tags', () => {
    for (const id of Object.keys(lz.json)) {
      const provider = awsProvider(lz.stack(id));
      expect(provider.region).toBe('us-east-1');
      expect(provider.assume_role).toBeUndefined();
      expect(provider.default_tags).toEqual([{ tags: expect.objectContaining({ 'managed-by': 'cdktf-landing-zone', 'landing-zone': 'acme' }) }]);
    }
  });

  it('makes every provider of every stack, default, regional and member-account, retry adaptively (throttled plans wait and retry)', () => {
    let providers = 0;
    for (const id of Object.keys(lz.json)) {
      for (const provider of (lz.stack(id).provider as any).aws as Array<Record<string, unknown>>) {
        expect({ stack: id, alias: provider.alias, retry_mode: provider.retry_mode, max_retries: provider.max_retries }).toEqual({ stack: id, alias: provider.alias, retry_mode: 'adaptive', max_retries: 25 });
        providers++;
      }
    }
    expect(providers).toBeGreaterThan(Object.keys(lz.json).length);
  });

  it('assumes the access role into the workload account in every governed region, with the id from the management stack', () => {
    const stack = lz.stack('workload-shop-prod');
    for (const region of ['us-east-1', 'ap-northeast-1']) {
      const provider = awsProvider(stack, `shop-prod-${region}`);
      expect(provider.region).toBe(region);
      expect(provider.assume_role[0].role_arn).toMatch(REMOTE_ACCOUNT_ID);
      expect(provider.assume_role[0].role_arn.match(REMOTE_ACCOUNT_ID)![1]).toBe('shop-prod');
      expect(provider.assume_role[0].session_name).toBe('lz-workload-shop-prod');
    }
    expect((stack.variable as any).member_role_name.default).toBe('OrganizationAccountAccessRole');
  });

  it('reads the created account ids through remote state of the management stack', () => {
    const remote = lz.stack('workload-shop-prod').data?.terraform_remote_state ?? {};
    expect(remote['cross-stack-reference-input-management']).toEqual(
      expect.objectContaining({ backend: 'local', config: { path: '../../../terraform-state/management.tfstate' } }),
    );
    const outputs = Object.entries(lz.stack('management').output ?? {});
    const shopOutput = outputs.find(([name]) => name.includes('Account-shop-prod'));
    expect(shopOutput?.[1].value).toMatch(/^\$\{aws_organizations_account\.Account-shop-prod_[0-9A-F]{8}\.id\}$/);
  });

  it('points the log-archive and security stacks at their own accounts', () => {
    expect(awsProvider(lz.stack('log-archive'), 'log-archive-us-east-1').assume_role[0].role_arn).toMatch(/Account-log-archive_/);
    expect(awsProvider(lz.stack('security'), 'security-ap-northeast-1').assume_role[0].role_arn).toMatch(/Account-security_/);
  });

  it('orders the stacks management → log-archive → security → workloads in the manifest', () => {
    const deps = (id: string) => lz.manifest.stacks[id].dependencies;
    expect(deps('management')).toEqual([]);
    expect(deps('log-archive')).toEqual(['management']);
    expect(deps('security')).toEqual(expect.arrayContaining(['log-archive']));
    expect(deps('workload-shop-prod')).toEqual(expect.arrayContaining(['management', 'security']));
  });
});

describe('adopted accounts and a custom access role (examples/enterprise.yaml)', () => {
  let lz: SynthesizedLandingZone;
  beforeAll(() => {
    lz = synthLandingZone(exampleConfig('enterprise'));
  });

  it('uses the literal id of an adopted account instead of a remote-state read', () => {
    const provider = awsProvider(lz.stack('workload-payments-prod'), 'payments-prod-ap-northeast-3');
    expect(provider.assume_role[0].role_arn).toBe('arn:aws:iam::210987654323:role/${terraform.applying ? "OrganizationAccountAccessRole" : var.member_role_name}');
    expect(lz.stack('workload-payments-prod').data?.terraform_remote_state).toBeUndefined();
    expect(awsProvider(lz.stack('log-archive'), 'log-archive-ap-northeast-1').assume_role[0].role_arn).toBe(
      'arn:aws:iam::210987654321:role/${terraform.applying ? "OrganizationAccountAccessRole" : var.member_role_name}',
    );
  });

  it('reads a created account id from the management stack in S3', () => {
    const remote = lz.stack('workload-network').data?.terraform_remote_state?.['cross-stack-reference-input-management'];
    expect(remote).toEqual(
      expect.objectContaining({
        backend: 's3',
        config: expect.objectContaining({ bucket: 'globex-tfstate-123456789012', key: 'landing-zone/management.tfstate', region: 'ap-northeast-1' }),
      }),
    );
  });

  it('honours a custom access role name', () => {
    const custom = synthLandingZone(minimalConfig((input) => (input.organization.accessRoleName = 'LandingZoneExecution')));
    expect(awsProvider(custom.stack('workload-shop-dev'), 'shop-dev-us-east-1').assume_role[0].role_arn).toMatch(/:role\/\$\{terraform\.applying \? "LandingZoneExecution" : var\.member_role_name\}$/);
    expect((custom.stack('workload-shop-dev').variable as any).member_role_name.default).toBe('LandingZoneExecution');
  });
});

describe('construct ids come from names, not positions', () => {
  it('synthesizes the same Terraform when accounts and OUs are reordered', () => {
    const input = parse(MINIMAL_YAML);
    const a = synthLandingZone(configFrom(input));
    const reordered = { ...input, accounts: [...input.accounts].reverse(), organizationalUnits: [...input.organizationalUnits].reverse() };
    const b = synthLandingZone(configFrom(reordered));
    expect(b.json).toEqual(a.json);
  });
});

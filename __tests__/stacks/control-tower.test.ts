import { exampleConfig } from '../harness/config';
import { controlTowerEnterprise } from '../harness/control-tower';
import { awsProvider, resourcesOf, synthLandingZone, type StackJson } from '../harness/synth';

/*
 * Control Tower mode across the stacks (config `controlTower`): no organization trail of the landing zone's own
 * while Control Tower runs it, the log archive kept, Terraform reaching enrolled accounts through Control Tower's
 * execution role, new accounts in registered OUs created with that role so Control Tower can enroll them, and
 * Control Tower's trusted access kept.
 */

const trails = (json: StackJson) => Object.values(resourcesOf(json, 'aws_cloudtrail'));
const cloudTrailAdmins = (json: StackJson) => Object.values(resourcesOf(json, 'aws_cloudtrail_organization_delegated_admin_account'));
const roleVariable = (json: StackJson) => (json.variable as Record<string, any>).member_role_name;
const accountsByName = (json: StackJson) => Object.fromEntries(Object.values(resourcesOf(json, 'aws_organizations_account')).map((a) => [a.name, a]));

describe('Control Tower mode (Control Tower runs the organization trail)', () => {
  let lz: ReturnType<typeof synthLandingZone>;
  beforeAll(() => {
    lz = synthLandingZone(controlTowerEnterprise());
  });

  it('makes no organization trail, no event data store, and no CloudTrail delegated administrator', () => {
    expect(trails(lz.stack('security'))).toEqual([]);
    expect(resourcesOf(lz.stack('security'), 'aws_cloudtrail_event_data_store')).toEqual({});
    expect(cloudTrailAdmins(lz.stack('management'))).toEqual([]);
    // The other designations stay (GuardDuty, Security Hub ...).
    expect(Object.keys(resourcesOf(lz.stack('management'), 'aws_guardduty_organization_admin_account')).length).toBeGreaterThan(0);
  });

  it('forgets (never destroys) a trail the landing zone made before the switch: a removed block at the trail\'s address', () => {
    const before = synthLandingZone(controlTowerEnterprise((c) => delete c.controlTower));
    const [address] = Object.keys(resourcesOf(before.stack('security'), 'aws_cloudtrail'));
    expect(lz.stack('security').removed).toEqual([{ from: `aws_cloudtrail.${address}`, lifecycle: { destroy: false } }]);
  });

  it('keeps the log-archive buckets and key, each prevent_destroy', () => {
    const buckets = Object.values(resourcesOf(lz.stack('log-archive'), 'aws_s3_bucket'));
    expect(buckets).toHaveLength(3);
    for (const b of buckets) expect(b.lifecycle.prevent_destroy).toBe(true);
    for (const k of Object.values(resourcesOf(lz.stack('log-archive'), 'aws_kms_key'))) expect(k.lifecycle.prevent_destroy).toBe(true);
  });

  it('lets Control Tower\'s execution role, besides the access role, change the log buckets\' policies', () => {
    const policies = Object.values(resourcesOf(lz.stack('log-archive'), 'aws_s3_bucket_policy')).map((p) => String(p.policy));
    expect(policies.some((p) => p.includes('AWSControlTowerExecution') && p.includes('OrganizationAccountAccessRole'))).toBe(true);
  });

  it('assumes Control Tower\'s execution role in enrolled accounts: the member_role_name default per stack, the plan role still allowed', () => {
    for (const id of ['log-archive', 'security', 'workload-web-prod', 'workload-payments-dev', 'workload-sandbox-alice']) {
      const variable = roleVariable(lz.stack(id));
      expect(variable.default).toBe('AWSControlTowerExecution');
      expect(variable.validation[0].condition).toBe('${contains(["AWSControlTowerExecution","LandingZonePlan"], var.member_role_name)}');
    }
    for (const region of ['ap-northeast-1', 'ap-northeast-3', 'us-east-1']) {
      expect(awsProvider(lz.stack('workload-web-prod'), `web-prod-${region}`).assume_role[0].role_arn).toBe('arn:aws:iam::210987654331:role/${terraform.applying ? "AWSControlTowerExecution" : var.member_role_name}');
    }
    expect(awsProvider(lz.stack('security'), 'security-ap-northeast-1').assume_role[0].role_arn).toBe('arn:aws:iam::210987654322:role/${terraform.applying ? "AWSControlTowerExecution" : var.member_role_name}');
  });

  it('assumes the access role in accounts Control Tower does not enroll', () => {
    for (const id of ['workload-network', 'workload-payments-prod']) expect(roleVariable(lz.stack(id)).default).toBe('OrganizationAccountAccessRole');
  });

  it('creates new accounts of registered OUs with role_name AWSControlTowerExecution, the others with the access role', () => {
    const accounts = accountsByName(lz.stack('management'));
    expect(accounts['web-prod'].role_name).toBe('AWSControlTowerExecution');
    expect(accounts['payments-dev'].role_name).toBe('AWSControlTowerExecution');
    expect(accounts.network.role_name).toBe('OrganizationAccountAccessRole');
  });

  it('keeps Control Tower\'s trusted access (controltower, cloudtrail, config, sso)', () => {
    const org = Object.values(resourcesOf(lz.stack('management'), 'aws_organizations_organization'))[0];
    expect(org.aws_service_access_principals).toEqual(expect.arrayContaining(['controltower.amazonaws.com', 'cloudtrail.amazonaws.com', 'config.amazonaws.com', 'sso.amazonaws.com']));
  });

  it('denies the CI plan identity Control Tower\'s execution role, like the access role', () => {
    const inline = Object.values(resourcesOf(lz.stack('bootstrap'), 'aws_iam_role_policy')).map((p) => JSON.parse(p.policy));
    const deny = inline.flatMap((d) => d.Statement).find((s: any) => s.Sid === 'DenyWriterRoles');
    expect(deny.Resource).toEqual(expect.arrayContaining(['arn:aws:iam::*:role/OrganizationAccountAccessRole', 'arn:aws:iam::*:role/AWSControlTowerExecution']));
  });
});

describe('Control Tower mode: the trail the landing zone still makes', () => {
  it('makes an organization trail of the data events only when logging.trail asks for them, with CloudTrail\'s delegated administrator', () => {
    const lz = synthLandingZone(controlTowerEnterprise((c) => (c.logging.trail = { s3DataEvents: true })));
    const [trail] = trails(lz.stack('security'));
    expect(lz.stack('security').removed).toBeUndefined();
    expect(trail).toMatchObject({ is_organization_trail: true, is_multi_region_trail: true, enable_log_file_validation: true, s3_bucket_name: Object.values(resourcesOf(lz.stack('log-archive'), 'aws_s3_bucket')).find((b) => b.object_lock_enabled)!.bucket });
    expect(trail.advanced_event_selector).toEqual([
      { name: 'S3 data events', field_selector: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::S3::Object'] }] },
    ]);
    expect(cloudTrailAdmins(lz.stack('management'))).toHaveLength(1);
  });

  it('makes the CloudTrail Lake event data store (it ingests events by itself) and registers CloudTrail\'s delegated administrator for it', () => {
    const lz = synthLandingZone(controlTowerEnterprise((c) => (c.logging.trail = { lake: { enabled: true } })));
    expect(trails(lz.stack('security'))).toEqual([]);
    expect(Object.values(resourcesOf(lz.stack('security'), 'aws_cloudtrail_event_data_store'))).toHaveLength(1);
    expect(cloudTrailAdmins(lz.stack('management'))).toHaveLength(1);
  });

  it('makes the full organization trail when Control Tower does not run one (controlTower.organizationTrail: false)', () => {
    const lz = synthLandingZone(controlTowerEnterprise((c) => (c.controlTower.organizationTrail = false)));
    const [trail] = trails(lz.stack('security'));
    expect(trail.advanced_event_selector).toEqual([{ name: 'Management events', field_selector: [{ field: 'eventCategory', equals: ['Management'] }] }]);
    expect(cloudTrailAdmins(lz.stack('management'))).toHaveLength(1);
  });

  it('keeps the access role in enrolled accounts with useExecutionRole: false', () => {
    const lz = synthLandingZone(controlTowerEnterprise((c) => (c.controlTower.useExecutionRole = false)));
    expect(roleVariable(lz.stack('workload-web-prod')).default).toBe('OrganizationAccountAccessRole');
    expect(accountsByName(lz.stack('management'))['web-prod'].role_name).toBe('OrganizationAccountAccessRole');
  });
});

describe('without a controlTower section', () => {
  it('makes the organization trail and registers CloudTrail\'s delegated administrator, and trusts no controltower principal', () => {
    const lz = synthLandingZone(exampleConfig('enterprise'));
    expect(trails(lz.stack('security'))).toHaveLength(1);
    expect(cloudTrailAdmins(lz.stack('management'))).toHaveLength(1);
    const org = Object.values(resourcesOf(lz.stack('management'), 'aws_organizations_organization'))[0];
    expect(org.aws_service_access_principals).not.toContain('controltower.amazonaws.com');
    expect(roleVariable(lz.stack('workload-web-prod')).default).toBe('OrganizationAccountAccessRole');
  });
});

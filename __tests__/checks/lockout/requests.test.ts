import type { LandingZoneConfig } from '../../../config/schema';
import { exampleConfig } from '../../harness/config';
import { controlTowerEnterprise } from '../../harness/control-tower';
import { synthLandingZone } from '../../harness/synth';
import { checkAction } from '../../../policies/iam-actions';
import { plannedResources } from '../../../checks/lockout/planned-resources';
import { accountRequests, STACKSET_EXECUTION_ROLE } from '../../../checks/lockout/requests';
import { CLOUDFORMATION_ACTIONS, TERRAFORM_ACTIONS } from '../../../checks/lockout/terraform-actions';

/*
 * The requests the lock-out check evaluates are the landing zone's: every resource and data source the synthesized
 * stacks make through a member account's provider is among the resources the check derives from the config
 * (checks/lockout/planned-resources.ts), Region by Region, and each has its actions in the reviewed table.
 */

/** `type@region` of everything the synthesized stacks make in each member account, by account name. */
function synthesizedByAccount(config: LandingZoneConfig): Map<string, Set<string>> {
  const lz = synthLandingZone(config);
  const out = new Map<string, Set<string>>();
  for (const json of Object.values(lz.json)) {
    const regions = new Map((json.provider?.aws ?? []).filter((p) => p.alias).map((p) => [`aws.${p.alias}`, p.region as string]));
    const record = (type: string, body: Record<string, any>) => {
      const provider = body.provider as string | undefined;
      if (!provider) return;
      const account = config.accounts.find((a) => provider.startsWith(`aws.${a.name}-`) && regions.get(provider) === provider.slice(`aws.${a.name}-`.length));
      if (!account) return;
      const set = out.get(account.name) ?? new Set<string>();
      set.add(`${type}@${regions.get(provider)}`);
      out.set(account.name, set);
    };
    for (const [type, resources] of Object.entries(json.resource ?? {})) for (const body of Object.values(resources)) record(type, body);
    for (const [type, sources] of Object.entries(json.data ?? {})) for (const body of Object.values(sources)) record(`data.${type}`, body);
  }
  return out;
}

describe('the lock-out check covers every request the stacks make in member accounts', () => {
  const configs: [string, () => LandingZoneConfig][] = [
    ['examples/minimal.yaml', () => exampleConfig('minimal')],
    ['examples/enterprise.yaml', () => exampleConfig('enterprise')],
    ['examples/enterprise.yaml in Control Tower mode', () => controlTowerEnterprise()],
  ];

  it.each(configs)('%s: the synthesized resources of each member account are the planned ones', (_name, load) => {
    const config = load();
    const synthesized = synthesizedByAccount(config);
    expect(synthesized.size).toBe(config.accounts.length);
    for (const account of config.accounts) {
      const planned = new Set(plannedResources(config, account).map((r) => `${r.type}@${r.region}`));
      const made = [...(synthesized.get(account.name) ?? [])].sort();
      expect(made.length).toBeGreaterThan(10);
      expect({ account: account.name, missing: made.filter((m) => !planned.has(m)) }).toEqual({ account: account.name, missing: [] });
      // Nothing planned that the stacks do not make (no request is checked for a resource that does not exist).
      expect({ account: account.name, extra: [...planned].filter((p) => !made.includes(p)).sort() }).toEqual({ account: account.name, extra: [] });
    }
  }, 300_000);

  it('names an existing IAM action for every row of the reviewed tables', () => {
    const actions = [
      ...Object.values(TERRAFORM_ACTIONS).flatMap((r) => [...r.write, ...r.read, ...Object.keys(r.context ?? {}), ...Object.keys(r.arns ?? {})]),
      ...Object.values(CLOUDFORMATION_ACTIONS).flatMap((r) => r.actions),
      'ec2:DisableEbsEncryptionByDefault',
    ];
    expect(actions.filter((a) => !checkAction(a).ok)).toEqual([]);
  });

  it("makes the example's StackSet requests as the StackSet execution role in the accounts of its target OUs", () => {
    const config = exampleConfig('enterprise');
    const inWorkloads = accountRequests(config, config.accounts.find((a) => a.name === 'web-prod')!).requests.filter((r) => r.principal.kind === 'stackset');
    expect(inWorkloads.map((r) => `${r.action} ${r.resource} ${r.region}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^iam:CreateRole arn:aws:iam::\d{12}:role\/GlobexAuditReadOnly ap-northeast-1$/)]),
    );
    expect(inWorkloads.every((r) => r.principal.arn.endsWith(`:role/${STACKSET_EXECUTION_ROLE}`))).toBe(true);
    const inSecurity = accountRequests(config, config.accounts.find((a) => a.name === 'security')!).requests.filter((r) => r.principal.kind === 'stackset');
    expect(inSecurity).toEqual([]);
  });
});

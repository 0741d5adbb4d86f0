import { accountIdOutputName } from '../../../stacks/management/account-outputs';
import { inputOutputName } from '../../../stacks/accounts/inputs';
import { synthLandingZone, awsProvider, type SynthesizedLandingZone } from '../../harness/synth';
import { byPath, outputRead, removedAddresses, shardedConfig } from './account-stack-harness';

const APPS_IN_1 = ['app-1', 'app-2', 'app-3', 'shop-prod'];
const APPS_IN_2 = ['app-4', 'app-5', 'app-6'];
const REGIONS = ['us-east-1', 'ap-northeast-1'];

describe('account stacks (stacks/account-stack.ts): what accounts-<n> holds and reads', () => {
  let lz: SynthesizedLandingZone;
  beforeAll(() => {
    lz = synthLandingZone(shardedConfig());
  });

  it('leaves the management stack the core accounts (the organization outgrew it); accounts-1 and accounts-2 hold the workload accounts', () => {
    const names = (id: string) => Object.values(lz.stack(id).resource?.aws_organizations_account ?? {}).map((a) => a.name).sort();
    expect(names('management')).toEqual(['log-archive', 'security']);
    expect(names('accounts-1')).toEqual(APPS_IN_1);
    expect(names('accounts-2')).toEqual(APPS_IN_2);
    expect(Object.keys(lz.json).filter((id) => id.startsWith('accounts-')).sort()).toEqual(['accounts-1', 'accounts-2']);
  });

  it('places each account in its OU by the id the management stack exports, never destroyed or closed', () => {
    const account = byPath(lz.stack('accounts-1'), 'aws_organizations_account')['Account-app-2/Resource'];
    const ouOutput = inputOutputName('ou-id', 'Workloads/Dev');
    expect(account).toEqual(expect.objectContaining({ name: 'app-2', email: 'aws+app-2@acme.example', parent_id: outputRead('management', ouOutput), close_on_deletion: false }));
    expect(account.lifecycle.prevent_destroy).toBe(true);
    expect(lz.stack('management').output?.[ouOutput].value).toMatch(/^\$\{aws_organizations_organizational_unit\.OU-Workloads--Dev_\w+\.id\}$/);
  });

  it('exports the id of each account it creates, which the account\'s workload stack reads from it and runs after', () => {
    const output = accountIdOutputName('app-2');
    expect(lz.stack('accounts-1').output?.[output]).toEqual(expect.objectContaining({ value: `\${${byPath(lz.stack('accounts-1'), 'aws_organizations_account')['Account-app-2/Resource'].address}.id}`, sensitive: true }));
    expect(lz.stack('management').output?.[output]).toBeUndefined();
    const workload = lz.stack('workload-app-2');
    expect(JSON.stringify(workload.provider)).toContain(outputRead('accounts-1', output).slice(2, -1));
    expect(lz.manifest.stacks['workload-app-2'].dependencies).toEqual(expect.arrayContaining(['security', 'accounts-1']));
    expect(lz.manifest.stacks['accounts-1'].dependencies).toEqual(expect.arrayContaining(['security', 'management']));
  });

  it('attaches a policy that targets the account itself in the account stack, with the policy id the management stack exports', () => {
    const attachments = byPath(lz.stack('accounts-2'), 'aws_organizations_policy_attachment');
    const [path, attachment] = Object.entries(attachments).find(([p]) => p.endsWith('/Attachment-app-5/Resource'))!;
    const policyConstruct = path.split('/')[0];
    expect(attachment.policy_id).toBe(outputRead('management', inputOutputName('policy-id', policyConstruct)));
    expect(attachment.target_id).toBe(`\${${byPath(lz.stack('accounts-2'), 'aws_organizations_account')['Account-app-5/Resource'].address}.id}`);
    expect(Object.keys(byPath(lz.stack('management'), 'aws_organizations_policy_attachment')).filter((p) => p.includes('app-5'))).toEqual([]);
  });

  it('makes the Identity Center assignments of its accounts (Root targets included) with the management stack\'s group ids and permission set ARNs', () => {
    const assignments = byPath(lz.stack('accounts-1'), 'aws_ssoadmin_account_assignment');
    expect(Object.keys(assignments).sort()).toEqual(
      APPS_IN_1.flatMap((a) => [`Assignment-auditors|ReadOnlyAccess|${a}/Resource`, `Assignment-platform-admins|AdministratorAccess|${a}/Resource`]).sort(),
    );
    const one = assignments['Assignment-auditors|ReadOnlyAccess|app-2/Resource'];
    expect(one.principal_id).toBe(outputRead('management', inputOutputName('group-id', 'auditors')));
    expect(one.permission_set_arn).toBe(outputRead('management', inputOutputName('permission-set-arn', 'ReadOnlyAccess')));
    expect(Object.keys(byPath(lz.stack('management'), 'aws_ssoadmin_account_assignment')).filter((p) => p.includes('app-2'))).toEqual([]);
  });

  it('enrols its accounts in Detective, Inspector and Macie in every security region as the security account, with the graph the security stack exports', () => {
    const stack = lz.stack('accounts-1');
    for (const region of REGIONS) {
      const detective = byPath(stack, 'aws_detective_member')[`Detective-${region}/Member-app-3`];
      expect(detective.graph_arn).toBe(outputRead('security', inputOutputName('detective-graph-arn', region)));
      expect(detective.provider).toBe(`aws.security-${region}`);
      expect(byPath(stack, 'aws_inspector2_member_association')[`Inspector-${region}/Member-app-3`].provider).toBe(`aws.security-${region}`);
      expect(byPath(stack, 'aws_inspector2_enabler')[`Inspector-${region}/MemberEnabler-app-3`].account_ids).toEqual([expect.stringContaining('aws_organizations_account.Account-app-3_')]);
      expect(byPath(stack, 'aws_macie2_member')[`Macie-${region}/Member-app-3`].email).toBe('aws+app-3@acme.example');
    }
    const provider = awsProvider(stack, 'security-us-east-1');
    expect(provider.assume_role[0].role_arn).toContain(outputRead('management', accountIdOutputName('security')).slice(2, -1));
    // The security stack enrols no workload account: each is enrolled in its account stack.
    expect(Object.keys(byPath(lz.stack('security'), 'aws_detective_member')).filter((p) => [...APPS_IN_1, ...APPS_IN_2].some((a) => p.endsWith(`-${a}`)))).toEqual([]);
  });

  it('writes no removed or import block for accounts that never moved', () => {
    for (const id of ['management', 'security', 'accounts-1', 'accounts-2']) {
      expect(removedAddresses(lz.stack(id)).filter((a) => /app-\d/.test(a))).toEqual([]);
      expect((lz.stack(id).import ?? []).filter((i) => /app-\d/.test(i.to))).toEqual([]);
    }
  });
});

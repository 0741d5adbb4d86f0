import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesize } from '../../../synth/synth';
import { inputOutputName } from '../../../stacks/accounts/inputs';
import { terraformAvailable, validateStacks } from '../../harness/terraform';
import { synthLandingZone, type SynthesizedLandingZone } from '../../harness/synth';
import { byPath, movingConfig, outputRead, removedAddresses } from './account-stack-harness';

const MOVED_TO_1 = ['shop-prod', 'app-1', 'app-2', 'app-3'];
const REGIONS = ['us-east-1', 'ap-northeast-1'];
const addresses = (resources: Record<string, { address: string }>, test: (path: string) => boolean) =>
  Object.entries(resources)
    .filter(([path]) => test(path))
    .map(([, r]) => r.address)
    .sort();

describe('accounts moving from the management and security stacks into account stacks (stacks/accounts/moves.ts)', () => {
  let lz: SynthesizedLandingZone;
  beforeAll(() => {
    lz = synthLandingZone(movingConfig());
  });

  it('makes the management stack forget (never destroy) each moved account, its own policy attachment and its assignments, at the addresses accounts-1 takes them to', () => {
    const accounts1 = lz.stack('accounts-1');
    const forgotten = removedAddresses(lz.stack('management')).sort();
    const moved = (path: string) => MOVED_TO_1.some((a) => path.startsWith(`Account-${a}/`) || path.includes(`|${a}/`) || path.includes(`/Attachment-${a}/`));
    const taken = [
      ...addresses(byPath(accounts1, 'aws_organizations_account'), moved),
      ...addresses(byPath(accounts1, 'aws_organizations_policy_attachment'), moved),
      ...addresses(byPath(accounts1, 'aws_ssoadmin_account_assignment'), moved),
    ].sort();
    expect(taken).toHaveLength(4 + 8);
    expect(forgotten.filter((a) => taken.includes(a))).toEqual(taken);
    // app-4 ... app-6 went to accounts-2, app-4 and app-5 with the SCP attached to them; the core accounts stay.
    const accounts2 = lz.stack('accounts-2');
    const attachments = addresses(byPath(accounts2, 'aws_organizations_policy_attachment'), (path) => /\/Attachment-app-[45]\//.test(path));
    expect(attachments).toHaveLength(2);
    expect(forgotten.filter((a) => attachments.includes(a))).toEqual(attachments);
    expect(forgotten.filter((a) => a.includes('app-6'))).toHaveLength(1 + 2);
    expect(forgotten.filter((a) => /log-archive|security/.test(a))).toEqual([]);
  });

  it('makes the security stack forget their Detective, Inspector and Macie enrolments at the addresses accounts-1 takes them to', () => {
    const accounts1 = lz.stack('accounts-1');
    const enrolments = ['aws_detective_member', 'aws_inspector2_member_association', 'aws_inspector2_enabler', 'aws_macie2_member'].flatMap((t) => addresses(byPath(accounts1, t), () => true));
    expect(enrolments).toHaveLength(MOVED_TO_1.length * REGIONS.length * 4);
    expect(removedAddresses(lz.stack('security')).filter((a) => enrolments.includes(a)).sort()).toEqual(enrolments.sort());
  });

  it('imports each moved account by the id it has in the OU it is in, looked up by its e-mail, and everything of it by that id', () => {
    const accounts1 = lz.stack('accounts-1');
    const imports = new Map((accounts1.import ?? []).map((i) => [i.to, i]));
    const lookups = accounts1.data?.aws_organizations_organizational_unit_child_accounts ?? {};
    expect(Object.values(lookups).map((d) => d.parent_id).sort()).toEqual([outputRead('management', inputOutputName('ou-id', 'Workloads/Dev')), outputRead('management', inputOutputName('ou-id', 'Workloads/Prod'))].sort());
    const lookupOf = (email: string) =>
      expect.stringMatching(new RegExp(`^\\$\\{one\\(\\[for a in data\\.aws_organizations_organizational_unit_child_accounts\\.MovedAccounts_In-Workloads--(Prod|Dev)_\\w+\\.accounts : a\\.id if lower\\(a\\.email\\) == "${email.replace(/[.+]/g, '\\$&')}"\\]\\)\\}$`));
    const account = byPath(accounts1, 'aws_organizations_account')['Account-app-3/Resource'];
    expect(imports.get(account.address)).toEqual({ to: account.address, id: lookupOf('aws+app-3@acme.example') });
    const id = imports.get(account.address)!.id;
    const accounts2 = lz.stack('accounts-2');
    const attachment = Object.entries(byPath(accounts2, 'aws_organizations_policy_attachment')).find(([path]) => path.endsWith('/Attachment-app-5/Resource'))![1];
    expect(new Map((accounts2.import ?? []).map((i) => [i.to, i])).get(attachment.address)?.id).toMatch(/^\$\{one\(.*aws\+app-5@acme\.example.*\)\}:\$\{data\.terraform_remote_state\.cross-stack-reference-input-management\.outputs\.lz-policy-id/);
    const assignment = byPath(accounts1, 'aws_ssoadmin_account_assignment')['Assignment-auditors|ReadOnlyAccess|app-3/Resource'];
    expect(imports.get(assignment.address)?.id).toBe(
      `${outputRead('management', inputOutputName('group-id', 'auditors'))},GROUP,${id},AWS_ACCOUNT,${outputRead('management', inputOutputName('permission-set-arn', 'ReadOnlyAccess'))},\${element(tolist(data.aws_ssoadmin_instances.IdentityCenter_82BA6B90.arns), 0)}`,
    );
    const detective = byPath(accounts1, 'aws_detective_member')['Detective-ap-northeast-1/Member-app-3'];
    expect(imports.get(detective.address)).toEqual({ to: detective.address, id: `${outputRead('security', inputOutputName('detective-graph-arn', 'ap-northeast-1'))}/${id}`, provider: 'aws.security-ap-northeast-1' });
    const enabler = byPath(accounts1, 'aws_inspector2_enabler')['Inspector-us-east-1/MemberEnabler-app-3'];
    expect(imports.get(enabler.address)?.id).toMatch(new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[A-Z0-9_]+(:[A-Z0-9_]+)*$`));
    // Every resource of a moved account is imported; no other import.
    const all = ['aws_organizations_account', 'aws_organizations_policy_attachment', 'aws_ssoadmin_account_assignment', 'aws_detective_member', 'aws_inspector2_member_association', 'aws_inspector2_enabler', 'aws_macie2_member'].flatMap((t) =>
      addresses(byPath(accounts1, t), () => true),
    );
    expect([...imports.keys()].sort()).toEqual(all.sort());
  });
});

(terraformAvailable() ? describe : describe.skip)('terraform validate: stacks that move accounts', () => {
  it('passes for the management, security and account stacks of the move', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'lz-moves-validate-'));
    try {
      const ids = ['management', 'security', 'accounts-1', 'accounts-2', 'workload-app-3'];
      synthesize({ config: movingConfig(), outdir, stacks: ids });
      const results = await validateStacks(ids.map((id) => ({ id, dir: join(outdir, 'stacks', id) })));
      expect(results.map(({ stack, diagnostics }) => ({ stack, diagnostics }))).toEqual(ids.map((stack) => ({ stack, diagnostics: [] })));
      expect(results.every((r) => r.valid)).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 300_000);
});

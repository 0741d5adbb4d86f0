import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';
import { problemsOf } from '../../harness/config';
import { IDS, OU_IDS, takeoverConfig, takeoverInput } from './takeover-config';

// Taking over an organization that has run for years (issue 20): the management stack keeps what it does not own.
// enabled_policy_types is authoritative (a type left out is disabled, and AWS detaches every policy of it), policies
// attached outside the landing zone take per-target slots, a policy of a catalogue name is adopted with its
// attachments, and delegated administrators that exist are imported, never registered twice.

const policies = (json: StackJson) => Object.values(resourcesOf(json, 'aws_organizations_policy'));
const importsOf = (json: StackJson, type: string) => (json.import ?? []).filter((i) => i.to.startsWith(`${type}.`));

describe('takeover: the organization and its policies', () => {
  const management = synthLandingZone(takeoverConfig()).stack('management');
  const organization = Object.values(resourcesOf(management, 'aws_organizations_organization'))[0];

  it('keeps every policy type in use enabled: the guardrails\', organization.additionalPolicyTypes and those of the existing policies', () => {
    expect(organization.enabled_policy_types).toEqual(['BACKUP_POLICY', 'SERVICE_CONTROL_POLICY', 'TAG_POLICY']);
    expect(organization.lifecycle).toEqual({ prevent_destroy: true });
  });

  it('adopts the existing policy of a catalogue name by its id, and imports its attachment to Root only (the OU attachment stays as it is)', () => {
    const [name, leave] = Object.entries(resourcesOf(management, 'aws_organizations_policy')).find(([, p]) => p.name === 'deny-leave-organization')!;
    expect(importsOf(management, 'aws_organizations_policy')).toEqual([{ to: `aws_organizations_policy.${name}`, id: 'p-leave0001' }]);
    const attachments = Object.entries(resourcesOf(management, 'aws_organizations_policy_attachment')).filter(([, a]) => String(a.policy_id).includes(name));
    expect(attachments).toHaveLength(1);
    expect(importsOf(management, 'aws_organizations_policy_attachment')).toEqual([{ to: `aws_organizations_policy_attachment.${attachments[0][0]}`, id: `${IDS.root}:p-leave0001` }]);
    expect(leave.lifecycle).toBeUndefined();
  });

  it('attaches no more than Root takes: FullAWSAccess, the existing corp-deny-s3-public and three of the landing zone\'s', () => {
    const atRoot = Object.values(resourcesOf(management, 'aws_organizations_policy_attachment')).filter((a) => String(a.target_id).includes('roots'));
    expect(atRoot).toHaveLength(3);
  });

  it('never creates, imports or attaches a policy it does not own (corp-*, the backup and tag policies)', () => {
    expect(policies(management).map((p) => p.name).filter((n) => n.startsWith('corp-'))).toEqual([]);
    const ids = JSON.stringify(management.import ?? []);
    for (const id of ['p-custom0001', 'p-custom0002', 'p-backup0001', 'p-tag00000001']) expect(ids).not.toContain(id);
  });

  it('packs its Root SCPs into the slots the existing policies leave, and names them when nothing fits', () => {
    const crowd = (...names: string[]) => (c: any) => {
      c.guardrails.scp = [];
      c.guardrails.existing = c.guardrails.existing.filter((p: any) => p.id !== 'p-leave0001');
      names.forEach((name, i) => c.guardrails.existing.push({ id: `p-crowd000${i}`, name, type: 'SERVICE_CONTROL_POLICY', targets: ['Root'] }));
    };
    // Root: FullAWSAccess and two existing policies leave 2 slots for the landing zone's 3 SCPs: packed (into one document).
    const atRoot = Object.values(resourcesOf(synthLandingZone(takeoverConfig(crowd('corp-no-regions'))).stack('management'), 'aws_organizations_policy_attachment')).filter((a) =>
      String(a.target_id).includes('roots'),
    );
    expect(atRoot.map((a) => a.policy_id)).toEqual([expect.stringContaining('lz-scp-Root-1')]);
    const input = takeoverInput();
    crowd('corp-no-regions', 'corp-no-users', 'corp-no-keys')(input);
    expect(problemsOf(JSON.stringify(input))).toContain(
      'policies attached there outside the landing zone take 4 (guardrails.existing: corp-deny-s3-public, corp-no-regions, corp-no-users, corp-no-keys), leaving 0',
    );
  });

  it('imports the delegated administrators the security account already is, in the Regions recorded, and registers the rest', () => {
    const registrations = importsOf(management, 'aws_organizations_delegated_administrator');
    expect(registrations.map((i) => i.id)).toEqual([`${IDS.security}/config.amazonaws.com`]);
    // GuardDuty: recorded in us-east-1 only, so imported there (the home Region's provider) and designated in ap-northeast-1.
    const guardduty = resourcesOf(management, 'aws_guardduty_organization_admin_account');
    const home = Object.keys(guardduty).find((n) => n.startsWith('ServiceAdmin-guardduty-us-east-1'))!;
    expect(Object.values(guardduty).map((g) => [g.provider, g.admin_account_id]).sort()).toEqual([['aws', IDS.security], ['aws.ap-northeast-1', IDS.security]]);
    expect(importsOf(management, 'aws_guardduty_organization_admin_account')).toEqual([{ to: `aws_guardduty_organization_admin_account.${home}`, id: IDS.security, provider: 'aws' }]);
    const cloudtrail = Object.keys(resourcesOf(management, 'aws_cloudtrail_organization_delegated_admin_account'));
    expect(importsOf(management, 'aws_cloudtrail_organization_delegated_admin_account')).toEqual(cloudtrail.map((n) => ({ to: `aws_cloudtrail_organization_delegated_admin_account.${n}`, id: IDS.security, provider: 'aws' })));
    expect(importsOf(management, 'aws_organizations_delegated_administrator').some((i) => i.id.includes('backup'))).toBe(false);
  });
});

describe('takeover: policy types the pinned provider cannot write', () => {
  const management = synthLandingZone(takeoverConfig((c) => c.organization.additionalPolicyTypes.push('SECURITYHUB_POLICY'))).stack('management');
  const organization = Object.values(resourcesOf(management, 'aws_organizations_organization'))[0];
  const enablers = Object.values(resourcesOf(management, 'terraform_data'));

  it('leaves enabled_policy_types to AWS after the import (an update would disable SECURITYHUB_POLICY and detach its policies)', () => {
    expect(organization.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['enabled_policy_types'] });
    expect(organization.enabled_policy_types).not.toContain('SECURITYHUB_POLICY');
  });

  it('enables each type the organization keeps with an idempotent enable-policy-type at the recorded root, before any policy', () => {
    const commands = enablers.map((e) => e.provisioner[0]['local-exec'].command as string).sort();
    expect(commands).toHaveLength(3);
    expect(commands[0]).toContain(`aws organizations enable-policy-type --root-id ${IDS.root} --policy-type BACKUP_POLICY`);
    expect(commands.every((c) => c.includes('PolicyTypeAlreadyEnabledException'))).toBe(true);
    for (const p of policies(management)) expect(p.depends_on.filter((d: string) => d.startsWith('terraform_data.'))).toHaveLength(3);
  });
});

describe('takeover: OU ids of the attachments it imports', () => {
  it('imports an adopted policy\'s OU attachment by the OU id of organization.ouIds', () => {
    const config = takeoverConfig((c) => {
      c.guardrails.scp[0].targets = ['Root', 'Workloads'];
    });
    const json = synthLandingZone(config).stack('management');
    expect(importsOf(json, 'aws_organizations_policy_attachment').map((i) => i.id).sort()).toEqual([`${OU_IDS.Workloads}:p-leave0001`, `${IDS.root}:p-leave0001`]);
  });
});

import { minimalConfig } from '../../harness/config';
import type { LandingZoneConfig } from '../../../config/schema';

/*
 * An organization that has run for years, as `lz import` describes it (issue 20): adopted (organization.id, rootId,
 * OU ids), its core accounts and shop-prod existing (ids), shop-dev new. Other policy types in use with policies
 * attached (a backup policy on an OU, a tag policy on an account, a custom SCP on Root and one on an OU), a
 * policy named like the catalogue's deny-leave-organization (adopted by id), delegated administrators registered
 * before (the security account for GuardDuty in one of the two Regions, Config and CloudTrail; backup to another
 * account), and an organization trail of its own name (left alone unless `edit` takes it over).
 */
export const IDS = { organization: 'o-abcd123456', root: 'r-ab12', security: '333333333333', logArchive: '444444444444', shopProd: '222222222222' } as const;
export const OU_IDS = { Security: 'ou-ab12-11111111', Workloads: 'ou-ab12-22222222', 'Workloads/Prod': 'ou-ab12-33333333', 'Workloads/Dev': 'ou-ab12-44444444' } as const;

export function takeoverInput(): any {
  return {
    organization: {
      name: 'acme',
      managementAccountId: '111111111111',
      id: IDS.organization,
      rootId: IDS.root,
      homeRegion: 'us-east-1',
      governedRegions: ['us-east-1', 'ap-northeast-1'],
      ouIds: { ...OU_IDS },
      additionalPolicyTypes: ['BACKUP_POLICY'],
      delegatedAdministrators: [
        { service: 'guardduty.amazonaws.com', account: 'security', regions: ['us-east-1'] },
        { service: 'config.amazonaws.com', account: 'security' },
        { service: 'cloudtrail.amazonaws.com', account: 'security' },
        { service: 'backup.amazonaws.com', account: 'shop-prod' },
      ],
      adopt: { trails: [{ name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true, takeOver: false }] },
    },
    organizationalUnits: ['Security', 'Workloads/Prod', 'Workloads/Dev'],
    accounts: [
      { name: 'log-archive', email: 'aws+log@acme.example', ou: 'Security', role: 'log-archive', id: IDS.logArchive },
      { name: 'security', email: 'aws+sec@acme.example', ou: 'Security', role: 'security', id: IDS.security },
      { name: 'shop-prod', email: 'aws+shop-prod@acme.example', ou: 'Workloads/Prod', id: IDS.shopProd },
      { name: 'shop-dev', email: 'aws+shop-dev@acme.example', ou: 'Workloads/Dev' },
    ],
    guardrails: {
      scp: [{ policy: 'deny-leave-organization', id: 'p-leave0001' }],
      existing: [
        { id: 'p-leave0001', name: 'deny-leave-organization', type: 'SERVICE_CONTROL_POLICY', targets: ['Root', 'Workloads'] },
        { id: 'p-custom0001', name: 'corp-deny-s3-public', type: 'SERVICE_CONTROL_POLICY', targets: ['Root'] },
        { id: 'p-custom0002', name: 'corp-prod-limits', type: 'SERVICE_CONTROL_POLICY', targets: ['Workloads/Prod'] },
        { id: 'p-backup0001', name: 'corp-backup-daily', type: 'BACKUP_POLICY', targets: ['Workloads/Prod'] },
        { id: 'p-tag00000001', name: 'corp-tags', type: 'TAG_POLICY', targets: ['shop-prod'] },
      ],
    },
  };
}

/** The takeover organization, with `edit` applied to its input first. */
export function takeoverConfig(edit: (input: any) => void = () => {}): LandingZoneConfig {
  return minimalConfig((c) => {
    Object.assign(c, takeoverInput());
    edit(c);
  });
}

import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find, type FoundResource } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { accountLabel, accountOf, regionLabel } from '../resources';

/** A resource AWS allows once per account and Region (or once per account), with the page saying so. */
interface Singleton {
  readonly type: string;
  readonly scope: 'region' | 'account';
  readonly what: string;
  readonly source: string;
  /** Only the resources that take the slot. @default every resource of the type */
  readonly counts?: (r: FoundResource) => boolean;
}

const SINGLETONS: readonly Singleton[] = [
  {
    type: 'aws_config_configuration_recorder',
    scope: 'region',
    what: 'customer managed configuration recorder',
    source: 'https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html',
  },
  { type: 'aws_config_delivery_channel', scope: 'region', what: 'delivery channel', source: 'https://docs.aws.amazon.com/config/latest/developerguide/manage-delivery-channel.html' },
  { type: 'aws_guardduty_detector', scope: 'region', what: 'GuardDuty detector', source: 'https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateDetector.html' },
  { type: 'aws_securityhub_account', scope: 'region', what: 'Security Hub enablement', source: 'https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_EnableSecurityHub.html' },
  { type: 'aws_ec2_instance_metadata_defaults', scope: 'region', what: 'instance metadata defaults setting', source: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceMetadataDefaults.html' },
  { type: 'aws_ebs_encryption_by_default', scope: 'region', what: 'EBS encryption-by-default setting', source: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html' },
  { type: 'aws_iam_account_password_policy', scope: 'account', what: 'IAM password policy', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html' },
  { type: 'aws_s3_account_public_access_block', scope: 'account', what: 'S3 account-level Block Public Access', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html' },
];

/**
 * Account settings AWS keeps once per account (and Region): two Terraform resources for one slot
 * fail (Config: MaxNumberOfConfigurationRecordersExceededException) or overwrite each other on
 * every apply. Counted across all stacks by the account of the provider and its Region.
 */
export const onePerAccountRegion: ConstraintRule = {
  id: 'one-per-account-region',
  title: 'Config recorder and delivery channel, GuardDuty detector, Security Hub, account settings: once per account (and Region)',
  sources: SINGLETONS.map((s) => s.source),
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    for (const s of SINGLETONS) {
      const slots = new Map<string, FoundResource[]>();
      for (const r of find(ctx, s.type).filter(s.counts ?? (() => true))) {
        const key = `${accountOf(ctx, r)}|${s.scope === 'region' ? regionLabel(r) : ''}`;
        slots.set(key, [...(slots.get(key) ?? []), r]);
      }
      for (const [key, rs] of slots) {
        const [account, region] = key.split('|');
        if (rs.length === 1) continue;
        problems.push(
          `${rs.length} ${s.type} for ${accountLabel(ctx, account)}${region ? ` in ${region}` : ''} (${rs.map((r) => `${r.stack}: ${r.name}`).join(', ')}); AWS keeps one ${s.what} per account${region ? ' and Region' : ''} (${s.source})`,
        );
      }
      if (slots.size > 0 && [...slots.values()].every((rs) => rs.length === 1)) {
        const first = [...slots.values()][0][0];
        evidence.push(evidenceOf(first, `${slots.size} ${s.type}, one per account${s.scope === 'region' ? ' and Region' : ''}`));
      }
    }
    return verdict(evidence, problems);
  },
};

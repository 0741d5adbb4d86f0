import type { AccountConfig, GuardrailEntryConfig, LandingZoneConfig } from './schema';
import type { PolicyKind } from '../policies/kinds';

/*
 * Taking over an existing organization (organization.id is set) changes no behaviour of its existing accounts until
 * the config says so. The settings below are secure defaults on a new organization; on an adopted one each of them
 * cuts or refuses something that accounts which have run for years may do today (traffic through an internet
 * gateway, a public AMI, IMDSv1, a Region outside the list, an external partner's role, ...), so each is applied
 * only where the config turns it on explicitly. `lz check` lists the ones left off with what turning them on does,
 * and `lz review-plan` refuses a plan that changes one without that explicit word.
 *
 * What stays on by default on a takeover: the controls that protect only what the landing zone takes over
 * (deny-leave-organization, protect-security-services, deny-root-user, protect-log-archive, deny-all on Suspended)
 * and the baseline settings that change nothing for what already runs (password policy, EBS encryption of new
 * volumes, contacts, budgets, Config).
 */

export type BehaviourSettingId =
  | 'region-deny'
  | 'deny-iam-user-access-keys'
  | 'org-principals-only'
  | 'https-only'
  | 'vpc-block-public-access'
  | 'image-block-public-access'
  | 'snapshot-block-public-access'
  | 'imdsv2-required'
  | 'account-imds-defaults'
  | 'account-s3-public-access-block';

/** Baseline settings (config/schema/baseline.ts) that are behaviour settings of an account. */
export type BaselineBehaviourSetting = 'instanceMetadata' | 's3BlockPublicAccess';

/** Options of the ec2-block-public-access catalogue entry that are behaviour settings. */
export type Ec2BehaviourOption = 'vpcBlockPublicAccess' | 'imageBlockPublicAccess' | 'snapshotBlockPublicAccess' | 'imdsv2Required';

export interface BehaviourSetting {
  readonly id: BehaviourSettingId;
  /** What it is, e.g. `region deny (SCP region-deny)`. */
  readonly what: string;
  /** What turning it on does to accounts that already run workloads. */
  readonly effect: string;
  /** How to turn it on, as the config writes it. */
  readonly enable: string;
  /** Where it acts: organization-wide (a policy at Root by default) or in each existing account (the baseline). */
  readonly scope: 'organization' | 'account';
  /** A catalogue guardrail (listed explicitly to turn it on), with the option that carries the setting where it is one. */
  readonly guardrail?: { readonly kind: PolicyKind; readonly policy: string; readonly option?: Ec2BehaviourOption };
  /** A baseline setting (written at any layer of the baseline to turn it on in existing accounts). */
  readonly baseline?: BaselineBehaviourSetting;
  /** The AWS page that says what it does. */
  readonly source: string;
}

const EC2 = { kind: 'declarative', policy: 'ec2-block-public-access' } as const;

export const BEHAVIOUR_SETTINGS: readonly BehaviourSetting[] = [
  {
    id: 'region-deny',
    what: 'region deny (SCP region-deny)',
    effect: 'denies every request outside organization.governedRegions to every role but the exempt ones: workloads and automation in other Regions stop working',
    enable: 'guardrails.scp: [{ policy: region-deny }] (targets default to Root; a test OU first)',
    scope: 'organization',
    guardrail: { kind: 'scp', policy: 'region-deny' },
    source: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html',
  },
  {
    id: 'deny-iam-user-access-keys',
    what: 'no IAM user access keys (SCP deny-iam-user-access-keys)',
    effect: 'denies iam:CreateUser and iam:CreateAccessKey: automation that creates or rotates IAM user keys fails',
    enable: 'guardrails.scp: [{ policy: deny-iam-user-access-keys }]',
    scope: 'organization',
    guardrail: { kind: 'scp', policy: 'deny-iam-user-access-keys' },
    source: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
  },
  {
    id: 'org-principals-only',
    what: 'organization principals only (RCP org-principals-only)',
    effect: 'denies S3, STS, KMS, SQS and Secrets Manager access by principals outside the organization: partners\' and vendors\' cross-account roles and bucket access stop working',
    enable: 'guardrails.rcp: [{ policy: org-principals-only }]',
    scope: 'organization',
    guardrail: { kind: 'rcp', policy: 'org-principals-only' },
    source: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html',
  },
  {
    id: 'https-only',
    what: 'HTTPS only (RCP https-only)',
    effect: 'denies requests without TLS to S3, STS, KMS, SQS and Secrets Manager: plain-HTTP clients and S3 website endpoints (HTTP only) stop working',
    enable: 'guardrails.rcp: [{ policy: https-only }]',
    scope: 'organization',
    guardrail: { kind: 'rcp', policy: 'https-only' },
    source: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html',
  },
  {
    id: 'vpc-block-public-access',
    what: 'VPC Block Public Access (declarative policy ec2-block-public-access, vpcBlockPublicAccess)',
    effect: 'block_bidirectional cuts all traffic through internet gateways (and egress-only gateways) of every existing VPC that is not excluded; block_ingress cuts inbound internet traffic',
    enable: 'guardrails.declarative: [{ policy: ec2-block-public-access, options: { vpcBlockPublicAccess: block_ingress } }]',
    scope: 'organization',
    guardrail: { ...EC2, option: 'vpcBlockPublicAccess' },
    source: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html',
  },
  {
    id: 'image-block-public-access',
    what: 'AMI block public access (declarative policy ec2-block-public-access, imageBlockPublicAccess)',
    effect: 'no AMI can be made public any more (AMIs already public stay public)',
    enable: 'guardrails.declarative: [{ policy: ec2-block-public-access, options: { imageBlockPublicAccess: true } }]',
    scope: 'organization',
    guardrail: { ...EC2, option: 'imageBlockPublicAccess' },
    source: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html',
  },
  {
    id: 'snapshot-block-public-access',
    what: 'EBS snapshot block public access (declarative policy ec2-block-public-access, snapshotBlockPublicAccess)',
    effect: 'block_all_sharing makes every snapshot that is public today private; block_new_sharing only stops new public sharing',
    enable: 'guardrails.declarative: [{ policy: ec2-block-public-access, options: { snapshotBlockPublicAccess: block_new_sharing } }]',
    scope: 'organization',
    guardrail: { ...EC2, option: 'snapshotBlockPublicAccess' },
    source: 'https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html',
  },
  {
    id: 'imdsv2-required',
    what: 'IMDSv2 required (declarative policy ec2-block-public-access, imdsv2Required)',
    effect: 'new instances get instance metadata with session tokens only: software that still calls IMDSv1 on them fails',
    enable: 'guardrails.declarative: [{ policy: ec2-block-public-access, options: { imdsv2Required: true } }]',
    scope: 'organization',
    guardrail: { ...EC2, option: 'imdsv2Required' },
    source: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html',
  },
  {
    id: 'account-imds-defaults',
    what: 'account instance metadata defaults (baseline.instanceMetadata)',
    effect: 'sets each existing account\'s IMDS defaults for new instances (IMDSv2 only, hop limit 2 by default): launches that rely on IMDSv1 fail',
    enable: 'baseline.instanceMetadata: { httpTokens: required } (or per OU / account)',
    scope: 'account',
    baseline: 'instanceMetadata',
    source: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceMetadataDefaults.html',
  },
  {
    id: 'account-s3-public-access-block',
    what: 'S3 account public access block (baseline.s3BlockPublicAccess)',
    effect: 'blocks and ignores public ACLs and bucket policies in each existing account: public buckets (static websites, public downloads) stop being public',
    enable: 'baseline.s3BlockPublicAccess: true (or per OU / account)',
    scope: 'account',
    baseline: 's3BlockPublicAccess',
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  },
];

const BY_ID = new Map(BEHAVIOUR_SETTINGS.map((s) => [s.id, s]));

/** The setting with this id. */
export function behaviourSetting(id: BehaviourSettingId): BehaviourSetting {
  return BY_ID.get(id)!;
}

/** The organization existed before the landing zone (organization.id): takeover rules apply. */
export function adoptedOrganization(config: LandingZoneConfig): boolean {
  return config.organization.id !== undefined;
}

/**
 * The account existed before the landing zone took over: on an adopted organization, the management account and
 * every member account with an id. (On a new organization nothing runs yet that a setting could break.)
 */
export function existingAccountOnTakeover(config: LandingZoneConfig, account: Pick<AccountConfig, 'id'> | 'management'): boolean {
  if (!adoptedOrganization(config)) return false;
  return account === 'management' || account.id !== undefined;
}

/** The config's entries of a catalogue guardrail (any state), in its section. */
function catalogueEntries(config: LandingZoneConfig, kind: PolicyKind, policy: string): GuardrailEntryConfig[] {
  return config.guardrails[kind].filter((e) => e.policy === policy);
}

/**
 * Whether the config names an organization-wide setting itself (rather than leaving it to the built-in default):
 * a catalogue guardrail listed in its section (switched on or off), or an ec2-block-public-access option written.
 */
export function explicitlySet(config: LandingZoneConfig, setting: BehaviourSetting): boolean {
  const g = setting.guardrail;
  if (!g) return false;
  const entries = catalogueEntries(config, g.kind, g.policy);
  if (!g.option) return entries.length > 0;
  return entries.some((e) => e.options?.[g.option!] !== undefined);
}

/** The organization-wide settings a takeover leaves to the config: their built-in default does not apply. */
export function takeoverDefers(config: LandingZoneConfig, setting: BehaviourSetting): boolean {
  return setting.scope === 'organization' && adoptedOrganization(config) && !explicitlySet(config, setting);
}

/** The catalogue guardrails whose default entry a takeover leaves out (listing the entry turns it on). */
export function deferredDefaultGuardrails(config: LandingZoneConfig): Set<string> {
  if (!adoptedOrganization(config)) return new Set();
  return new Set(BEHAVIOUR_SETTINGS.filter((s) => s.guardrail && !s.guardrail.option).map((s) => s.guardrail!.policy).concat(EC2.policy));
}

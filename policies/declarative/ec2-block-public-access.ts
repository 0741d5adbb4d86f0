import { assign, type Assign } from '../management-document';

export interface Ec2BlockPublicAccessOptions {
  /** VPC Block Public Access for internet gateways. */
  readonly vpcBlockPublicAccess: 'block_bidirectional' | 'block_ingress' | 'off';
  /** Whether account admins may exclude VPCs or subnets from VPC BPA. */
  readonly vpcExclusionsAllowed: boolean;
  /** Block public sharing of AMIs. */
  readonly imageBlockPublicAccess: boolean;
  /** EBS snapshot Block Public Access. */
  readonly snapshotBlockPublicAccess: 'block_all_sharing' | 'block_new_sharing' | 'unblocked';
  /**
   * Require IMDSv2 (session tokens) for new instances. When false the policy leaves the instance metadata
   * defaults out entirely, so each account's baseline (`baseline.instanceMetadata`) owns them: a declared
   * attribute cannot be changed by the account, so there is one owner per setting.
   */
  readonly imdsv2Required: boolean;
}

export const EC2_BLOCK_PUBLIC_ACCESS_DEFAULTS: Ec2BlockPublicAccessOptions = {
  vpcBlockPublicAccess: 'block_bidirectional',
  vpcExclusionsAllowed: true,
  imageBlockPublicAccess: true,
  snapshotBlockPublicAccess: 'block_all_sharing',
  imdsv2Required: true,
};

/** `DECLARATIVE_POLICY_EC2` content. */
export interface Ec2DeclarativeDocument {
  readonly ec2_attributes: {
    readonly exception_message?: Assign<string>;
    readonly vpc_block_public_access?: {
      readonly internet_gateway_block: { readonly mode: Assign<string>; readonly exclusions_allowed: Assign<'enabled' | 'disabled'> };
    };
    readonly image_block_public_access?: { readonly state: Assign<'block_new_sharing' | 'unblocked'> };
    readonly snapshot_block_public_access?: { readonly state: Assign<string> };
    readonly instance_metadata_defaults?: { readonly http_tokens: Assign<'required'> };
  };
}

/**
 * Declares EC2 settings that account admins cannot change (seed 004, declarative policies): VPC Block
 * Public Access on internet gateways, no public sharing of AMIs and EBS snapshots, and IMDSv2 required
 * for new instances. Unlike an SCP it also holds for APIs added later, and it does not count
 * against the SCP quota.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative_syntax.html
 */
export function ec2BlockPublicAccess(options: Partial<Ec2BlockPublicAccessOptions> = {}, { onlyGiven = false }: { onlyGiven?: boolean } = {}): Ec2DeclarativeDocument {
  const given = stripUndefined(options);
  const o = { ...EC2_BLOCK_PUBLIC_ACCESS_DEFAULTS, ...given };
  // On a takeover (onlyGiven) an attribute is declared only where its option is written: the others stay as each
  // account has them (config/takeover.ts).
  const declares = (option: keyof Ec2BlockPublicAccessOptions) => !onlyGiven || given[option] !== undefined;
  return {
    ec2_attributes: {
      exception_message: assign('Blocked by the landing zone (ec2-block-public-access declarative policy); ask the platform team.'),
      ...(declares('vpcBlockPublicAccess')
        ? {
            vpc_block_public_access: {
              internet_gateway_block: {
                mode: assign(o.vpcBlockPublicAccess),
                exclusions_allowed: assign(o.vpcExclusionsAllowed ? ('enabled' as const) : ('disabled' as const)),
              },
            },
          }
        : {}),
      ...(declares('imageBlockPublicAccess') ? { image_block_public_access: { state: assign(o.imageBlockPublicAccess ? ('block_new_sharing' as const) : ('unblocked' as const)) } } : {}),
      ...(declares('snapshotBlockPublicAccess') ? { snapshot_block_public_access: { state: assign(o.snapshotBlockPublicAccess) } } : {}),
      ...(declares('imdsv2Required') && o.imdsv2Required ? { instance_metadata_defaults: { http_tokens: assign('required' as const) } } : {}),
    },
  };
}

/** Whether the document declares any EC2 attribute (a takeover may leave every one to the accounts). */
export function declaresAnyEc2Attribute(document: Ec2DeclarativeDocument): boolean {
  return Object.keys(document.ec2_attributes).some((k) => k !== 'exception_message');
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

import type { LandingZoneConfig } from '../../config/schema';
import { ROOT_TARGET } from '../../config/schema';
import { effectiveOu } from '../../config/model';
import { effectiveGuardrails } from '../effective';
import { CATALOGUE, guardrailContext } from '../catalogue';

/**
 * EC2 account attributes a declarative policy (`DECLARATIVE_POLICY_EC2`) can declare, by their key under
 * `ec2_attributes`. Where an account's effective declarative policy declares one, the account cannot
 * change it ("Account administrators will not be able to modify the value of the service attribute at
 * the individual account level"; for IMDS, `managedBy: declarative-policy`), so the account baseline must
 * leave it alone there.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative_syntax.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceMetadataDefaultsResponse.html
 */
export type Ec2DeclarativeAttribute =
  | 'vpc_block_public_access'
  | 'image_block_public_access'
  | 'snapshot_block_public_access'
  | 'instance_metadata_defaults'
  | 'serial_console_access'
  | 'allowed_images_settings'
  | (string & {});

/** Keys under `ec2_attributes` that are not attributes. */
const NOT_ATTRIBUTES = new Set(['exception_message']);

/** One enabled declarative policy: where it is attached and which EC2 attributes it declares. */
interface DeclaredAttributes {
  /** Policy name in Organizations. */
  readonly name: string;
  readonly targets: ReadonlySet<string>;
  readonly attributes: readonly string[];
}

const cache = new WeakMap<LandingZoneConfig, readonly DeclaredAttributes[]>();
const accountsByName = new WeakMap<LandingZoneConfig, Map<string, LandingZoneConfig['accounts'][number]>>();

/**
 * The EC2 attributes each enabled declarative policy of the config declares, and those the existing declarative
 * policies of the organization declare (guardrails.existing, as lz import read them), computed once per config.
 */
function declarativePolicies(config: LandingZoneConfig): readonly DeclaredAttributes[] {
  let found = cache.get(config);
  if (!found) {
    const context = guardrailContext(config);
    const adopted = new Set(effectiveGuardrails(config).flatMap((g) => (g.adoptId ? [g.adoptId] : [])));
    found = [
      ...effectiveGuardrails(config)
        .filter((g) => g.kind === 'declarative')
        .map((g) => {
          const document = (g.document ?? (g.policy ? CATALOGUE[g.policy]?.render(context, g.options) : undefined) ?? {}) as { ec2_attributes?: unknown };
          const declared = document.ec2_attributes;
          const attributes = declared !== null && typeof declared === 'object' && !Array.isArray(declared) ? Object.keys(declared).filter((key) => !NOT_ATTRIBUTES.has(key)) : [];
          return { name: g.name, targets: new Set(g.targets), attributes };
        }),
      // Declarative policies that exist outside the landing zone (guardrails.existing) bind the accounts they reach too.
      ...config.guardrails.existing
        .filter((p) => p.type === 'DECLARATIVE_POLICY_EC2' && !adopted.has(p.id))
        .map((p) => ({ name: p.name, targets: new Set(p.targets), attributes: [...(p.ec2Attributes ?? [])] })),
    ].filter((p) => p.attributes.length > 0);
    cache.set(config, found);
  }
  return found;
}

/** `Workloads`, `Workloads/Prod`, `Workloads/Prod/Regulated` for `Workloads/Prod/Regulated`. */
function ouChain(ou: string): string[] {
  const parts = ou.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * The EC2 attributes that the effective declarative policies declare for one account: those of every
 * enabled declarative policy attached to the organization root, to an OU on the path to the account's OU
 * (a policy on an OU covers every account below it) or to the account itself. `accountName` undefined is
 * the management account: a declarative policy on the root covers it too (unlike an SCP).
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_inheritance_mgmt.html
 */
export function declaredEc2Attributes(config: LandingZoneConfig, accountName?: string): ReadonlySet<Ec2DeclarativeAttribute> {
  const targets = [ROOT_TARGET];
  if (accountName !== undefined) {
    let byName = accountsByName.get(config);
    if (!byName) {
      byName = new Map(config.accounts.map((a) => [a.name, a]));
      accountsByName.set(config, byName);
    }
    const account = byName.get(accountName);
    if (!account) throw new Error(`no account named "${accountName}" in the config`);
    targets.push(...ouChain(effectiveOu(account)), account.name);
  }
  const declared = new Set<string>();
  for (const policy of declarativePolicies(config)) {
    if (targets.some((t) => policy.targets.has(t))) for (const a of policy.attributes) declared.add(a);
  }
  return declared;
}

/**
 * Names of the enabled declarative policies that declare `attribute` and reach an entity whose own
 * target and ancestors are `targets` (Root, then OU paths from the top, then the account name).
 */
export function ec2AttributeOwners(config: LandingZoneConfig, targets: readonly string[], attribute: Ec2DeclarativeAttribute): string[] {
  return declarativePolicies(config)
    .filter((p) => p.attributes.includes(attribute) && targets.some((t) => p.targets.has(t)))
    .map((p) => p.name);
}

/** Root and every OU from the top down to `ou`: the targets whose declarative policies reach an account in `ou`. */
export function targetsAbove(ou: string): string[] {
  return [ROOT_TARGET, ...ouChain(ou)];
}

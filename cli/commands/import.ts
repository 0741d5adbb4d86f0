import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  type ListAccountsForParentCommandOutput,
  ListAWSServiceAccessForOrganizationCommand,
  type ListAWSServiceAccessForOrganizationCommandOutput,
  ListOrganizationalUnitsForParentCommand,
  type ListOrganizationalUnitsForParentCommandOutput,
  ListPoliciesCommand,
  type ListPoliciesCommandOutput,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  type ListTargetsForPolicyCommandOutput,
  type OrganizationsClient,
  type PolicyType,
} from '@aws-sdk/client-organizations';
import { Document } from 'yaml';
import { parseConfig } from '../../config/load';
import { ConfigError } from '../../config/problems';
import { SUSPENDED_OU } from '../../config/model';
import { AWS_REGIONS, regionError } from '../../config/regions';
import { serviceAccessPrincipals } from '../../stacks/management/service-access';
import { CliError, explainOrganizationsError, organizationsClient, runAction } from '../aws/organizations';

/** One account of an existing organization. */
export interface ExistingAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** OU path, or '' for an account directly under the root. */
  readonly ouPath: string;
  /** ACTIVE, SUSPENDED (closed, within 90 days) or PENDING_CLOSURE. */
  readonly status: string;
}

/** An organization policy and where it is attached (OU paths, account ids or Root). */
export interface ExistingPolicy {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly awsManaged: boolean;
  readonly targets: readonly string[];
}

/** What `lz import` reads from AWS Organizations. */
export interface ExistingOrganization {
  readonly id: string;
  readonly managementAccountId: string;
  readonly rootId: string;
  /**
   * OU path → OU id, parents before children. Paths are made of config OU names (ouConfigName);
   * `awsName` is the name in AWS when it had to be changed to fit a path.
   */
  readonly organizationalUnits: ReadonlyArray<{ readonly path: string; readonly id: string; readonly awsName?: string }>;
  readonly accounts: readonly ExistingAccount[];
  readonly policies: readonly ExistingPolicy[];
  /**
   * Service principals with trusted access enabled (ListAWSServiceAccessForOrganization).
   * @default - none read
   */
  readonly serviceAccessPrincipals?: readonly string[];
}

async function pages<T>(fetch: (token?: string) => Promise<{ items?: T[]; next?: string }>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    all.push(...(page.items ?? []));
    token = page.next;
  } while (token);
  return all;
}

/** client.send, always as a promise (mocks may answer synchronously). */
async function send<O>(client: OrganizationsClient, command: unknown): Promise<O> {
  return (await client.send(command as never)) as O;
}

const POLICY_TYPES: readonly PolicyType[] = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY', 'DECLARATIVE_POLICY_EC2', 'TAG_POLICY', 'AISERVICES_OPT_OUT_POLICY', 'BACKUP_POLICY'];

/**
 * Reads an existing organization: DescribeOrganization, ListRoots, the OU tree (recursively),
 * the accounts of every parent and, unless `withPolicies` is false, the policies with their targets.
 * Policy types that are not enabled are skipped.
 */
export async function readOrganization(client: OrganizationsClient, withPolicies = true): Promise<ExistingOrganization> {
  try {
    const org = (await client.send(new DescribeOrganizationCommand({}))).Organization;
    if (!org?.Id || !org.MasterAccountId) throw new CliError('AWS returned no organization id; run with the management account\'s credentials.');
    if (org.FeatureSet && org.FeatureSet !== 'ALL') {
      throw new CliError(`organization ${org.Id} has only consolidated billing features; enable all features first (Organizations console > Settings), the landing zone needs them.`);
    }
    const roots = (await client.send(new ListRootsCommand({}))).Roots ?? [];
    const rootId = roots[0]?.Id;
    if (!rootId) throw new CliError('the organization has no root visible to these credentials.');

    const ous: Array<{ path: string; id: string; awsName?: string }> = [];
    const accounts: ExistingAccount[] = [];
    const pathOf = new Map<string, string>([[rootId, 'Root']]);
    const visit = async (parentId: string, parentPath: string) => {
      const children = await pages((NextToken) =>
        send<ListOrganizationalUnitsForParentCommandOutput>(client, new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, NextToken })).then((r) => ({ items: r.OrganizationalUnits, next: r.NextToken })),
      );
      const members = await pages((NextToken) =>
        send<ListAccountsForParentCommandOutput>(client, new ListAccountsForParentCommand({ ParentId: parentId, NextToken })).then((r) => ({ items: r.Accounts, next: r.NextToken })),
      );
      for (const a of members) {
        if (!a.Id) continue;
        accounts.push({ id: a.Id, name: a.Name ?? a.Id, email: a.Email ?? '', ouPath: parentPath, status: a.State ?? a.Status ?? 'ACTIVE' });
      }
      const taken = new Set<string>();
      for (const ou of [...children].sort((x, y) => (x.Name ?? '').localeCompare(y.Name ?? ''))) {
        if (!ou.Id || !ou.Name) continue;
        let name = ouConfigName(ou.Name);
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${ouConfigName(ou.Name).slice(0, 120)}-${n}`;
        taken.add(name.toLowerCase());
        const path = parentPath ? `${parentPath}/${name}` : name;
        ous.push({ path, id: ou.Id, ...(name !== ou.Name ? { awsName: ou.Name } : {}) });
        pathOf.set(ou.Id, path);
        await visit(ou.Id, path);
      }
    };
    await visit(rootId, '');

    const policies: ExistingPolicy[] = [];
    const enabledTypes = new Set((roots[0].PolicyTypes ?? []).filter((t) => t.Status === 'ENABLED').map((t) => t.Type));
    if (withPolicies) {
      for (const type of POLICY_TYPES.filter((t) => enabledTypes.has(t))) {
        const list = await pages((NextToken) => send<ListPoliciesCommandOutput>(client, new ListPoliciesCommand({ Filter: type, NextToken })).then((r) => ({ items: r.Policies, next: r.NextToken })));
        for (const p of list) {
          if (!p.Id) continue;
          const targets = await pages((NextToken) =>
            send<ListTargetsForPolicyCommandOutput>(client, new ListTargetsForPolicyCommand({ PolicyId: p.Id, NextToken })).then((r) => ({ items: r.Targets, next: r.NextToken })),
          );
          policies.push({
            id: p.Id,
            name: p.Name ?? p.Id,
            type,
            awsManaged: p.AwsManaged ?? false,
            targets: targets.map((t) => (t.Type === 'ACCOUNT' ? `account ${t.Name ?? ''} ${t.TargetId}`.replace('  ', ' ') : pathOf.get(t.TargetId ?? '') ?? t.TargetId ?? '?')),
          });
        }
      }
    }
    // The management stack's trusted-access list is authoritative: what is enabled now must be known, or the
    // first apply switches it off (Control Tower, Backup, ... enabled out of band).
    const serviceAccess = await pages((NextToken) =>
      send<ListAWSServiceAccessForOrganizationCommandOutput | undefined>(client, new ListAWSServiceAccessForOrganizationCommand({ NextToken })).then((r) => ({
        items: r?.EnabledServicePrincipals,
        next: r?.NextToken,
      })),
    );
    const serviceAccessPrincipals = serviceAccess.map((p) => p.ServicePrincipal).filter((p): p is string => Boolean(p));
    return { id: org.Id, managementAccountId: org.MasterAccountId, rootId, organizationalUnits: ous, accounts, policies, serviceAccessPrincipals };
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw explainOrganizationsError(e, 'reading the organization');
  }
}

/** An account name the config accepts: lowercase letters, digits and hyphens, 2-40 long. */
export function configName(name: string): string {
  let n = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  if (n.length > 40) n = n.slice(0, 40).replace(/-+$/, '');
  if (n.length < 2) n = `account-${n}`.replace(/-+$/, '');
  return n;
}

/**
 * An OU name a config path can hold. AWS allows any 1-128 characters in an OU name
 * (CreateOrganizationalUnit), the config every one but "/" (the path separator), control characters
 * and leading or trailing spaces; "Root" names the organization root. Anything else is kept as is:
 * spaces, "&", parentheses, non-Latin letters.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateOrganizationalUnit.html
 */
export function ouConfigName(name: string): string {
  let n = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\//g, '-')
    .trim()
    .slice(0, 128)
    .trim();
  if (n === '') n = 'OU';
  if (n.toLowerCase() === 'root') n = `${n}-OU`;
  return n;
}

/** Config OU name for the existing top-level Suspended OU when active accounts live in it. */
export const SUSPENDED_WITH_ACTIVE = 'Suspended-active';

/** `path` with its first segment `from` replaced by `to`. */
function renameTop(path: string, from: string, to: string): string {
  return path === from ? to : path.startsWith(`${from}/`) ? `${to}${path.slice(from.length)}` : path;
}

/** Longest organization.name taken from the management account's name (physical names must stay within AWS limits). */
const MAX_DERIVED_ORG_NAME = 20;

export interface ImportOptions {
  /** Name (in AWS or in the config) of the log-archive account. @default - the account whose name contains "log" */
  readonly logArchive?: string;
  /** Name of the security account. @default - the account whose name contains "security" or "audit" */
  readonly security?: string;
  /** organization.name. @default - from the management account's name */
  readonly name?: string;
  readonly homeRegion: string;
  readonly governedRegions: readonly string[];
  /** S3 state bucket. @default - local state */
  readonly stateBucket?: string;
}

function pickRole(accounts: ReadonlyArray<ExistingAccount & { configName: string }>, wanted: string | undefined, guess: RegExp, role: string, flag: string): string {
  if (wanted) {
    const found = accounts.find((a) => a.name === wanted || a.configName === wanted || a.id === wanted);
    if (!found) throw new CliError(`${flag} ${JSON.stringify(wanted)} is not an account of the organization; have ${accounts.map((a) => a.name).join(', ')}`);
    return found.id;
  }
  const guesses = accounts.filter((a) => guess.test(a.name));
  if (guesses.length !== 1) {
    throw new CliError(
      `cannot tell which account is the ${role} account (${guesses.length === 0 ? 'no account name matches' : `several match: ${guesses.map((a) => a.name).join(', ')}`}); name it with ${flag} <account name>`,
    );
  }
  return guesses[0].id;
}

/**
 * The landing-zone.yaml text for an existing organization: organization.id and ouIds so that the
 * first plan imports the organization and OUs, every active member account with its id (imported,
 * never created) and a role, and the existing policies as comments. The text is checked with the
 * config loader before it is returned.
 */
export function organizationToYaml(org: ExistingOrganization, options: ImportOptions): string {
  const management = org.accounts.find((a) => a.id === org.managementAccountId);
  const active = org.accounts
    .filter((a) => a.id !== org.managementAccountId && a.status === 'ACTIVE')
    .map((a) => ({ ...a, configName: configName(a.name) }));
  const seen = new Map<string, number>();
  for (const a of active) {
    const n = (seen.get(a.configName) ?? 0) + 1;
    seen.set(a.configName, n);
    if (n > 1) a.configName = `${a.configName.slice(0, 36)}-${n}`;
  }
  const logId = pickRole(active, options.logArchive, /log/i, 'log-archive', '--log-archive');
  const securityId = pickRole(active, options.security, /secur|audit/i, 'security', '--security');
  if (logId === securityId) throw new CliError('the log-archive and the security account must be two different accounts; name them with --log-archive and --security');
  const rooted = active.filter((a) => a.ouPath === '');

  // The landing zone keeps a top-level "Suspended" OU for state: suspended accounts under deny-all.
  // An existing one that holds active accounts is adopted under another config name, so those
  // accounts stay active and nothing is denied to them.
  const suspendedActive = active.filter((a) => a.ouPath === SUSPENDED_OU);
  const ouRename = (path: string) => (suspendedActive.length > 0 ? renameTop(path, SUSPENDED_OU, SUSPENDED_WITH_ACTIVE) : path);
  const ous = org.organizationalUnits.map((o) => ({ ...o, path: ouRename(o.path) }));
  const ouPaths = ous.map((o) => o.path);
  const derivedName = configName(management?.name ?? 'landing-zone').slice(0, MAX_DERIVED_ORG_NAME).replace(/-+$/, '');

  const config: Record<string, unknown> = {
    organization: {
      name: options.name ?? derivedName,
      managementAccountId: org.managementAccountId,
      id: org.id,
      homeRegion: options.homeRegion,
      governedRegions: [...options.governedRegions],
      ...(ous.length > 0 ? { ouIds: Object.fromEntries(ous.map((o) => [o.path, o.id])) } : {}),
    },
    state: options.stateBucket ? { backend: 's3', bucket: options.stateBucket, region: options.homeRegion } : { backend: 'local' },
    organizationalUnits: [...ouPaths],
    accounts: active.map((a) => ({
      name: a.configName,
      email: a.email,
      ou: a.ouPath ? ouRename(a.ouPath) : 'Imported',
      ...(a.id === logId ? { role: 'log-archive' } : a.id === securityId ? { role: 'security' } : {}),
      id: a.id,
    })),
  };
  if (rooted.length > 0 && !ouPaths.includes('Imported')) (config.organizationalUnits as string[]).push('Imported');

  // Trusted access the organization has and the landing zone would not enable itself: kept, or the first apply
  // of the management stack switches it off.
  const kept = principalsToKeep(org, config);
  if (kept.length > 0) (config.organization as Record<string, unknown>).additionalServiceAccessPrincipals = kept;

  const doc = new Document(config);
  const notes = [
    `Written by lz import from organization ${org.id} (management account ${org.managementAccountId}).`,
    'Ids make the first plan import the organization, OUs and accounts instead of creating them;',
    'review the plan: it must show imports and in-place changes only. See docs/operations.md.',
  ];
  if (kept.length > 0) notes.push(`Trusted access enabled outside the landing zone is kept (organization.additionalServiceAccessPrincipals): ${kept.join(', ')}; remove what you no longer use.`);
  if (rooted.length > 0) notes.push(`Accounts directly under the root (${rooted.map((a) => a.name).join(', ')}) are placed in a new OU "Imported": move them where they belong.`);
  const renamed = ous.filter((o) => o.awsName !== undefined);
  if (renamed.length > 0) {
    notes.push(
      `OU names a config path cannot hold as written (a "/", leading or trailing spaces, "Root") were mapped: ${renamed.map((o) => `${JSON.stringify(o.awsName)} → ${JSON.stringify(o.path.split('/').pop())}`).join(', ')}; the first apply renames them in AWS (same OU id, policies and accounts). Rename them here to keep another name.`,
    );
  }
  if (suspendedActive.length > 0) {
    notes.push(
      `The existing OU "${SUSPENDED_OU}" holds active accounts (${suspendedActive.map((a) => a.name).join(', ')}). This landing zone reserves "${SUSPENDED_OU}" for accounts with state: suspended under a deny-all SCP, so the OU is adopted as "${SUSPENDED_WITH_ACTIVE}" (the first apply renames it; its id, policies and accounts stay) and the accounts stay active. To park them instead, give them state: suspended.`,
    );
  }
  if (!options.name && derivedName !== configName(management?.name ?? 'landing-zone')) {
    notes.push(`organization.name was shortened to ${JSON.stringify(derivedName)} so that physical names (buckets, keys) stay within AWS limits; pass --name to choose another.`);
  }
  const closed = org.accounts.filter((a) => a.status !== 'ACTIVE');
  if (closed.length > 0) notes.push(`Left out, not active: ${closed.map((a) => `${a.name} ${a.id} (${a.status})`).join(', ')}.`);
  doc.commentBefore = notes.map((n) => ` ${n}`).join('\n');
  let text = doc.toString({ lineWidth: 0 });
  const custom = org.policies.filter((p) => !p.awsManaged);
  if (custom.length > 0) {
    text += [
      '',
      '# Existing organization policies (not managed by this file yet). Compare them with the guardrail',
      '# catalogue (docs/guardrails.md); move what you keep to guardrails.*, then detach and delete the rest.',
      ...custom.map((p) => `#   ${p.type} ${p.name} (${p.id}) attached to: ${p.targets.join(', ') || 'nothing'}`),
      '',
    ].join('\n');
  }
  return text;
}

/**
 * What the config loader says about an imported config, or undefined when it loads. An
 * organization that does not fit the config everywhere still gets its file: the person edits it.
 */
export function importedConfigProblems(text: string, file: string): string | undefined {
  try {
    parseConfig(text, file);
    return undefined;
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
}

/**
 * The organization's trusted-access principals that the config would not enable itself. A config that does
 * not load yet keeps none here; the final check of organizationToYaml reports its problems.
 */
function principalsToKeep(org: ExistingOrganization, config: Record<string, unknown>): string[] {
  let own: Set<string>;
  try {
    own = new Set(serviceAccessPrincipals(parseConfig(new Document(config).toString({ lineWidth: 0 }), 'landing-zone.yaml')));
  } catch (e) {
    if (e instanceof ConfigError) return [];
    throw e;
  }
  return [...new Set(org.serviceAccessPrincipals ?? [])].filter((p) => !own.has(p)).sort();
}

/** `lz import [--output file] [--log-archive NAME] [--security NAME] ...` */
export function register(program: Command): void {
  program
    .command('import')
    .description('Adopt an existing organization: read OUs, accounts and policies with the AWS SDK and write a landing-zone.yaml with their ids.')
    .option('-o, --output <file>', 'file to write (- for standard output)', 'landing-zone.yaml')
    .option('--log-archive <name>', 'the existing account to use as the log-archive account (default: the one whose name contains "log")')
    .option('--security <name>', 'the existing account to use as the security account (default: the one whose name contains "security" or "audit")')
    .option('--name <name>', 'organization.name for physical names (default: from the management account name)')
    .option('--home-region <region>', 'organization.homeRegion', process.env.AWS_REGION ?? 'us-east-1')
    .option('--regions <list>', 'organization.governedRegions, comma separated (default: the home region)')
    .option('--state-bucket <bucket>', 'use S3 state in this bucket (default: local state)')
    .option('--no-policies', 'do not list existing organization policies')
    .option('--force', 'overwrite the output file')
    .addHelpText(
      'after',
      '\nRun with the management account\'s credentials (organizations:Describe*/List* permissions).\nThen: lz validate, npm run synth, and a plan that shows imports only (docs/operations.md, "Adopt an existing organization").',
    )
    .action(
      runAction(
        async (opts: { output: string; logArchive?: string; security?: string; name?: string; homeRegion: string; regions?: string; stateBucket?: string; policies: boolean; force?: boolean }) => {
          if (opts.output !== '-' && existsSync(opts.output) && !opts.force) {
            throw new CliError(`${opts.output} exists; pass --force to overwrite it or --output another file.`);
          }
          const regionsGiven = [opts.homeRegion, ...(opts.regions ?? '').split(',').map((r) => r.trim()).filter(Boolean)];
          for (const region of regionsGiven) {
            if (!(AWS_REGIONS as readonly string[]).includes(region)) throw new CliError(`--home-region / --regions: ${JSON.stringify(region)} ${regionError(region)}.`);
          }
          const org = await readOrganization(organizationsClient(), opts.policies);
          const regions = opts.regions ? opts.regions.split(',').map((r) => r.trim()).filter(Boolean) : [opts.homeRegion];
          const text = organizationToYaml(org, {
            logArchive: opts.logArchive,
            security: opts.security,
            name: opts.name,
            homeRegion: opts.homeRegion,
            governedRegions: regions.includes(opts.homeRegion) ? regions : [opts.homeRegion, ...regions],
            stateBucket: opts.stateBucket,
          });
          if (opts.output === '-') {
            process.stdout.write(text);
            return;
          }
          try {
            writeFileSync(opts.output, text);
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code ?? String(e);
            throw new CliError(
              `cannot write ${opts.output} (${code}${code === 'ENOENT' ? ': its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? ': no permission' : code === 'EISDIR' ? ': it is a folder' : ''}). Nothing was written; run again with --output <a writable file>, or --output - to print the config and redirect it yourself.`,
            );
          }
          const n = org.accounts.filter((a) => a.id !== org.managementAccountId && a.status === 'ACTIVE').length;
          console.log(`Wrote ${opts.output}: organization ${org.id}, ${org.organizationalUnits.length} OUs, ${n} member accounts with ids.`);
          const problems = importedConfigProblems(text, opts.output);
          if (problems) {
            console.error(`${problems}\nThe organization does not fit the config everywhere yet: edit ${opts.output} where listed above, then run lz validate ${opts.output}.`);
            process.exitCode = 1;
          } else console.log(`Next: lz validate ${opts.output}, then npm run synth and a plan that shows imports only.`);
        },
      ),
    );
}

import type { Command } from 'commander';
import { configFileOf, CONFIG_OPTION, loadConfigOrFail } from '../lib/config';
import { readSynthOutput, synthesizeToMemory, type SynthOutput } from '../lib/synth-output';
import { resourcesOf } from '../../lib/stack-json';
import { dependencyWaves } from '../lib/waves';
import { runAction } from '../lib/run-action';

const POLICY_LABEL: Record<string, string> = {
  SERVICE_CONTROL_POLICY: 'SCP',
  RESOURCE_CONTROL_POLICY: 'RCP',
  DECLARATIVE_POLICY_EC2: 'Declarative',
  TAG_POLICY: 'Tag policy',
  BACKUP_POLICY: 'Backup policy',
  AISERVICES_OPT_OUT_POLICY: 'AI opt-out',
  CHATBOT_POLICY: 'Chatbot policy',
};

/** Mermaid node id: letters, digits and underscores only. */
export function nodeId(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** A Mermaid label in double quotes, with quotes escaped. */
function label(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}

/** `${aws_organizations_organizational_unit.OU-X_123.id}` → `aws_organizations_organizational_unit.OU-X_123`. */
function refOf(value: unknown): string | undefined {
  const m = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)(?:\.[a-z_]+|\.roots\[0\]\.id)\}$/.exec(String(value ?? ''));
  return m?.[1];
}

/**
 * The organization as a Mermaid flowchart, read from the synthesized management stack: Root, OUs
 * (by parent), accounts (by OU; adopted ones show their id), and every organization policy with a
 * dotted edge to each target it is attached to.
 */
export function organizationDiagram(output: SynthOutput): string {
  const m = output.stacks.management;
  const lines = ['flowchart TD', `  root[${label('Root')}]`];
  if (!m) return lines.join('\n');
  const nodeOf = new Map<string, string>(); // Terraform address or literal id -> node id
  const orgs = resourcesOf(m, 'aws_organizations_organization');
  for (const [name] of orgs) nodeOf.set(`aws_organizations_organization.${name}`, 'root');
  const imports = new Map((m.import ?? []).map((i) => [i.to, i.id]));

  for (const [name] of resourcesOf(m, 'aws_organizations_organizational_unit')) {
    nodeOf.set(`aws_organizations_organizational_unit.${name}`, nodeId('ou', name));
  }
  for (const [name, ou] of resourcesOf(m, 'aws_organizations_organizational_unit')) {
    const id = nodeId('ou', name);
    lines.push(`  ${id}[${label(`OU ${ou.name}`)}]`);
    lines.push(`  ${nodeOf.get(refOf(ou.parent_id) ?? '') ?? 'root'} --> ${id}`);
  }
  for (const [name, account] of resourcesOf(m, 'aws_organizations_account')) {
    const id = nodeId('acct', name);
    const addr = `aws_organizations_account.${name}`;
    nodeOf.set(addr, id);
    const known = imports.get(addr);
    if (known) nodeOf.set(known, id);
    lines.push(`  ${id}([${label(`${account.name}${known ? ` ${known}` : ''}`)}])`);
    lines.push(`  ${nodeOf.get(refOf(account.parent_id) ?? '') ?? 'root'} --> ${id}`);
  }
  const attachments = resourcesOf(m, 'aws_organizations_policy_attachment');
  for (const [name, policy] of resourcesOf(m, 'aws_organizations_policy')) {
    const id = nodeId('pol', name);
    lines.push(`  ${id}{{${label(`${POLICY_LABEL[policy.type] ?? policy.type}: ${policy.name}`)}}}`);
    for (const [, a] of attachments.filter(([, a]) => refOf(a.policy_id) === `aws_organizations_policy.${name}`)) {
      const target = nodeOf.get(refOf(a.target_id) ?? String(a.target_id));
      if (target) lines.push(`  ${id} -.-> ${target}`);
    }
  }
  lines.push('  classDef policy fill:#fff4e5,stroke:#d9822b;');
  const policyIds = resourcesOf(m, 'aws_organizations_policy').map(([name]) => nodeId('pol', name));
  if (policyIds.length > 0) lines.push(`  class ${policyIds.join(',')} policy;`);
  return lines.join('\n');
}

/** The stacks as a Mermaid flowchart: one subgraph per dependency wave, an edge per dependency. */
export function stackOrderDiagram(output: SynthOutput): string {
  const waves = dependencyWaves(output.manifest);
  const lines = ['flowchart LR'];
  waves.forEach((wave, i) => {
    lines.push(`  subgraph wave${i}[${label(`wave ${i}`)}]`);
    for (const id of wave) lines.push(`    ${nodeId('stack', id)}[${label(id)}]`);
    lines.push('  end');
  });
  for (const [id, entry] of Object.entries(output.manifest.stacks).sort(([a], [b]) => a.localeCompare(b))) {
    for (const dep of entry.dependencies) lines.push(`  ${nodeId('stack', dep)} --> ${nodeId('stack', id)}`);
  }
  return lines.join('\n');
}

/** The Markdown `lz graph` prints: two Mermaid code fences that render on GitHub. */
export function graphMarkdown(output: SynthOutput): string {
  return [
    '## Organization',
    '',
    'OUs, accounts and the organization policies attached to them (dotted edges).',
    '',
    '```mermaid',
    organizationDiagram(output),
    '```',
    '',
    '## Stack order',
    '',
    'Stacks plan and apply wave by wave; stacks of one wave run in parallel.',
    '',
    '```mermaid',
    stackOrderDiagram(output),
    '```',
    '',
  ].join('\n');
}

/** `lz graph [--config file] [--out cdktf.out]` */
export function register(program: Command): void {
  program
    .command('graph')
    .description('Print a Mermaid diagram (Markdown) of OUs, accounts, attached policies and the stack dependency order.')
    .option(...CONFIG_OPTION)
    .option('--out <dir>', 'read an existing synthesized folder instead of synthesizing the config')
    .addHelpText('after', '\nExample: lz graph > docs/organization.md   (GitHub renders the mermaid code fences)')
    .action(
      runAction(async (opts: { config?: string; out?: string }) => {
        const output = opts.out ? readSynthOutput(opts.out) : synthesizeToMemory(loadConfigOrFail(configFileOf(opts.config)).config);
        process.stdout.write(graphMarkdown(output));
      }),
    );
}

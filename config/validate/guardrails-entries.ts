import type { Rule } from './rule';
import type { Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { CATALOGUE } from '../../policies/catalogue';
import { entryName } from '../../policies/effective';
import { KIND_LABEL, POLICY_KINDS } from '../../policies/kinds';

/**
 * Each guardrail entry is a known catalogue name in the right section, or a custom policy with
 * targets; options apply to the entry; names are unique per policy type.
 */
export const checkGuardrailEntries: Rule = (config) => {
  const problems: Problem[] = [];
  for (const kind of POLICY_KINDS) {
    const names = new Map<string, number>();
    const inKind = Object.keys(CATALOGUE).filter((n) => CATALOGUE[n].kind === kind);
    config.guardrails[kind].forEach((entry, i) => {
      const at = ['guardrails', kind, i];
      const custom = entry.file !== undefined || entry.document !== undefined;
      if (entry.policy !== undefined && custom) {
        problems.push({ path: at, message: `has both policy ${show(entry.policy)} and a custom ${entry.file ? 'file' : 'document'}; a catalogue entry and a custom policy are separate entries` });
        return;
      }
      if (entry.policy === undefined && !custom) {
        problems.push({ path: at, message: `names no policy; give a catalogue name (policy: ${inKind[0] ?? '...'}) or a custom file (file: policies/my-policy.json)` });
        return;
      }
      if (entry.policy !== undefined) {
        const known = CATALOGUE[entry.policy];
        if (!known) {
          const hint = didYouMean(entry.policy, Object.keys(CATALOGUE)) || (inKind.length ? `; the ${KIND_LABEL[kind]} catalogue has ${inKind.join(', ')}` : `; ${KIND_LABEL[kind]}s are custom only (file: ...)`);
          problems.push({ path: [...at, 'policy'], message: `${show(entry.policy)} is not in the guardrail catalogue${hint}` });
          return;
        }
        if (known.kind !== kind) {
          problems.push({ path: [...at, 'policy'], message: `${show(entry.policy)} is an ${KIND_LABEL[known.kind]}; list it under guardrails.${known.kind}` });
          return;
        }
        for (const option of Object.keys(entry.options ?? {})) {
          if (!(known.options as readonly string[]).includes(option)) {
            problems.push({
              path: [...at, 'options', option],
              message: `does not apply to ${entry.policy}${known.options.length ? `; it takes ${known.options.join(', ')}` : '; it takes no options'}`,
            });
          }
        }
      } else {
        if (entry.options !== undefined) problems.push({ path: [...at, 'options'], message: 'applies to catalogue entries only; a custom policy says everything in its document' });
        if (entry.enabled && (entry.targets === undefined || entry.targets.length === 0)) {
          problems.push({ path: [...at, 'targets'], message: 'is required for a custom policy; list where it applies, e.g. [Root] or [Workloads/Prod]' });
        }
        if (entry.document !== undefined && entry.file === undefined && entry.name === undefined) {
          problems.push({ path: [...at, 'name'], message: 'is required for an inline document; give the policy a name' });
        }
      }
      if (entry.policy !== undefined && entry.enabled && entry.targets !== undefined && entry.targets.length === 0) {
        problems.push({ path: [...at, 'targets'], message: 'is empty; list where it applies, or set enabled: false to switch it off' });
      }
      const name = entryName(entry);
      if (name !== undefined) {
        const first = names.get(name);
        if (first !== undefined) {
          problems.push({ path: [...at, entry.name ? 'name' : entry.policy ? 'policy' : 'file'], message: `${show(name)} is already used by guardrails.${kind}[${first}]; give one of them another name` });
        } else {
          names.set(name, i);
        }
        if (/^lz-/.test(name)) problems.push({ path: at, message: `name ${show(name)} starts with "lz-", which is kept for documents the landing zone packs; rename it` });
      }
    });
  }
  return problems;
};

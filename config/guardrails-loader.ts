import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LandingZoneConfig } from './schema';
import type { Problem } from './problems';
import { show } from './problems';
import { POLICY_KINDS } from '../policies/kinds';

/**
 * Reads the custom policy files of `guardrails` (paths relative to the config file's folder) into
 * each entry's `document`, so that constructs never read files. Problems: unreadable file, not JSON,
 * not a JSON object. Grammar and actions are checked afterwards by config/validate/guardrails-custom.ts.
 */
export function loadCustomPolicies(config: LandingZoneConfig, baseDir: string): Problem[] {
  const problems: Problem[] = [];
  for (const kind of POLICY_KINDS) {
    config.guardrails[kind].forEach((entry, i) => {
      if (!entry.file) return;
      const path = ['guardrails', kind, i, 'file'];
      if (entry.document) {
        problems.push({ path, message: `${show(entry.file)} is given together with document; keep one of them` });
        return;
      }
      const full = resolve(baseDir, entry.file);
      let text: string;
      try {
        text = readFileSync(full, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? String(e);
        problems.push({ path, message: `${show(entry.file)} cannot be read (${code} at ${full}); paths are relative to the folder of the config file` });
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        problems.push({ path, message: `${show(entry.file)} is not valid JSON (${(e as Error).message}); fix the file or check it with a JSON linter` });
        return;
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        problems.push({ path, message: `${show(entry.file)} holds ${Array.isArray(parsed) ? 'a list' : 'a ' + typeof parsed}; a policy is one JSON object` });
        return;
      }
      (entry as { document?: Record<string, unknown> }).document = parsed as Record<string, unknown>;
    });
  }
  return problems;
}

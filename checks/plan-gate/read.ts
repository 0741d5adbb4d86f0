import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../../lib/user-error';
import type { PlanJson } from './plan-json';
import type { StackPlan } from './types';

/** How to make a plan file the gate reads, for error messages. */
export const HOW_TO_MAKE_ONE = 'make one per stack in cdktf.out/stacks/<stack>: terraform plan -out=tfplan && terraform show -json tfplan > <stack>.json';

/**
 * Why a parsed document is not the JSON of a saved plan, or undefined when it is one. `terraform show -json` of a
 * plan has `format_version` and `planned_values`; of a state (no plan file given) `values` instead; `terraform plan
 * -json` prints a stream of log lines, not one document.
 */
export function notAPlan(document: unknown): string | undefined {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return 'it is not a JSON object';
  const d = document as Record<string, unknown>;
  if (typeof d.format_version !== 'string') return 'it has no format_version';
  if (d.planned_values === undefined && d.values !== undefined) return 'it is the JSON of a state, not of a plan (terraform show -json was run without the plan file)';
  if (d.planned_values === undefined || (d.resource_changes !== undefined && !Array.isArray(d.resource_changes))) return 'it has no planned_values';
  return undefined;
}

/** Parses one plan file of stack `stack`; a file that is not `terraform show -json` plan output is a UserError naming it. */
export function parsePlan(file: string, text: string, stack = basename(file).replace(/\.json$/, '')): StackPlan {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    const streamed = text.trimStart().startsWith('{"@level"');
    throw new UserError(
      `${file} is not terraform show -json output: ${streamed ? 'it is the log stream of terraform plan -json' : `it is not JSON (${(e as Error).message})`}; ${HOW_TO_MAKE_ONE}`,
    );
  }
  const why = notAPlan(document);
  if (why) throw new UserError(`${file} is not terraform show -json output of a plan: ${why}; ${HOW_TO_MAKE_ONE}`);
  return { stack, file, plan: document as PlanJson };
}

/**
 * The plans of the given paths: each a file `<stack-id>.json`, or a folder whose `*.json` files are read (not its
 * subfolders). A stack given twice, a missing path or a folder without plans is a UserError.
 */
export function readPlans(paths: readonly string[]): StackPlan[] {
  if (paths.length === 0) throw new UserError(`No plan given: name plan files (<stack-id>.json) or folders of them; ${HOW_TO_MAKE_ONE}`);
  const files: string[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new UserError(`${path} does not exist; give plan files (<stack-id>.json) or folders of them`);
    }
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const found = readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(path, f));
    if (found.length === 0) throw new UserError(`${path} holds no <stack-id>.json plan file; ${HOW_TO_MAKE_ONE}`);
    files.push(...found);
  }
  const plans = files.map((file) => parsePlan(file, readFileSync(file, 'utf8')));
  const seen = new Map<string, string>();
  for (const p of plans) {
    const other = seen.get(p.stack);
    if (other !== undefined) throw new UserError(`Stack ${p.stack} is given twice (${other} and ${p.file}); give each stack's plan once`);
    seen.set(p.stack, p.file);
  }
  return plans;
}

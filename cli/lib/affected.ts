import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { SynthOutput } from './synth-output';
import { UserError } from '../../lib/user-error';

/** Which stacks a change touches, between a previous synthesized output and the current one. */
export interface AffectedStacks {
  /** Stacks that are new or whose Terraform JSON or dependencies changed. */
  readonly changed: string[];
  /**
   * Unchanged stacks that read an output (terraform_remote_state) of a changed stack whose definition
   * changed or disappeared: their plan depends on it. A stack that only runs after a changed stack, or
   * reads none of its changed outputs, plans the same as before and is left out.
   */
  readonly dependents: string[];
  /** Stacks of the previous output that are gone (their state still exists: destroy or forget them deliberately). */
  readonly removed: string[];
  /** changed + dependents, sorted: the stacks to plan. */
  readonly affected: string[];
}

const canonical = (value: unknown) => JSON.stringify(value ?? null);

/** `data.terraform_remote_state.<name>.outputs.<output>` references in a stack's JSON, by remote-state name. */
function outputsRead(json: unknown): Map<string, Set<string>> {
  const reads = new Map<string, Set<string>>();
  const re = /data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g;
  for (const m of JSON.stringify(json).matchAll(re)) {
    let set = reads.get(m[1]);
    if (!set) reads.set(m[1], (set = new Set()));
    set.add(m[2]);
  }
  return reads;
}

/** The stack a remote-state data source reads: cdktf names it `cross-stack-reference-input-<stack id>`. */
const REMOTE_STATE_PREFIX = 'cross-stack-reference-input-';

/**
 * Compares two synthesized outputs (manifest and stack JSON). `allDependents` adds every stack that
 * depends on a changed one, directly or not, whether or not it reads a changed output.
 */
export function affectedStacks(previous: SynthOutput, current: SynthOutput, allDependents = false): AffectedStacks {
  const ids = Object.keys(current.manifest.stacks).sort();
  const changed = ids.filter(
    (id) =>
      !previous.manifest.stacks[id] ||
      canonical(previous.stacks[id]) !== canonical(current.stacks[id]) ||
      canonical(previous.manifest.stacks[id].dependencies) !== canonical(current.manifest.stacks[id].dependencies),
  );
  const changedSet = new Set(changed);
  const dependents = new Set<string>();
  if (allDependents) {
    let grew = true;
    while (grew) {
      grew = false;
      for (const id of ids) {
        if (changedSet.has(id) || dependents.has(id)) continue;
        if (current.manifest.stacks[id].dependencies.some((d) => changedSet.has(d) || dependents.has(d))) {
          dependents.add(id);
          grew = true;
        }
      }
    }
  } else {
    for (const id of ids) {
      if (changedSet.has(id)) continue;
      for (const [remote, outputs] of outputsRead(current.stacks[id])) {
        if (!remote.startsWith(REMOTE_STATE_PREFIX)) continue;
        const source = remote.slice(REMOTE_STATE_PREFIX.length);
        if (!changedSet.has(source)) continue;
        const before = (previous.stacks[source]?.output ?? {}) as Record<string, unknown>;
        const after = (current.stacks[source]?.output ?? {}) as Record<string, unknown>;
        if ([...outputs].some((o) => canonical(before[o]) !== canonical(after[o]) || after[o] === undefined)) dependents.add(id);
      }
    }
  }
  const removed = Object.keys(previous.manifest.stacks)
    .filter((id) => !current.manifest.stacks[id])
    .sort();
  return { changed, dependents: [...dependents].sort(), removed, affected: [...changed, ...dependents].sort() };
}

/**
 * The config as it was at a git ref: the repository at that ref, unpacked into a temporary folder
 * (`git archive`), so the config's relative files (policies, StackSet templates) are those of the ref
 * too. Returns the config path inside it and a cleanup function. The current code synthesizes it, so
 * the comparison shows what the config change does; a code change is compared by synthesizing the base
 * branch with its own code (`--since-out`, docs/github-actions.md).
 */
export function checkoutConfigAt(ref: string, configFile: string): { file: string; cleanup: () => void } {
  const absolute = resolve(configFile);
  const git = (args: string[], cwd: string) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024 });
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], dirname(absolute)).trim();
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch (e) {
    throw new UserError(`--since ${ref}: not a commit of the git repository holding ${configFile} (${String((e as { stderr?: string }).stderr ?? e).trim()})`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'lz-since-'));
  try {
    execFileSync('sh', ['-c', 'git archive --format=tar "$1" | tar -x -C "$2"', 'sh', ref, dir], { cwd: top, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new UserError(`--since ${ref}: git archive failed: ${String((e as { stderr?: string }).stderr ?? e).trim()}`);
  }
  return { file: join(dir, relative(top, absolute)), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

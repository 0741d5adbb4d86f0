import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Provider servers that the `terraform validate`s of one jest worker share.
 *
 * Most of a validate is starting provider processes. Terraform starts the AWS provider (a 700 MB Go binary,
 * about 0.45 s) once for each provider block, one after another, and the enterprise example's bundle has 39.
 * Started with `-debug`, a provider serves any number of Terraform processes that name it in
 * TF_REATTACH_PROVIDERS: Terraform sends that one process the same gRPC calls it would send to the processes it
 * starts (the schema, every provider and resource validation). `terraform validate` never configures a provider,
 * so what one stack's blocks say cannot reach another's validation.
 *
 * One server per installed provider per worker: a test file's module registry is its own, so the servers are
 * recorded in the run's init folder (LZ_TEST_TERRAFORM_INIT, `server-<worker pid>-<binary hash>.json`: the pid as
 * soon as it starts, then the reattach config), where the worker's later test files find them and
 * run-folders-teardown.js stops them after the run, even if their worker died. Their sockets are in that folder.
 */

/** One entry of TF_REATTACH_PROVIDERS, as the provider prints it. */
type ReattachConfig = Record<string, unknown>;

/** The servers this test file asked for, by provider binary path. */
const servers = new Map<string, Promise<ReattachConfig | undefined>>();

/** How long a provider may take to print its reattach config. */
const START_TIMEOUT_MS = 60_000;

/**
 * The TF_REATTACH_PROVIDERS value for the providers `terraform init` installed in `dataDir` (a TF_DATA_DIR),
 * starting their servers on first use; undefined when none could be started (the caller lets Terraform start
 * them, as without servers).
 */
export async function reattachProviders(root: string, dataDir: string): Promise<string | undefined> {
  const entries = await Promise.all(
    installedProviders(dataDir).map(async ({ address, binary }) => [address, await server(root, binary)] as const),
  );
  if (entries.length === 0 || entries.some(([, config]) => !config)) return undefined;
  return JSON.stringify(Object.fromEntries(entries));
}

/** The provider binaries under `<dataDir>/providers/<host>/<namespace>/<type>/<version>/<platform>/`. */
function installedProviders(dataDir: string): { address: string; binary: string }[] {
  const found: { address: string; binary: string }[] = [];
  const dirs = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()) : []);
  const providers = join(dataDir, 'providers');
  for (const host of dirs(providers))
    for (const namespace of dirs(join(providers, host)))
      for (const type of dirs(join(providers, host, namespace)))
        for (const version of dirs(join(providers, host, namespace, type)))
          for (const platform of dirs(join(providers, host, namespace, type, version))) {
            const folder = join(providers, host, namespace, type, version, platform);
            const binary = readdirSync(folder).find((name) => name.startsWith(`terraform-provider-${type}`));
            if (binary) found.push({ address: `${host}/${namespace}/${type}`, binary: join(folder, binary) });
          }
  return found;
}

function server(root: string, binary: string): Promise<ReattachConfig | undefined> {
  let started = servers.get(binary);
  if (!started) {
    started = workerServer(root, binary).catch(() => undefined);
    servers.set(binary, started);
  }
  return started;
}

interface ServerRecord {
  readonly pid: number;
  readonly reattach?: ReattachConfig;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The worker's server for `binary`: the one an earlier test file of this worker started, or a new one. */
async function workerServer(root: string, binary: string): Promise<ReattachConfig | undefined> {
  const name = `server-${process.pid}-${createHash('sha256').update(binary).digest('hex').slice(0, 12)}`;
  const record = join(root, `${name}.json`);
  if (existsSync(record)) {
    const { pid, reattach } = JSON.parse(readFileSync(record, 'utf8')) as ServerRecord;
    if (reattach && alive(pid)) return reattach;
    // One that never printed its config (a timed-out start): stopped, and replaced.
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  return startServer(root, binary, record, join(root, `${name}.log`));
}

/** Starts `binary -debug`, recorded in `record` (its output in `log`), and waits for the reattach config it prints. */
async function startServer(root: string, binary: string, record: string, log: string): Promise<ReattachConfig | undefined> {
  const fd = openSync(log, 'w');
  // Output to a file (a pipe nobody reads would fill and stop it), its socket in the run's folder. It stays in
  // the worker's process group, so a Ctrl-C that stops the run stops it too; unref'd, the worker can exit first.
  const child = spawn(binary, ['-debug'], { stdio: ['ignore', fd, fd], env: { ...process.env, TMPDIR: root } });
  closeSync(fd);
  child.unref();
  const pid = child.pid;
  if (pid === undefined) return undefined;
  writeFileSync(record, JSON.stringify({ pid } satisfies ServerRecord));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    const printed = /TF_REATTACH_PROVIDERS='([^']+)'/.exec(readFileSync(log, 'utf8'));
    if (printed) {
      const reattach = Object.values(JSON.parse(printed[1]) as Record<string, ReattachConfig>)[0];
      writeFileSync(record, JSON.stringify({ pid, reattach } satisfies ServerRecord));
      return reattach;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

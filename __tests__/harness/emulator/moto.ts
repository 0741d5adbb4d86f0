import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The moto version the emulator test and its gap list (__tests__/emulator/gaps.ts) are written for. */
export const MOTO_VERSION = '5.2.1';

/**
 * Environment moto needs for the landing zone:
 * - MOTO_IAM_LOAD_MANAGED_POLICIES: without it moto knows no AWS managed policy, and attaching
 *   e.g. `arn:aws:iam::aws:policy/ReadOnlyAccess` fails with NoSuchEntity.
 */
export const MOTO_ENV: Readonly<Record<string, string>> = { MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' };

/**
 * moto without AWS managed policies, for runs that attach none in IAM: with them, moto copies about 1,200 policies
 * (27 MB) into every account it creates, which filled this machine's 24 GB at about 800 accounts.
 */
export const MOTO_ENV_WITHOUT_MANAGED_POLICIES: Readonly<Record<string, string>> = { MOTO_IAM_LOAD_MANAGED_POLICIES: 'false' };

/** Whether an executable `moto_server` is on the PATH (its version is not checked here; see motoVersion). */
export function motoAvailable(path = process.env.PATH ?? ''): boolean {
  return path
    .split(delimiter)
    .filter((dir) => dir !== '')
    .some((dir) => {
      try {
        accessSync(join(dir, 'moto_server'), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** The installed moto version, or undefined when python3 cannot import moto. */
export function motoVersion(): string | undefined {
  const r = spawnSync('python3', ['-c', 'import moto; print(moto.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** A free TCP port on 127.0.0.1, found by binding port 0 and closing it again. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A running moto server on the loopback interface. */
export interface MotoServer {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  readonly pid: number;
  /** What moto printed (stdout and stderr), for failure messages. */
  log(): string;
  /** Stops the server by its PID (SIGTERM, then SIGKILL after 5 s); safe to call twice. */
  stop(): Promise<void>;
}

/** Resolves when GET / on the port answers, or rejects after `timeoutMs`. */
async function waitUntilAnswering(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode} before it answered`);
    const answered = await new Promise<boolean>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/moto-api/data.json', timeout: 1000 }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('error', () => resolve(false));
      req.on('timeout', () => req.destroy());
      req.end();
    });
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`moto_server did not answer on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Starts `moto_server` on a free loopback port (127.0.0.1 only) and waits until it answers.
 * The caller stops it with `stop()` (also from a failing test's afterAll).
 */
export async function startMoto(timeoutMs = 60_000, env: Readonly<Record<string, string>> = MOTO_ENV): Promise<MotoServer> {
  const port = await freeLoopbackPort();
  // moto writes its request log to a file, not a pipe: a pipe is drained only while this process's event loop
  // runs, and a test that waits synchronously (spawnSync of the lz binary talking to moto) would let it fill, block
  // moto mid-request and deadlock both.
  const logDir = mkdtempSync(join(tmpdir(), 'lz-moto-log-'));
  const logFile = join(logDir, 'moto.log');
  const logFd = openSync(logFile, 'a');
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  let kept: string | undefined;
  const output = () => kept ?? (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-200_000) : '');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Should the test process end without afterAll (a killed jest worker), take moto with it.
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    if (kept === undefined) {
      kept = output();
      rmSync(logDir, { recursive: true, force: true });
    }
  };
  let log = '';
  try {
    await waitUntilAnswering(port, child, timeoutMs);
  } catch (e) {
    log = output();
    await stop();
    throw new Error(`${(e as Error).message}\n${log}`);
  }
  return { port, endpoint: `http://127.0.0.1:${port}`, pid: child.pid!, log: output, stop };
}

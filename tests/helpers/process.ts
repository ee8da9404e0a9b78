import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  wsUrl: string;
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal) and how long it took. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

const ROOT = path.resolve('.');

/**
 * The real server in its own process, started like `npm run serve` but as a
 * single process (so a SIGKILL hits the server itself, not a wrapper).
 */
export function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  startTimeoutMs = 20_000,
): Promise<ServerProcess> {
  return spawnNode([...nodeArgs, '--import', 'tsx', 'server/main.ts'], dataDir, env, startTimeoutMs);
}

/**
 * The compiled server (scripts/build-server.ts) on plain node, as the image and `npm start` run it:
 * `command` is their `node [flags] dist/server/main.js`, with `entry` in place of the script.
 * `command.env` goes over this helper's PORT, HOST and DATA_DIR: leave those out of it.
 */
export function spawnCompiledServer(
  command: { nodeArgs: string[]; env: Record<string, string> },
  entry: string,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  return spawnNode([...command.nodeArgs, entry], dataDir, { ...command.env, ...env }, 20_000);
}

async function spawnNode(args: string[], dataDir: string, env: Record<string, string>, startTimeoutMs: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // SQLite unless the test passes a database (tests/helpers/engine.ts): never an inherited URL.
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), startTimeoutMs);
    const onData = () => {
      const m = /http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(deadline);
        child.stdout!.off('data', onData);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    void exited.then(() => reject(new Error(`server exited while starting:\n${out}`)));
  });
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    output: () => out,
    exited,
  };
}

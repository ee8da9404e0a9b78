import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';

/**
 * Redis for the cluster test and bench: the server at REDIS_URL (default
 * redis://127.0.0.1:6379) when it answers; otherwise a throwaway `redis-server` on a free port
 * (no persistence), started here where Debian's redis-server is installed; otherwise an error
 * at once that says how to get one.
 */
export const DEFAULT_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestRedis {
  url: string;
  /** True when this process started the server (and `stop` stops it). */
  started: boolean;
  stop(): Promise<void>;
}

export async function redisReachable(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** The redis-server executable on PATH, if any. */
export function findRedisServer(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'redis-server');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function redisMissingMessage(url: string): string {
  const where = new URL(url);
  where.password = '';
  return (
    `Redis is not reachable at ${where.toString()} (REDIS_URL), and no redis-server is installed to start one.\n` +
    'The cluster test and bench need Redis 7. Either:\n' +
    '  Debian/Ubuntu: apt-get install redis-server   (the tests then start their own on a free port)\n' +
    '  or start one:  redis-server --port 6379 --save "" --appendonly no --daemonize yes\n' +
    '  Docker:        docker run -d -p 6379:6379 redis:7\n' +
    'or point REDIS_URL at a Redis server.'
  );
}

export async function ensureRedis(url = DEFAULT_REDIS_URL, redisServer: string | undefined = findRedisServer()): Promise<TestRedis> {
  if (await redisReachable(url)) return { url, started: false, stop: async () => {} };
  if (!redisServer || !fs.existsSync(redisServer)) throw new Error(redisMissingMessage(url));
  const port = await freePort();
  const child: ChildProcess = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = `redis://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) break;
    if (await redisReachable(started)) return { url: started, started: true, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`${redisServer} did not start on port ${port}:\n${output}\n${redisMissingMessage(url)}`);
}

import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { ensureRedis, findRedisServer, redisReachable } from '../helpers/redis';
import { ensurePostgres } from '../setup/postgres';

/**
 * `npm test` and the services it needs (issue 15): where PostgreSQL or Redis does not answer,
 * the setup starts one where it can, or fails at once with a message that says how.
 * Tested against a port where nothing listens.
 */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('test services', () => {
  it('Redis unreachable and no redis-server to start: fails at once, saying how', async () => {
    const url = `redis://127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    const error = await ensureRedis(url, '/nonexistent/redis-server').then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(error?.message).toContain(`Redis is not reachable at ${url}`);
    expect(error?.message).toContain('apt-get install redis-server');
    expect(error?.message).toContain('REDIS_URL');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("Redis unreachable: starts Debian's redis-server on a free port, and stops it again", async () => {
    const url = `redis://127.0.0.1:${await closedPort()}`;
    // This machine has redis-server (the environment); without it the test above is the path.
    const redisServer = findRedisServer();
    expect(redisServer, 'redis-server on PATH').toBeTruthy();
    const redis = await ensureRedis(url, redisServer);
    try {
      expect(redis.started).toBe(true);
      expect(redis.url).not.toBe(url);
      expect(await redisReachable(redis.url)).toBe(true);
    } finally {
      await redis.stop();
    }
    expect(await redisReachable(redis.url)).toBe(false);
  });

  it('PostgreSQL unreachable (and not started here): fails at once, saying how', async () => {
    const url = `postgres://postgres:secret@127.0.0.1:${await closedPort()}/postgres`;
    const started = Date.now();
    const error = await ensurePostgres(url, { startCluster: false }).then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(error?.message).toContain('PostgreSQL is not reachable at postgres://postgres@127.0.0.1:');
    expect(error?.message).toContain('pg_ctlcluster');
    expect(error?.message).toContain('TEST_DATABASE_URL');
    // The password never shows.
    expect(error?.message).not.toContain('secret');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

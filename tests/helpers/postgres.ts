import crypto from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for tests: each test server gets its own freshly created database
 * (regiebord_t_<random>) on the server at TEST_DATABASE_URL / DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), dropped when it stops.
 * tests/setup/postgres.ts makes sure a server is there before any test runs.
 */
export const ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Which engine the integration tests run on: REGIEBORD_TEST_ENGINE=postgres, else sqlite. */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.REGIEBORD_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `regiebord_t_${crypto.randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: withDatabase(ADMIN_DATABASE_URL, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Is a PostgreSQL server answering at `url`? */
export async function reachable(url = ADMIN_DATABASE_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

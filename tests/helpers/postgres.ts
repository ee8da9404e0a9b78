import crypto from 'node:crypto';
import pg from 'pg';
import { Db } from '../../server/storage/postgres/db';
import { PG_MIGRATIONS } from '../../server/storage/postgres/migrations';
import { migratePostgres } from '../../server/storage/postgres/postgres';

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

/**
 * A migrated, empty database that test databases are copied from (CREATE DATABASE
 * … TEMPLATE is a file copy: much faster than running the migrations per server).
 * Named after the migrations, so a changed schema gets a new template.
 */
export const TEMPLATE_DATABASE = `regiebord_tpl_${crypto.createHash('sha256').update(PG_MIGRATIONS.join('\n')).digest('hex').slice(0, 12)}`;

export async function ensureTemplateDatabase(): Promise<void> {
  const exists = await admin((c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DATABASE]));
  if (exists.rowCount) return;
  // Built under another name and renamed when complete, so a concurrent run never copies a half-made template.
  const building = `${TEMPLATE_DATABASE}_${crypto.randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${building}`));
  const db = Db.connect(withDatabase(ADMIN_DATABASE_URL, building), 1);
  try {
    await migratePostgres(db);
  } finally {
    await db.close();
  }
  try {
    await admin((c) => c.query(`ALTER DATABASE ${building} RENAME TO ${TEMPLATE_DATABASE}`));
  } catch {
    // Another run made it first.
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${building}`));
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `regiebord_t_${crypto.randomBytes(6).toString('hex')}`;
  const hasTemplate = await admin((c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DATABASE]));
  // Concurrent copies of one template can collide ("being accessed by other users"): retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(hasTemplate.rowCount ? `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}` : `CREATE DATABASE ${name}`));
      break;
    } catch (err) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
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

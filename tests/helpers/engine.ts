import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openStorage } from '../../server/storage/open';
import { DATABASE_FILE } from '../../server/storage/sqlite';
import type { Storage } from '../../server/storage/storage';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from './postgres';
import { tempDataDir } from './server';

/**
 * Durable state for a test that starts its own server process (or reads storage
 * beside a server), on the engine the project runs on: a temp data folder, and
 * for PostgreSQL a fresh database. `env` is what spawnServer needs to use it.
 */
export interface TestStore {
  engine: 'sqlite' | 'postgres';
  dataDir: string;
  databaseUrl: string;
  env: Record<string, string>;
  /** The storage interface on the same data (close it when done). */
  open(): Promise<Storage>;
  /** Plain SQL that reads the same in both engines (table and column names are shared). */
  rows<T>(sql: string): Promise<T[]>;
  /** SQLite's integrity check; PostgreSQL: a query over every table succeeds. */
  intact(): Promise<boolean>;
  remove(): Promise<void>;
}

/** Plain SQL on the durable state of a running test server (either engine), read-only in intent. */
export async function sqlRows<T>(target: { engine: 'sqlite' | 'postgres'; dataDir: string; databaseUrl: string }, sql: string): Promise<T[]> {
  if (target.engine === 'sqlite') {
    const db = new Database(path.join(target.dataDir, DATABASE_FILE), { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.databaseUrl });
  await client.connect();
  try {
    // Several statements give several results: the last one's rows.
    const result = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[];
    return (Array.isArray(result) ? result.at(-1)!.rows : result.rows) as T[];
  } finally {
    await client.end();
  }
}

export async function testStore(engine: 'sqlite' | 'postgres' = TEST_ENGINE): Promise<TestStore> {
  const dataDir = tempDataDir();
  const database: TestDatabase | undefined = engine === 'postgres' ? await createTestDatabase() : undefined;
  const databaseUrl = database?.url ?? '';
  const rows = <T>(sql: string): Promise<T[]> => sqlRows<T>({ engine, dataDir, databaseUrl }, sql);
  return {
    engine,
    dataDir,
    databaseUrl,
    env: { DATABASE_URL: databaseUrl },
    open: () => openStorage({ dataDir, databaseUrl }),
    rows,
    async intact() {
      if (!database) {
        const db = new Database(path.join(dataDir, DATABASE_FILE));
        try {
          return db.pragma('integrity_check', { simple: true }) === 'ok';
        } finally {
          db.close();
        }
      }
      const tables = await rows<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'");
      for (const { t } of tables) await rows(`SELECT count(*) FROM "${t}"`);
      return tables.length > 0;
    },
    async remove() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}

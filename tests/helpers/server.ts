import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRegiebord, type Regiebord } from '../../server/app';
import type { ConfigOverride } from '../../server/config';
import type { Logger } from '../../server/logger';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from './postgres';

export interface TestServer {
  app: Regiebord;
  port: number;
  url: string;
  wsUrl: string;
  dataDir: string;
  /** The storage engine this server runs on (REGIEBORD_TEST_ENGINE), and its database URL for PostgreSQL. */
  engine: 'sqlite' | 'postgres';
  databaseUrl: string;
  /** Stop and start again on the same port and data folder (or database), with `extra` settings if given. */
  restart(extra?: ConfigOverride): Promise<void>;
  stop(): Promise<void>;
}

/** Low password-hashing cost and no logging keep tests fast and quiet; everything else is real. */
export const TEST_CONFIG: ConfigOverride = {
  host: '127.0.0.1',
  logLevel: 'silent',
  scryptCost: 1024,
};

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-test-'));
}

/**
 * A real server on port 0. On the PostgreSQL engine (REGIEBORD_TEST_ENGINE=postgres)
 * it gets a fresh database of its own, dropped at stop(); `engine: 'sqlite'` in the
 * override keeps a test on the SQLite file whatever the project runs on.
 */
export async function startServer(override: ConfigOverride & { engine?: 'sqlite' | 'postgres'; logger?: Logger } = {}): Promise<TestServer> {
  const { engine = TEST_ENGINE, logger, ...rest } = override;
  const dataDir = rest.dataDir ?? tempDataDir();
  let database: TestDatabase | undefined;
  if (engine === 'postgres' && !rest.databaseUrl) database = await createTestDatabase();
  const databaseUrl = engine === 'postgres' ? (rest.databaseUrl ?? database!.url) : '';
  const config = { ...TEST_CONFIG, port: 0, ...rest, dataDir, databaseUrl };
  let app = await createRegiebord(config, logger);
  const port = await app.listen();
  const server: TestServer = {
    app,
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    dataDir,
    engine,
    databaseUrl,
    async restart(extra: ConfigOverride = {}) {
      await app.close();
      app = await createRegiebord({ ...config, ...extra, port, dataDir, databaseUrl }, logger);
      server.app = app;
      await app.listen();
    },
    async stop() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
  return server;
}

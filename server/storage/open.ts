import { openPostgresStorage } from './postgres/postgres';
import { openSqliteStorage } from './sqlite';
import type { Storage } from './storage';

/**
 * The one place that chooses the engine: PostgreSQL when a database URL is
 * configured (several instances, managed database), else the SQLite file in
 * the data folder (one process, no service needed).
 */
export async function openStorage(config: { dataDir: string; databaseUrl: string }): Promise<Storage> {
  if (config.databaseUrl) return openPostgresStorage(config.databaseUrl);
  return openSqliteStorage(config.dataDir);
}

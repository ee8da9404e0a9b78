import { openSqliteStorage } from './sqlite';
import type { Storage } from './storage';

/**
 * The one place that chooses the engine: PostgreSQL when a database URL is
 * configured (several instances, managed database), else the SQLite file in
 * the data folder (one process, no service needed).
 */
export async function openStorage(config: { dataDir: string; databaseUrl: string }): Promise<Storage> {
  // pg is loaded only for PostgreSQL: an SQLite installation never holds it in memory.
  if (config.databaseUrl) return (await import('./postgres/postgres')).openPostgresStorage(config.databaseUrl);
  return openSqliteStorage(config.dataDir);
}

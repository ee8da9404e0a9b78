import Database from 'better-sqlite3';
import path from 'node:path';
import fs from 'node:fs';
import { Db } from '../storage/postgres/db';
import { migratePostgres } from '../storage/postgres/postgres';
import { DATABASE_FILE, openSqliteStorage } from '../storage/sqlite';

/**
 * Copies an SQLite installation (DATA_DIR) into an empty PostgreSQL database:
 * every table, in one transaction, rows in their original order; the search
 * index is not copied but rebuilt by PostgreSQL's own triggers as the rows
 * arrive. Stop the server first: a running server would keep writing to the file.
 */

/** Parents before children (foreign keys). search_items is rebuilt, not copied. */
const TABLES = [
  'meta',
  'accounts',
  'sessions',
  'invites',
  'workshops',
  'participants',
  'yjs_updates',
  'yjs_snapshots',
  'barriers',
  'votes',
  'vote_ops',
  'proposals',
  'alarms',
  'placement_rounds',
  'placements',
  'register_items',
  'card_records',
  'owner_links',
  'proposal_progress',
  'progress_pages',
] as const;

/** Identity columns whose values are copied as they are (their order means something). */
const KEPT_IDS: Partial<Record<(typeof TABLES)[number], string>> = { yjs_updates: 'id', votes: 'id', proposal_progress: 'id' };

export interface MigrationResult {
  /** Rows copied per table. */
  rows: Record<string, number>;
  /** Entries in PostgreSQL's search index after the rebuild. */
  searchItems: number;
}

const BATCH = 500;

export async function migrateSqliteToPostgres(dataDir: string, databaseUrl: string, log: (line: string) => void = () => {}): Promise<MigrationResult> {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) throw new Error(`Geen SQLite-database gevonden: ${file}`);
  // Brings the file to the newest schema first, as starting the server would.
  await openSqliteStorage(dataDir).close();
  const sqlite = new Database(file, { readonly: true });
  const db = Db.connect(databaseUrl, 2);
  try {
    await migratePostgres(db);
    const rows: Record<string, number> = {};
    await db.tx(async (q) => {
      const busy = await q.one<{ n: number }>('SELECT (SELECT COUNT(*) FROM accounts) + (SELECT COUNT(*) FROM workshops) AS n');
      if (busy!.n > 0) throw new Error('De PostgreSQL-database is niet leeg (er zijn al accounts of werksessies); kies een lege database.');
      for (const table of TABLES) {
        const pgColumns = (
          await q.rows<{ column_name: string }>(
            `SELECT column_name FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
            [table],
          )
        ).map((r) => r.column_name);
        const sqliteColumns = new Set((sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
        const kept = KEPT_IDS[table];
        // seq (insertion order) is generated afresh, in the order the rows are copied.
        const columns = pgColumns.filter((c) => c !== 'seq' && sqliteColumns.has(c));
        const select = sqlite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`);
        let batch: unknown[][] = [];
        let count = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const values = batch.map((row, i) => `(${row.map((_, j) => `$${i * columns.length + j + 1}`).join(', ')})`).join(', ');
          await q.query(
            `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) ${kept ? 'OVERRIDING SYSTEM VALUE' : ''} VALUES ${values}`,
            batch.flat(),
          );
          count += batch.length;
          batch = [];
        };
        for (const row of select.raw().iterate() as Iterable<unknown[]>) {
          batch.push(row);
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        if (kept) {
          await q.query(
            `SELECT setval(pg_get_serial_sequence('${table}', '${kept}'), GREATEST((SELECT MAX("${kept}") FROM "${table}"), 1))`,
          );
        }
        rows[table] = count;
        log(`${table}: ${count}`);
      }
    });
    const searchItems = (await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM search_items'))!.n;
    log(`search_items (opnieuw opgebouwd): ${searchItems}`);
    return { rows, searchItems };
  } finally {
    sqlite.close();
    await db.close();
  }
}

/**
 * `npm run migrate:postgres -- --from ./data --to postgres://…`: copies an SQLite
 * installation into an empty PostgreSQL database (docs/operations.md). Stop the
 * server first. An entry point of its own, so it reads the environment itself:
 * --from defaults to DATA_DIR (or ./data), --to to DATABASE_URL.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrateSqliteToPostgres } from './migrateToPostgres';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
const from = path.resolve(values.from ?? process.env.DATA_DIR ?? 'data');
const to = values.to ?? process.env.DATABASE_URL;
if (!to) {
  console.error('Geef de PostgreSQL-database op: --to postgres://gebruiker@host:5432/database (of DATABASE_URL).');
  process.exit(2);
}
try {
  const started = Date.now();
  const result = await migrateSqliteToPostgres(from, to, (line) => console.log(`  ${line}`));
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  console.log(`Overgezet: ${total} rijen uit ${from} in ${((Date.now() - started) / 1000).toFixed(1)} s; zoekindex: ${result.searchItems} items.`);
} catch (err) {
  console.error(`Overzetten mislukt: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

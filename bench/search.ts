/**
 * Knowledge-centre search at scale: 1,000 workshops of 50 items each (20
 * cards, 20 barriers, 10 proposals), searched over real HTTP with a logged-in
 * account. Prints p50/p95/p99 of the whole request and of the server's own
 * query time. Target (issue 4): p95 ≤ 50 ms.
 *
 *   npm run bench:search            # full: 1,000 × 50, SQLite
 *   npm run bench:search -- --smoke # 20 × 50, checks the script works
 *   npm run bench:search -- --postgres
 *                                   # the same on PostgreSQL: a fresh database on the server
 *                                   # at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 *                                   # dropped afterwards
 *   --explain                       # also print the plan of each distinct query (PostgreSQL:
 *                                   # EXPLAIN ANALYZE; SQLite: EXPLAIN QUERY PLAN)
 *
 * Besides the whole request it reports the query alone: on PostgreSQL the execution time
 * EXPLAIN ANALYZE gives for the search statement, on SQLite the storage call timed in-process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRegiebord } from '../server/app';
import { matchExpression, searchForms } from '../server/knowledge/dutchText';
import type { PostgresStorage } from '../server/storage/postgres/postgres';
import { searchQuery, searchSql } from '../server/storage/postgres/search';
import type { SqliteStorage } from '../server/storage/sqlite';
import { randomId } from '../shared/ids';
import type { SearchResult } from '../shared/knowledge';
import { ApiClient, facilitatorClient } from '../tests/helpers/api';
import { createTestDatabase, type TestDatabase } from '../tests/helpers/postgres';
import { ms, percentile, table } from './stats';

const smoke = process.argv.includes('--smoke');
const onPostgres = process.argv.includes('--postgres');
const explain = process.argv.includes('--explain');
const WORKSHOPS = smoke ? 20 : 1000;
const QUERIES = smoke ? 40 : 400;

// A small Dutch municipal vocabulary, with accents, compounds and plurals.
const WORDS = (
  'gemeente regie drempel drempels loket één café subsidie subsidieregeling woningbouw woningen zorg jeugdzorg ' +
  'wmo participatie inwoners ondernemers verenigingen vrijwilligers mobiliteit fietspad busverbinding duurzaamheid ' +
  'energie zonnepark netcongestie omgevingswet omgevingsvisie vergunning procedures regels capaciteit budget ' +
  'samenwerking provincie regio wethouder raad stuurgroep afdeling ambtenaren netwerk vertrouwen ruimte natuur ' +
  'landbouw economie toerisme cultuur sport onderwijs armoede schulden veiligheid handhaving wijk dorp kernen ' +
  'bereikbaarheid digitalisering data privacy communicatie inspraak burgerinitiatief coöperatie maatschappelijk'
).split(' ');

let seed = 42;
function rand(n: number): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}
const sentence = (n: number) => Array.from({ length: n }, () => WORDS[rand(WORDS.length)]).join(' ');

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-search-bench-'));
  const database: TestDatabase | undefined = onPostgres ? await createTestDatabase() : undefined;
  const app = await createRegiebord({ dataDir, databaseUrl: database?.url ?? '', port: 0, host: '127.0.0.1', logLevel: 'silent', scryptCost: 1024 });
  const port = await app.listen();
  const url = `http://127.0.0.1:${port}`;
  try {
    const api: ApiClient = await facilitatorClient(url);
    const me = (await api.get<{ account: { id: string } }>('/api/me')).body.account;
    const { storage } = app;
    const started = performance.now();
    // Seeded straight through the storage interface (what the routes do), for speed.
    for (let w = 0; w < WORKSHOPS; w++) {
      const id = randomId(16);
      const createdAt = Date.UTC(2022, 0, 1) + w * 3_600_000;
      await storage.createWorkshop({
        id,
        title: `Werksessie ${sentence(2)} ${w}`,
        joinCode: String(10_000_000 + w),
        template: (await import('../shared/template')).LOCHEM_TEMPLATE,
        ownerId: me.id,
        createdAt,
        screenTokenVersion: 1,
      });
      await storage.knowledge.replaceCardRecords(
        id,
        Array.from({ length: 20 }, (_, i) => ({
          cardId: randomId(16),
          registerId: null,
          kind: i % 2 ? 'project' : 'domain',
          title: sentence(3),
          department: sentence(1),
          description: sentence(8),
          pos: { x: 0.5, y: 0.5 },
          target: null,
        })),
      );
      const barrierIds: string[] = [];
      for (let i = 0; i < 20; i++) {
        const bid = randomId(16);
        barrierIds.push(bid);
        await storage.method.addBarrier({ id: bid, workshopId: id, text: sentence(7), cardIds: [], heading: i % 4 ? '' : sentence(2), authorId: 'x', authorName: '', mergedInto: null, variants: [], createdAt: createdAt + i });
      }
      for (let i = 0; i < 10; i++) {
        await storage.method.addProposal({ id: randomId(16), workshopId: id, barrierId: barrierIds[i]!, cardId: null, text: sentence(9), kind: 'versnellen', owner: sentence(1), dueDate: '', status: 'open', authorId: 'x', authorName: '', createdAt: createdAt + 100 + i });
      }
    }
    const seeded = performance.now() - started;

    const queries = [
      'cafe', 'drempels', 'een loket', 'woningen', 'subsidie', 'gemeente regie', 'zorg', 'netcongestie zonnepark',
      'cooperatie', 'procedures vergunning', 'vertrouwen', 'jeugdzorg', 'fiets', 'omgevingswet', 'budget capaciteit', 'wijk',
    ];
    // Warm up the page cache and statement cache.
    for (const q of queries) await api.get(`/api/knowledge/search?q=${encodeURIComponent(q)}`);
    const wall: number[] = [];
    const server: number[] = [];
    let hits = 0;
    for (let i = 0; i < QUERIES; i++) {
      const q = queries[i % queries.length]!;
      const t0 = performance.now();
      const res = await api.get<SearchResult>(`/api/knowledge/search?q=${encodeURIComponent(q)}`);
      wall.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`search failed: ${res.status}`);
      server.push(res.body.tookMs);
      hits += res.body.hits.length;
    }
    // The query alone, without HTTP, JSON and the event loop's queue.
    const alone: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const q = queries[i % queries.length]!;
      const forms = searchForms(q);
      if (database) {
        const db = (app.storage as PostgresStorage).db;
        const [{ 'QUERY PLAN': plan }] = (await db.rows<{ 'QUERY PLAN': { 'Execution Time': number; Plan: unknown }[] }>(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${searchSql(false)}`,
          [searchQuery(forms), 50],
        )) as [{ 'QUERY PLAN': { 'Execution Time': number; Plan: unknown }[] }];
        alone.push(plan[0]!['Execution Time']);
        if (explain && i < queries.length) {
          const text = await db.rows<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${searchSql(false)}`, [searchQuery(forms), 50]);
          console.log(`\n--- ${q}\n${text.map((r) => r['QUERY PLAN']).join('\n')}`);
        }
      } else {
        const t0 = performance.now();
        await storage.knowledge.search(forms, undefined, 50);
        alone.push(performance.now() - t0);
        if (explain && i < queries.length) {
          const sqlite = (app.storage as SqliteStorage).db;
          const plan = sqlite
            .prepare("EXPLAIN QUERY PLAN SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rank MATCH 'bm25(4.0, 1.0, 1.0)' ORDER BY rank LIMIT 50")
            .all(matchExpression(forms));
          console.log(`\n--- ${q}\n${JSON.stringify(plan)}`);
        }
      }
    }
    const items = WORKSHOPS * 51;
    const dbBytes = database
      ? Number(((await (app.storage as PostgresStorage).db.one<{ n: number }>('SELECT pg_database_size(current_database()) AS n')) ?? { n: 0 }).n)
      : fs.statSync(path.join(dataDir, 'regiebord.sqlite')).size;
    console.log(
      table(`Knowledge-centre search on ${onPostgres ? 'PostgreSQL' : 'SQLite'}: ${WORKSHOPS} workshops × 50 items (${items.toLocaleString('en')} indexed), ${QUERIES} queries`, [
        ['seeding', `${(seeded / 1000).toFixed(1)} s`],
        ['request p50 (HTTP, logged in)', ms(percentile(wall, 50))],
        ['request p95', ms(percentile(wall, 95)), '≤ 50 ms'],
        ['request p99', ms(percentile(wall, 99))],
        ['server query p50 / p95 (tookMs)', `${ms(percentile(server, 50))} / ${ms(percentile(server, 95))}`],
        [
          database ? 'query alone p50 / p95 (EXPLAIN ANALYZE execution)' : 'query alone p50 / p95 (storage call)',
          `${ms(percentile(alone, 50))} / ${ms(percentile(alone, 95))}`,
          '≤ 50 ms',
        ],
        ['hits per query (mean, max 50)', (hits / QUERIES).toFixed(1)],
        ['database size', `${(dbBytes / 1024 / 1024).toFixed(1)} MB`],
      ]),
    );
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  }
}

await main();

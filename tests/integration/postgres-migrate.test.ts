/**
 * `npm run migrate:postgres`: an SQLite installation with real content (two
 * workshops run through the method: board, placement round, barriers merged
 * and removed, votes, proposals, an alarm, the register, a ledger link) is
 * copied into an empty PostgreSQL database; a server on PostgreSQL then gives
 * byte-for-byte the same JSON export of every workshop, and the same knowledge
 * centre (workshops, register, ledger, tracker, search). Also what came after the
 * workshop and with sign-in (issues 17 and 16): an action owner's link and the
 * progress history it wrote, the organisation's pages (by link and for employees),
 * account roles and an OpenID Connect identity; and every table has as many rows.
 * In the integration-postgres project only (it needs a PostgreSQL server).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addCard, moveCard, readCards, setCardTarget } from '../../shared/board';
import type { WorkshopExport } from '../../shared/export';
import type { OwnerAction, OwnerLinkCreated, ProposalFollowUp } from '../../shared/followUp';
import type { Ledger, SearchResult, TrackedProposal } from '../../shared/knowledge';
import type { AckResult } from '../../shared/protocol';
import { migrateSqliteToPostgres } from '../../server/ops/migrateToPostgres';
import { ApiClient, facilitatorClient } from '../helpers/api';
import { sqlRows } from '../helpers/engine';
import { ask, connectedDoc, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { startServer, type TestServer } from '../helpers/server';
import { workshopWithFacilitator } from '../helpers/workshop';

const stops: (() => unknown)[] = [];
afterAll(async () => {
  for (const s of stops.reverse()) await s();
});

async function ok<T>(res: Promise<AckResult<T>>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r as T;
}

/** A workshop run through the method on `server`; returns its id. */
async function runWorkshop(server: TestServer, title: string, docs: DocClient[]): Promise<string> {
  const w = await workshopWithFacilitator(server, title);
  stops.push(() => w.closeAll());
  const p1 = await w.participant('Ans');
  const p2 = await w.participant('Bert');
  await ok(ask(w.facilitator.socket, 'settings:update', { named: true }));
  const d = await connectedDoc(server.wsUrl, w.workshop.id, { headers: { cookie: w.api.cookie, origin: server.url } });
  docs.push(d);
  const c1 = addCard(d.doc, { kind: 'domain', title: 'Duurzaamheid', department: 'Ruimte', description: 'Energie en één loket' });
  const c2 = addCard(d.doc, { kind: 'project', title: 'Café-terrassen' });
  moveCard(d.doc, c2, { x: 0.3, y: 0.7 });
  setCardTarget(d.doc, c1, { x: 0.9, y: 0.1 });
  await eventually(async () => (await w.api.get<WorkshopExport>(`/api/workshops/${w.workshop.id}/export?format=json`)).body.cards.length === 2);
  const { roundId } = await ok(ask<AckResult<{ roundId: string }>>(w.facilitator.socket, 'round:start', { cardIds: [c1, c2], mode: 'now' }));
  await ok(ask(p1.socket, 'placement:set', { roundId, cardId: c1, x: 0.1, y: 0.2 }));
  await ok(ask(p2.socket, 'placement:set', { roundId, cardId: c1, x: 0.3, y: 0.4 }));
  await ok(ask(w.facilitator.socket, 'round:reveal', { roundId }));
  await w.goToPhase('drempels');
  const b1 = await ok(ask<AckResult<{ id: string }>>(p1.socket, 'barrier:add', { text: 'Netcongestie', cardIds: [c2] }));
  const b2 = await ok(ask<AckResult<{ id: string }>>(p2.socket, 'barrier:add', { text: 'Lange procedures', cardIds: [] }));
  const b3 = await ok(ask<AckResult<{ id: string }>>(p2.socket, 'barrier:add', { text: 'Trage vergunningen', cardIds: [c1] }));
  await ok(ask<AckResult<{ id: string }>>(p1.socket, 'barrier:add', { text: 'Niemand stemt hierop', cardIds: [] }));
  await ok(ask(w.facilitator.socket, 'barrier:merge', { sourceId: b3.id, targetId: b2.id }));
  await w.goToPhase('stemmen');
  await ok(ask(p1.socket, 'vote:cast', { opId: `${title}-vote-01`.replace(/\W/g, 'x'), barrierId: b2.id }));
  await ok(ask(p1.socket, 'vote:cast', { opId: `${title}-vote-02`.replace(/\W/g, 'x'), barrierId: b2.id }));
  await ok(ask(p2.socket, 'vote:cast', { opId: `${title}-vote-03`.replace(/\W/g, 'x'), barrierId: b1.id }));
  await w.goToPhase('voorstellen');
  const prop = await ok(
    ask<AckResult<{ id: string }>>(p1.socket, 'proposal:add', { barrierId: b1.id, text: 'Netbeheerder uitnodigen', kind: 'versnellen', owner: 'Stuurgroep', dueDate: '2027-03-01' }),
  );
  await ok(ask(p2.socket, 'alarm:raise', { targetType: 'proposal', targetId: prop.id, reason: 'Geen trekker' }));
  await w.api.post(`/api/workshops/${w.workshop.id}/finish`);
  return w.workshop.id;
}

async function exportOf(api: ApiClient, id: string): Promise<WorkshopExport> {
  const res = await api.get<WorkshopExport>(`/api/workshops/${id}/export?format=json`);
  expect(res.status).toBe(200);
  return { ...res.body, exportedAt: '' } as WorkshopExport;
}

/** Everything a facilitator can read about the installation, for comparison. */
async function everything(api: ApiClient, ids: string[]) {
  const search = async (q: string) =>
    (await api.get<SearchResult>(`/api/knowledge/search?q=${encodeURIComponent(q)}`)).body.hits.map((h) => `${h.type}:${h.itemId}`).sort();
  return {
    exports: await Promise.all(ids.map((id) => exportOf(api, id))),
    workshops: (await api.get('/api/knowledge/workshops')).body,
    register: (await api.get('/api/register')).body,
    ledger: (await api.get('/api/knowledge/barriers')).body,
    tracker: (await api.get('/api/knowledge/proposals')).body,
    search: await Promise.all(['cafe', 'netcongestie', 'een loket', 'procedures', 'duurzaamheid ruimte', 'stuurgroep'].map(search)),
  };
}

/** After the workshop and sign-in (issues 17, 16): what an owner, the public and an account see. */
interface AfterTheWorkshop {
  ownerToken: string;
  pageToken: string;
  proposalId: string;
  oidc: { issuer: string; subject: string; name: string; email: string; roles: ('facilitator' | 'member' | 'admin')[] };
}

async function seedAfterTheWorkshop(server: TestServer, api: ApiClient): Promise<AfterTheWorkshop> {
  const { proposals } = (await api.get<{ proposals: TrackedProposal[] }>('/api/knowledge/proposals')).body;
  const proposalId = proposals[0]!.id;
  const link = await api.post<OwnerLinkCreated>(`/api/knowledge/proposals/${proposalId}/owner-link`, { owner: 'Directeur Ruimte' });
  expect(link.status).toBe(201);
  const ownerToken = link.body.path.split('#')[1]!;
  const owner = new ApiClient(server.url, { authorization: `Bearer ${ownerToken}` });
  expect((await owner.post('/api/owner/progress', { status: 'in-uitvoering', note: 'Eerste overleg gepland' })).status).toBe(201);
  expect((await owner.post('/api/owner/progress', { dueDate: '2027-06-01', dueReason: 'Netbeheerder pas in mei', note: '' })).status).toBe(201);
  expect((await api.post(`/api/knowledge/proposals/${proposalId}/progress`, { note: 'Afgesproken in de stuurgroep' })).status).toBe(201);
  const page = await api.post<{ path: string }>('/api/knowledge/progress-pages', { audience: 'link', scope: 'all' });
  expect(page.status).toBe(201);
  expect((await api.post('/api/knowledge/progress-pages', { audience: 'employees' })).status).toBe(201);
  // An account that signs in through OpenID Connect (issuer + subject), with a role from its groups.
  const oidc = { issuer: 'https://login.lochem.example', subject: 'sub-4711', name: 'Olga Organisatie', email: 'olga@lochem.example', roles: ['member' as const] };
  expect(await server.app.storage.upsertOidcAccount(oidc, 'oidcaccount00001', Date.now())).toMatchObject({ id: 'oidcaccount00001', roles: ['member'] });
  return { ownerToken, pageToken: page.body.path.split('/').pop()!, proposalId, oidc };
}

async function afterTheWorkshop(server: TestServer, api: ApiClient, seeded: AfterTheWorkshop) {
  const anyone = new ApiClient(server.url);
  const ownerAction = await new ApiClient(server.url, { authorization: `Bearer ${seeded.ownerToken}` }).get<OwnerAction>('/api/owner/action');
  const publicPage = await anyone.get(`/api/public/progress/${seeded.pageToken}`);
  const employeesPage = await api.get('/api/progress-page');
  expect([ownerAction.status, publicPage.status, employeesPage.status]).toEqual([200, 200, 200]);
  // The report carries the moment it was made; the rest must match.
  const withoutTime = (body: unknown) => JSON.parse(JSON.stringify(body).replace(/"generatedAt":\s*("[^"]*"|\d+)/g, '"generatedAt":0')) as unknown;
  return {
    followUp: (await api.get<ProposalFollowUp>(`/api/knowledge/proposals/${seeded.proposalId}/follow-up`)).body,
    ownerAction: ownerAction.body,
    publicPage: withoutTime(publicPage.body),
    employeesPage: withoutTime(employeesPage.body),
    pages: (await api.get('/api/knowledge/progress-pages')).body,
  };
}

/** Every table's row count: SQLite's tables (without the FTS5 index, which PostgreSQL builds its own way). */
async function rowCounts(target: { engine: 'sqlite' | 'postgres'; dataDir: string; databaseUrl: string }, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = Number((await sqlRows<{ n: number | string }>(target, `SELECT count(*) AS n FROM "${t}"`))[0]!.n);
  return counts;
}

const ACCOUNTS_SQL = 'SELECT id, name, email, password_hash, created_at, roles, oidc_issuer, oidc_subject FROM accounts ORDER BY id';
/** The accounts as stored (a plain pg client reads BIGINT as text). */
const accountRows = async (target: Parameters<typeof sqlRows>[0]) =>
  (await sqlRows<Record<string, unknown>>(target, ACCOUNTS_SQL)).map((a) => ({ ...a, created_at: Number(a.created_at) }));

describe('migrating an SQLite installation to PostgreSQL', () => {
  it('copies everything: every export, the register, ledger, tracker and search are identical afterwards', async () => {
    const sqlite = await startServer({ engine: 'sqlite' });
    stops.push(() => sqlite.stop());
    const docs: DocClient[] = [];
    stops.push(() => docs.forEach((d) => d.destroy()));
    const ids = [await runWorkshop(sqlite, 'Voorjaar 2026', docs), await runWorkshop(sqlite, 'Najaar 2026', docs)];
    const api = await facilitatorClient(sqlite.url);
    // The same drempel in both workshops: linked in the ledger.
    const { suggestions } = (await api.get<Ledger>('/api/knowledge/barriers')).body;
    const same = suggestions.find((s) => s.a.text === 'Netcongestie')!;
    expect((await api.post('/api/knowledge/barriers/link', { barrierIds: [same.a.barrierId, same.b.barrierId] })).status).toBe(200);
    for (const d of docs.splice(0)) d.destroy();
    const seeded = await seedAfterTheWorkshop(sqlite, api);
    const before = await everything(api, ids);
    const followBefore = await afterTheWorkshop(sqlite, api, seeded);
    expect(followBefore.followUp.history.length).toBeGreaterThanOrEqual(3);
    expect(followBefore.ownerAction).toMatchObject({ proposal: { status: 'in-uitvoering' } });
    const sqliteTarget = { engine: 'sqlite' as const, dataDir: sqlite.dataDir, databaseUrl: '' };
    expect(before.exports.map((e) => e.cards.length)).toEqual([2, 2]);
    expect((before.ledger as Ledger).groups).toHaveLength(1);
    expect(before.search.every((hits) => hits.length > 0)).toBe(true);
    // Stop the server: the copy is taken from a file nobody writes to.
    await sqlite.app.close();
    const tables = (
      await sqlRows<{ name: string }>(
        sqliteTarget,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' ORDER BY name",
      )
    ).map((t) => t.name);
    for (const t of ['owner_links', 'proposal_progress', 'progress_pages', 'accounts']) expect(tables).toContain(t);
    const countsBefore = await rowCounts(sqliteTarget, tables);
    expect(countsBefore).toMatchObject({ owner_links: 1, proposal_progress: followBefore.followUp.history.length, progress_pages: 2, accounts: 2 });
    const accountsBefore = await accountRows(sqliteTarget);
    expect(accountsBefore.map((a) => (a as { roles?: unknown }).roles)).toContain('member');

    const database: TestDatabase = await createTestDatabase();
    stops.push(() => database.drop());
    const result = await migrateSqliteToPostgres(sqlite.dataDir, database.url);
    expect(result.rows.workshops).toBe(2);
    expect(result.rows.votes).toBe(6);
    expect(result.searchItems).toBeGreaterThan(0);

    const pgTarget = { engine: 'postgres' as const, dataDir: '', databaseUrl: database.url };
    expect(await rowCounts(pgTarget, tables)).toEqual(countsBefore);
    expect(await accountRows(pgTarget)).toEqual(accountsBefore);

    const pg = await startServer({ engine: 'postgres', databaseUrl: database.url });
    stops.push(() => pg.app.close());
    const pgApi = await facilitatorClient(pg.url);
    const after = await everything(pgApi, ids);
    // The owner's link, the history, both pages: the same after the move.
    expect(await afterTheWorkshop(pg, pgApi, seeded)).toEqual(followBefore);
    // The OpenID Connect identity is the same account on PostgreSQL: a later sign-in finds it, roles and all.
    expect(await pg.app.storage.upsertOidcAccount(seeded.oidc, 'oidcaccount00002', Date.now())).toMatchObject({ id: 'oidcaccount00001', roles: ['member'] });
    expect(after.exports).toEqual(before.exports);
    expect(JSON.stringify(after.exports)).toBe(JSON.stringify(before.exports));
    expect(after.workshops).toEqual(before.workshops);
    expect(after.register).toEqual(before.register);
    expect(after.ledger).toEqual(before.ledger);
    expect(after.tracker).toEqual(before.tracker);
    expect(after.search).toEqual(before.search);

    // The boards live on: a new client gets the stored cards.
    const fac = await facilitatorClient(pg.url);
    const board = await connectedDoc(pg.wsUrl, ids[0]!, { headers: { cookie: fac.cookie, origin: pg.url } });
    expect(readCards(board.doc).map((c) => c.title).sort()).toEqual(['Café-terrassen', 'Duurzaamheid']);
    board.destroy();

    // A second run refuses: the target is not empty any more.
    await expect(migrateSqliteToPostgres(sqlite.dataDir, database.url)).rejects.toThrow(/niet leeg/);
  });

  it('runs as npm run migrate:postgres and says what it copied', async () => {
    const sqlite = await startServer({ engine: 'sqlite' });
    stops.push(() => sqlite.stop());
    await facilitatorClient(sqlite.url);
    await sqlite.app.close();
    const database = await createTestDatabase();
    stops.push(() => database.drop());
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.resolve('server/ops/migrate-postgres-cli.ts'), '--from', sqlite.dataDir, '--to', database.url], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });
    expect(out).toMatch(/accounts: 1/);
    expect(out).toMatch(/Overgezet: \d+ rijen/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, moveCard, readCards, setCardTarget } from '../../shared/board';
import type { WorkshopExport } from '../../shared/export';
import type {
  Comparison,
  KnowledgeWorkshop,
  Ledger,
  RegisterDetail,
  RegisterEntry,
  SearchResult,
  TrackedProposal,
} from '../../shared/knowledge';
import { MATCH_END, MATCH_START } from '../../shared/knowledge';
import type { AckResult, WorkshopDetail } from '../../shared/protocol';
import { DATABASE_FILE } from '../../server/storage/sqlite';
import { ApiClient } from '../helpers/api';
import { sqlRows } from '../helpers/engine';
import { ask, connectedDoc, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';
import { workshopWithFacilitator } from '../helpers/workshop';

let server: TestServer;
const docs: DocClient[] = [];
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const d of docs.splice(0)) d.destroy();
  for (const c of cleanups) c();
  await server.stop();
});

type W = Awaited<ReturnType<typeof workshopWithFacilitator>>;

async function newWorkshop(title: string): Promise<W> {
  const w = await workshopWithFacilitator(server, title);
  cleanups.push(() => w.closeAll());
  return w;
}

async function board(w: W): Promise<DocClient> {
  const d = await connectedDoc(server.wsUrl, w.workshop.id, { headers: { cookie: w.api.cookie, origin: server.url } });
  docs.push(d);
  return d;
}

async function ok<T>(res: Promise<AckResult<T>>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r as T;
}

const search = async (api: ApiClient, q: string, type?: string) =>
  (await api.get<SearchResult>(`/api/knowledge/search?q=${encodeURIComponent(q)}${type ? `&type=${type}` : ''}`)).body;
const plain = (s: string) => s.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '');

describe('register, history and comparison', () => {
  it('prepares a workshop from the register, and shows the entry\'s positions across two workshops', async () => {
    const first = await newWorkshop('Voorjaarssessie 2025');
    const added = await first.api.post<{ cardIds: string[] }>(`/api/workshops/${first.workshop.id}/cards`, {
      cards: [
        { kind: 'domain', title: 'Sociaal domein', department: 'Samenleving' },
        { kind: 'project', title: 'Omgevingsvisie' },
      ],
    });
    expect(added.status).toBe(201);
    expect(added.body.cardIds).toHaveLength(2);
    const register = (await first.api.get<{ entries: RegisterEntry[] }>('/api/register')).body.entries;
    const sociaal = register.find((e) => e.title === 'Sociaal domein')!;
    expect(sociaal).toMatchObject({ kind: 'domain', department: 'Samenleving' });

    // New entries start unplaced (in the tray); place and target them (as the facilitator would by dragging).
    const d1 = await board(first);
    await eventually(() => readCards(d1.doc).length === 2);
    expect(readCards(d1.doc).map((c) => c.pos)).toEqual([null, null]);
    const card1 = readCards(d1.doc).find((c) => c.title === 'Sociaal domein')!;
    expect(card1.registerId).toBe(sociaal.id);
    moveCard(d1.doc, card1.id, { x: 0.2, y: 0.2 });
    moveCard(d1.doc, readCards(d1.doc).find((c) => c.title === 'Omgevingsvisie')!.id, { x: 0.6, y: 0.7 });
    setCardTarget(d1.doc, card1.id, { x: 0.8, y: 0.3 });
    await first.api.post(`/api/workshops/${first.workshop.id}/finish`);

    // The next workshop picks the same entry; it starts where it stood last time.
    const second = await newWorkshop('Najaarssessie 2025');
    await second.api.post(`/api/workshops/${second.workshop.id}/cards`, { registerIds: [sociaal.id] });
    const d2 = await board(second);
    await eventually(() => readCards(d2.doc).length === 1);
    const card2 = readCards(d2.doc)[0]!;
    expect(card2).toMatchObject({ registerId: sociaal.id, pos: { x: 0.2, y: 0.2 } });
    moveCard(d2.doc, card2.id, { x: 0.75, y: 0.25 });

    const detail = await eventually(async () => {
      const res = (await second.api.get<RegisterDetail>(`/api/register/${sociaal.id}`)).body;
      expect(res.history.map((h) => [h.workshopTitle, h.now.x])).toEqual([
        ['Voorjaarssessie 2025', 0.2],
        ['Najaarssessie 2025', 0.75],
      ]);
      return res;
    });
    expect(detail.history[0]!.target).toEqual({ x: 0.8, y: 0.3 });
    expect(detail.entry.workshopCount).toBe(2);

    const cmp = (await second.api.get<Comparison>(`/api/knowledge/compare?from=${first.workshop.id}&to=${second.workshop.id}`)).body;
    const moved = cmp.movements.find((m) => m.registerId === sociaal.id)!;
    expect(moved.moved).toBeCloseTo(Math.hypot(0.55, 0.05), 5);
    expect(moved.quadrantChanged).toBe(true);
    // Omgevingsvisie was only in the first workshop: listed last, without a move.
    expect(cmp.movements.at(-1)).toMatchObject({ title: 'Omgevingsvisie', moved: null, to: null });
  });

  it('registers cards that participants added once the workshop is finished, matching titles without accents', async () => {
    const w = await newWorkshop('Registreren bij afronden');
    const d = await board(w);
    addCard(d.doc, { kind: 'project', title: 'Café-terrassen', x: 0.3, y: 0.3 });
    addCard(d.doc, { kind: 'domain', title: 'sociaal  DOMEIN', x: 0.3, y: 0.3 });
    await w.api.post(`/api/workshops/${w.workshop.id}/finish`);
    const entries = (await w.api.get<{ entries: RegisterEntry[] }>('/api/register')).body.entries;
    expect(entries.filter((e) => e.title === 'Café-terrassen')).toHaveLength(1);
    // Same kind and title, other case and spacing: the existing entry, not a second one.
    expect(entries.filter((e) => e.title.toLowerCase().includes('sociaal'))).toHaveLength(1);
  });
});

describe('unplaced cards (in the tray)', () => {
  it('count in no quadrant: searchable but without history until placed; exports mark them; import and duplicate keep them unplaced', async () => {
    const w = await newWorkshop('Bak met kaarten');
    const d = await board(w);
    // Made one ms apart: cards made in the same ms are ordered by their random id.
    const madeAt = Date.now();
    const placed = addCard(d.doc, { kind: 'domain', title: 'Qwvgeplaatst', x: 0.8, y: 0.2 }, madeAt);
    const waiting = addCard(d.doc, { kind: 'project', title: 'Qwvwachtend' }, madeAt + 1);
    const exportOf = async (id: string) => (await w.api.get<WorkshopExport>(`/api/workshops/${id}/export?format=json`)).body;
    const model = await eventually(async () => {
      const m = await exportOf(w.workshop.id);
      expect(m.cards).toHaveLength(2);
      return m;
    });
    expect(model.version).toBe(2);
    expect(model.cards.map((c) => [c.title, c.x, c.y])).toEqual([
      ['Qwvgeplaatst', 0.8, 0.2],
      ['Qwvwachtend', null, null],
    ]);
    const md = await w.api.get<string>(`/api/workshops/${w.workshop.id}/export?format=md`);
    // The section starts with its note (exports: unplaced cards count in no quadrant), then the cards.
    expect(md.body).toMatch(/### Nog niet geplaatst\n\n[^\n#-][^\n]*\n\n- \*\*2\. Qwvwachtend\*\*/);
    expect(md.body).not.toMatch(/### Manoeuvres in de Markt\n\n[^#]*Qwvwachtend/);

    // Both can be found; the workshop list counts both cards.
    await eventually(async () => expect((await search(w.api, 'qwvwachtend')).hits).toHaveLength(1));
    expect((await search(w.api, 'qwvgeplaatst')).hits).toHaveLength(1);

    // Import and duplicate keep the card in the tray.
    const imported = await w.api.post<WorkshopDetail>('/api/workshops/import', model);
    expect(imported.status).toBe(201);
    expect((await exportOf(imported.body.id)).cards.map((c) => [c.title, c.x])).toEqual([
      ['Qwvgeplaatst', 0.8],
      ['Qwvwachtend', null],
    ]);
    // A version 1 file (before unplaced cards existed) still imports.
    const v1 = { ...model, version: 1, cards: model.cards.filter((c) => c.x !== null) };
    expect((await w.api.post<WorkshopDetail>('/api/workshops/import', v1)).status).toBe(201);
    // Half a position is refused.
    const half = { ...model, cards: model.cards.map((c) => ({ ...c, y: 0.5 })) };
    expect((await w.api.post('/api/workshops/import', half)).status).toBe(400);

    // Finishing registers both; the unplaced one has no history (it stood in no quadrant).
    await w.api.post(`/api/workshops/${w.workshop.id}/finish`);
    const entries = (await w.api.get<{ entries: RegisterEntry[] }>('/api/register')).body.entries;
    const historyOf = async (title: string) =>
      (await w.api.get<RegisterDetail>(`/api/register/${entries.find((e) => e.title === title)!.id}`)).body.history;
    expect((await historyOf('Qwvgeplaatst')).map((h) => h.now)).toEqual([{ x: 0.8, y: 0.2 }]);
    expect(await historyOf('Qwvwachtend')).toEqual([]);
    const copy = await w.api.post<WorkshopDetail>(`/api/workshops/${w.workshop.id}/duplicate`, { title: 'Vervolg bak' });
    expect(copy.status).toBe(201);
    const copied = await exportOf(copy.body.id);
    expect(copied.cards.map((c) => [c.title, c.x])).toEqual([
      ['Qwvgeplaatst', 0.8],
      ['Qwvwachtend', null],
    ]);
    const dc = await connectedDoc(server.wsUrl, copy.body.id, { headers: { cookie: w.api.cookie, origin: server.url } });
    docs.push(dc);
    await eventually(() => readCards(dc.doc).length === 2);
    const toPlace = readCards(dc.doc).find((c) => c.title === 'Qwvwachtend')!;
    moveCard(dc.doc, toPlace.id, { x: 0.1, y: 0.9 });
    // Placed in the copy: now it has a history row there, and only there.
    await eventually(async () => expect((await historyOf('Qwvwachtend')).map((h) => [h.workshopTitle, h.now])).toEqual([['Vervolg bak', { x: 0.1, y: 0.9 }]]), {
      timeoutMs: 15_000,
    });
    expect([placed, waiting].every(Boolean)).toBe(true);
  });
});

describe('search', () => {
  let w: W;
  beforeAll(async () => {
    w = await newWorkshop('Werksessie Wonen en Zorg');
    const p = await w.participant('Piet');
    await w.goToPhase('drempels');
    await ok(ask(p.socket, 'barrier:add', { text: 'Subsidieregeling voor café-terrassen is te ingewikkeld', cardIds: [] }));
    await ok(ask(p.socket, 'barrier:add', { text: 'Geen één loket voor inwoners', cardIds: [] }));
    await ok(ask(p.socket, 'barrier:add', { text: 'Woningbouw gaat te traag', cardIds: [] }));
    await ok(ask(w.facilitator.socket, 'barrier:add', { text: 'Drempel in de regels', cardIds: [] }));
    await ok(ask(w.facilitator.socket, 'barrier:add', { text: 'Onduidelijke rollen', cardIds: [] }));
    await ok(ask(w.facilitator.socket, 'barrier:add', { text: 'Het mandaat van de regisseur is te smal', cardIds: [] }));
    await ok(ask(w.facilitator.socket, 'barrier:add', { text: 'Coördinatie tussen afdelingen ontbreekt', cardIds: [] }));
    const d = await board(w);
    addCard(d.doc, { kind: 'project', title: 'Regels vereenvoudigen', department: 'Drempels en loketten', x: 0.3, y: 0.3 });
  });

  it('ignores accents and case: "cafe" finds "café", "EEN LOKET" finds "één loket"', async () => {
    const cafe = await search(w.api, 'cafe');
    expect(cafe.hits.map((h) => plain(h.title))).toContain('Subsidieregeling voor café-terrassen is te ingewikkeld');
    const loket = await search(w.api, 'EEN LOKET');
    expect(loket.hits[0]).toMatchObject({ type: 'barrier', workshopId: w.workshop.id, workshopTitle: 'Werksessie Wonen en Zorg' });
    expect(loket.hits[0]!.title).toContain(`${MATCH_START}één${MATCH_END}`);
  });

  it('finds Dutch word forms: plural to singular, and a word inside a compound start', async () => {
    expect((await search(w.api, 'woningen')).hits.map((h) => plain(h.title))).toContain('Woningbouw gaat te traag');
    expect((await search(w.api, 'subsidies')).hits).toHaveLength(1);
    const drempels = await search(w.api, 'drempels', 'barrier');
    expect(drempels.hits.map((h) => plain(h.title))).toEqual(['Drempel in de regels']);
  });

  it('stems with Snowball: "mandaten" finds "mandaat", "coordinatie" finds "coördinatie"', async () => {
    expect((await search(w.api, 'mandaten')).hits.map((h) => plain(h.title))).toEqual(['Het mandaat van de regisseur is te smal']);
    expect((await search(w.api, 'coordinatie')).hits.map((h) => plain(h.title))).toEqual(['Coördinatie tussen afdelingen ontbreekt']);
    expect((await search(w.api, 'mandaat')).hits).toHaveLength(1);
  });

  it('ranks a match in the title above one in the details, and covers cards, barriers and workshop titles', async () => {
    const hits = (await eventually(async () => {
      const r = await search(w.api, 'drempel');
      expect(r.hits.some((h) => h.type === 'card')).toBe(true);
      return r;
    })).hits;
    // The barrier says "Drempel" in its text; the card only in its department.
    expect(hits[0]).toMatchObject({ type: 'barrier' });
    const card = hits.find((h) => h.type === 'card')!;
    expect(plain(card.title)).toBe('Regels vereenvoudigen');
    expect(card.snippet).toContain(`${MATCH_START}Drempels${MATCH_END}`);
    expect((await search(w.api, 'zorg', 'workshop')).hits[0]).toMatchObject({ type: 'workshop', itemId: w.workshop.id });
  });

  it('treats FTS syntax in the query as plain words and refuses an empty query', async () => {
    for (const q of ['"', 'NEAR(', 'a OR b*', '-', '^*:']) {
      const res = await w.api.get<SearchResult>(`/api/knowledge/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect((await w.api.get('/api/knowledge/search?q=')).status).toBe(400);
  });
});

describe('finished workshops, duplicates, ledger and tracker', () => {
  it('makes a finished workshop read-only for everyone, and lets it be duplicated', async () => {
    const w = await newWorkshop('Afgeronde sessie');
    const p = await w.participant();
    const d = await board(w);
    const cardId = addCard(d.doc, { kind: 'domain', title: 'Economie', x: 0.5, y: 0.5 });
    await eventually(async () => (await w.api.get<{ workshops: KnowledgeWorkshop[] }>('/api/knowledge/workshops')).body.workshops.find((x) => x.id === w.workshop.id)!.cardCount === 1);
    expect((await w.api.post(`/api/workshops/${w.workshop.id}/finish`)).status).toBe(204);

    const refused = await ask<AckResult<unknown>>(p.socket, 'barrier:add', { text: 'Te laat', cardIds: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'WORKSHOP_FINISHED' } });
    const facRefused = await ask<AckResult<unknown>>(w.facilitator.socket, 'phase:go', { phaseId: 'stemmen' });
    expect(facRefused).toMatchObject({ ok: false, error: { code: 'WORKSHOP_FINISHED' } });
    // Even the facilitator's board write is undone.
    moveCard(d.doc, cardId, { x: 0.9, y: 0.9 });
    await eventually(() => readCards(d.doc)[0]!.pos?.x === 0.5);

    const list = (await w.api.get<{ workshops: KnowledgeWorkshop[] }>('/api/knowledge/workshops')).body.workshops;
    expect(list.find((x) => x.id === w.workshop.id)).toMatchObject({ finishedAt: expect.any(Number), participantCount: 1, mine: true });

    const copy = await w.api.post<WorkshopDetail>(`/api/workshops/${w.workshop.id}/duplicate`, { title: 'Vervolgsessie' });
    expect(copy.status).toBe(201);
    const d2 = await connectedDoc(server.wsUrl, copy.body.id, { headers: { cookie: w.api.cookie, origin: server.url } });
    docs.push(d2);
    expect(readCards(d2.doc).map((c) => c.title)).toEqual(['Economie']);
    // The copy is open again.
    moveCard(d2.doc, readCards(d2.doc)[0]!.id, { x: 0.1, y: 0.1 });
    await eventually(async () => {
      const r = (await w.api.get<{ workshops: KnowledgeWorkshop[] }>('/api/knowledge/workshops')).body.workshops;
      return r.find((x) => x.id === copy.body.id)!.finishedAt === null;
    });
    expect((await w.api.post(`/api/workshops/${w.workshop.id}/reopen`)).status).toBe(204);
    // Reopened, but still locked (finishing locks the board): the facilitator decides when it opens.
    expect(await ask<AckResult<unknown>>(p.socket, 'barrier:add', { text: 'Weer open', cardIds: [] })).toMatchObject({ ok: false, error: { code: 'BOARD_LOCKED' } });
  });

  it('links recurring barriers across workshops, suggests look-alikes, and shows votes over time', async () => {
    const a = await newWorkshop('Ledger A');
    const b = await newWorkshop('Ledger B');
    const ids: string[] = [];
    for (const w of [a, b]) {
      await w.goToPhase('drempels');
      const r = await ok(ask<AckResult<{ id: string }>>(w.facilitator.socket, 'barrier:add', { text: 'Te weinig ambtelijke capaciteit voor regie', cardIds: [] }));
      ids.push(r.id);
    }
    const p = await a.participant();
    await a.goToPhase('stemmen');
    await ok(ask(p.socket, 'vote:cast', { opId: 'ledger-vote-1', barrierId: ids[0] }));

    const ledger = (await a.api.get<Ledger>('/api/knowledge/barriers')).body;
    const suggestion = ledger.suggestions.find((s) => [s.a.barrierId, s.b.barrierId].sort().join() === [...ids].sort().join());
    expect(suggestion?.similarity).toBe(1);

    const link = await a.api.post<{ ledgerId: string }>('/api/knowledge/barriers/link', { barrierIds: ids });
    expect(link.status).toBe(200);
    const linked = (await a.api.get<Ledger>('/api/knowledge/barriers')).body;
    const group = linked.groups.find((g) => g.ledgerId === link.body.ledgerId)!;
    expect(group.barriers.map((x) => [x.workshopTitle, x.votes])).toEqual([
      ['Ledger A', 1],
      ['Ledger B', 0],
    ]);
    expect(group.totalVotes).toBe(1);
    // Linked pairs are no longer suggested.
    expect(linked.suggestions.some((s) => ids.includes(s.a.barrierId) && ids.includes(s.b.barrierId))).toBe(false);
    expect((await a.api.post('/api/knowledge/barriers/unlink', { barrierId: ids[0] })).status).toBe(204);
    // A group of one dissolves.
    expect((await a.api.get<Ledger>('/api/knowledge/barriers')).body.groups.some((g) => g.ledgerId === link.body.ledgerId)).toBe(false);
  });

  it('tracks proposals across workshops: filters, a late status change reaching the live room, and review in the next Welkom', async () => {
    const w = await newWorkshop('Tracker sessie');
    await w.api.post(`/api/workshops/${w.workshop.id}/cards`, { cards: [{ kind: 'domain', title: 'Mobiliteit' }] });
    const d = await board(w);
    await eventually(() => readCards(d.doc).length === 1);
    const cardId = readCards(d.doc)[0]!.id;
    await w.goToPhase('voorstellen');
    const late = await ok(ask<AckResult<{ id: string }>>(w.facilitator.socket, 'proposal:add', { cardId, text: 'Busverbinding herzien', kind: 'versnellen', owner: 'Team Verkeer', dueDate: '2020-01-31' }));
    await ok(ask(w.facilitator.socket, 'proposal:add', { cardId, text: 'Fietspadenplan', kind: 'verdiepen', owner: 'Wethouder', dueDate: '2999-12-31' }));
    const alarm = await ok(ask<AckResult<{ id: string }>>(w.facilitator.socket, 'alarm:raise', { targetType: 'proposal', targetId: late.id, reason: 'Budget ontbreekt' }));
    await ok(ask(w.facilitator.socket, 'alarm:decide', { alarmId: alarm.id, status: 'confirmed' }));

    const overdue = (await w.api.get<{ proposals: TrackedProposal[] }>('/api/knowledge/proposals?overdue=true')).body.proposals;
    expect(overdue.map((p) => p.text)).toEqual(['Busverbinding herzien']);
    expect(overdue[0]).toMatchObject({ cardTitle: 'Mobiliteit', alarms: ['Budget ontbreekt'], workshopTitle: 'Tracker sessie' });
    const byOwner = (await w.api.get<{ proposals: TrackedProposal[] }>('/api/knowledge/proposals?owner=wethouder')).body.proposals;
    expect(byOwner.map((p) => p.text)).toEqual(['Fietspadenplan']);

    const patched = await w.api.request<{ proposal: TrackedProposal }>('PATCH', `/api/knowledge/proposals/${late.id}`, { status: 'in-uitvoering' });
    expect(patched.body.proposal).toMatchObject({ status: 'in-uitvoering', overdue: true });
    await eventually(() => (w.facilitator.events.get('proposals') as { id: string; status: string }[]).find((p) => p.id === late.id)!.status === 'in-uitvoering');
    expect((await w.api.request('PATCH', `/api/knowledge/proposals/${late.id}`, { status: 'klaar' })).status).toBe(400);

    // A new workshop about Mobiliteit sees both open proposals for review.
    await w.api.post(`/api/workshops/${w.workshop.id}/finish`);
    const next = await newWorkshop('Volgende sessie');
    const entry = (await next.api.get<{ entries: RegisterEntry[] }>('/api/register')).body.entries.find((e) => e.title === 'Mobiliteit')!;
    await next.api.post(`/api/workshops/${next.workshop.id}/cards`, { registerIds: [entry.id] });
    const open = (await next.api.get<{ proposals: TrackedProposal[] }>(`/api/workshops/${next.workshop.id}/open-proposals`)).body.proposals;
    expect(open.map((p) => p.text).sort()).toEqual(['Busverbinding herzien', 'Fietspadenplan']);
    await w.api.request('PATCH', `/api/knowledge/proposals/${late.id}`, { status: 'gereed' });
    const afterDone = (await next.api.get<{ proposals: TrackedProposal[] }>(`/api/workshops/${next.workshop.id}/open-proposals`)).body.proposals;
    expect(afterDone.map((p) => p.text)).toEqual(['Fietspadenplan']);
  });
});

describe('JSON export and import', () => {
  it('imports an export into a new workshop with identical content', async () => {
    const w = await newWorkshop('Ronde trip');
    const p1 = await w.participant('Ans');
    const p2 = await w.participant('Bert');
    await ok(ask(w.facilitator.socket, 'settings:update', { named: true }));
    const d = await board(w);
    const c1 = addCard(d.doc, { kind: 'domain', title: 'Duurzaamheid', department: 'Ruimte', x: 0.3, y: 0.3 });
    const c2 = addCard(d.doc, { kind: 'project', title: 'Zonnepark', x: 0.3, y: 0.3 });
    setCardTarget(d.doc, c1, { x: 0.9, y: 0.1 });
    await eventually(async () => (await w.api.get<WorkshopExport>(`/api/workshops/${w.workshop.id}/export?format=json`)).body.cards.length === 2);
    const { roundId } = await ok(ask<AckResult<{ roundId: string }>>(w.facilitator.socket, 'round:start', { cardIds: [c1, c2], mode: 'now' }));
    await ok(ask(p1.socket, 'placement:set', { roundId, cardId: c1, x: 0.1, y: 0.2 }));
    await ok(ask(p2.socket, 'placement:set', { roundId, cardId: c1, x: 0.3, y: 0.4 }));
    await ok(ask(w.facilitator.socket, 'round:reveal', { roundId }));
    await w.goToPhase('drempels');
    const b1 = await ok(ask<AckResult<{ id: string }>>(p1.socket, 'barrier:add', { text: 'Netcongestie', cardIds: [c2] }));
    const b2 = await ok(ask<AckResult<{ id: string }>>(p2.socket, 'barrier:add', { text: 'Lange procedures', cardIds: [] }));
    await ok(ask<AckResult<{ id: string }>>(p2.socket, 'barrier:add', { text: 'Niemand stemt hierop', cardIds: [] }));
    await w.goToPhase('stemmen');
    await ok(ask(p1.socket, 'vote:cast', { opId: 'rt-vote-0001', barrierId: b2.id }));
    await ok(ask(p1.socket, 'vote:cast', { opId: 'rt-vote-0002', barrierId: b2.id }));
    await ok(ask(p2.socket, 'vote:cast', { opId: 'rt-vote-0003', barrierId: b1.id }));
    await w.goToPhase('voorstellen');
    const prop = await ok(ask<AckResult<{ id: string }>>(p1.socket, 'proposal:add', { barrierId: b1.id, text: 'Netbeheerder uitnodigen', kind: 'versnellen', owner: 'Stuurgroep', dueDate: '2027-03-01' }));
    await ok(ask(p2.socket, 'alarm:raise', { targetType: 'proposal', targetId: prop.id, reason: 'Geen trekker' }));

    const exported = await eventually(async () => {
      const res = await w.api.get<WorkshopExport>(`/api/workshops/${w.workshop.id}/export?format=json`);
      expect(res.status).toBe(200);
      expect(res.body.cards).toHaveLength(2);
      return res;
    });
    expect(res(exported.headers.get('content-disposition'))).toMatch(/^attachment; filename="regiebord-ronde-trip-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(exported.headers.get('cache-control')).toBe('no-store');
    const model = exported.body;
    expect(model.barriers.map((b) => [b.text, b.votes, b.rank])).toEqual([
      ['Lange procedures', 2, 1],
      ['Netcongestie', 1, 2],
      ['Niemand stemt hierop', 0, 3],
    ]);
    expect(model.participants).toEqual({ count: 2, names: ['Ans', 'Bert'] });
    expect(model.rounds[0]!.results[0]).toMatchObject({ cardId: c1, stats: { count: 2 } });

    const imported = await w.api.post<WorkshopDetail>('/api/workshops/import', model);
    expect(imported.status).toBe(201);
    expect(imported.body.id).not.toBe(w.workshop.id);
    const again = (await w.api.get<WorkshopExport>(`/api/workshops/${imported.body.id}/export?format=json`)).body;
    expect(canonical(again)).toEqual(canonical(model));
  });

  it('refuses a malformed or oversized import with a named error and stores nothing', async () => {
    const w = await newWorkshop('Import fouten');
    const before = (await w.api.get<{ workshops: KnowledgeWorkshop[] }>('/api/knowledge/workshops')).body.workshops.length;
    const bad = await w.api.post<{ error: { code: string } }>('/api/workshops/import', { kind: 'regiebord-workshop', version: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_PAYLOAD');
    const huge = await w.api.post<{ error: { code: string } }>('/api/workshops/import', 'x'.repeat(6 * 1024 * 1024));
    expect([400, 413]).toContain(huge.status);
    expect((await w.api.get<{ workshops: KnowledgeWorkshop[] }>('/api/knowledge/workshops')).body.workshops.length).toBe(before);
  });
});

describe('retention and deletion (AVG)', () => {
  it('hard delete leaves no row, update, token or index entry behind, and no text in the database file', async () => {
    const w = await newWorkshop('Geheimzinnige zqxwerksessie');
    const p = await w.participant('Zqxdeelnemer');
    const d = await board(w);
    addCard(d.doc, { kind: 'domain', title: 'Zqxdomein', description: 'zqxuitleg', x: 0.3, y: 0.3 });
    await w.goToPhase('drempels');
    const b = await ok(ask<AckResult<{ id: string }>>(p.socket, 'barrier:add', { text: 'Zqxdrempel', cardIds: [] }));
    await w.goToPhase('stemmen');
    await ok(ask(p.socket, 'vote:cast', { opId: 'del-vote-001', barrierId: b.id }));
    await w.goToPhase('voorstellen');
    await ok(ask(p.socket, 'proposal:add', { barrierId: b.id, text: 'Zqxvoorstel', kind: 'verdiepen', owner: 'Zqxeigenaar' }));
    await eventually(async () => (await search(w.api, 'zqxdomein')).hits.length === 1);
    expect((await search(w.api, 'zqxdrempel')).hits).toHaveLength(1);

    const refused = await w.api.request<{ error: { code: string } }>('DELETE', `/api/workshops/${w.workshop.id}`, { confirmTitle: 'Geheimzinnige' });
    expect(refused.body.error.code).toBe('CONFIRMATION_NEEDED');
    const ended = new Promise((resolve) => p.socket.once('session:ended', resolve));
    const boardClosed = new Promise<number>((resolve) => d.provider.ws?.addEventListener('close', (e) => resolve(e.code)));
    expect((await w.api.request('DELETE', `/api/workshops/${w.workshop.id}`, { confirmTitle: 'Geheimzinnige zqxwerksessie' })).status).toBe(204);
    await expect(ended).resolves.toMatchObject({ code: 'WORKSHOP_DELETED' });
    expect(await boardClosed).toBe(4411);
    d.provider.disconnect();

    // Nothing in any table mentions the workshop (or its participant), and search finds nothing.
    const tableQuery =
      server.engine === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'sqlite_%'"
        : "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'";
    const tables = (await sqlRows<{ name: string }>(server, tableQuery)).map((t) => t.name);
    const MARKERS = ['zqxwerk', 'zqxdeeln', 'zqxdom', 'zqxuitl', 'zqxdrem', 'zqxvoor', 'zqxeig'];
    expect(tables).toEqual(expect.arrayContaining(['workshops', 'participants', 'yjs_updates', 'barriers', 'votes', 'search_items']));
    for (const table of tables) {
      const rows = await sqlRows<Record<string, unknown>>(server, `SELECT * FROM "${table}"`);
      // The markers are whole word beginnings, not just 'zqx': a random id can hold three letters by chance.
      const hits = rows.filter((r) => {
        const text = JSON.stringify(r);
        const lower = text.toLowerCase();
        return text.includes(w.workshop.id) || text.includes(p.participantId) || MARKERS.some((m) => lower.includes(m));
      });
      expect(hits, table).toEqual([]);
    }
    const yjsRows = await sqlRows<{ n: number | string }>(server, `SELECT COUNT(*) AS n FROM yjs_updates WHERE workshop_id = '${w.workshop.id}'`);
    expect(Number(yjsRows[0]!.n)).toBe(0);
    if (server.engine === 'postgres') {
      // No index entry either: the words of the live rows hold no marker, and the GIN index answers nothing.
      const words = await sqlRows<{ word: string }>(server, "SELECT word FROM ts_stat('SELECT tsv FROM search_items') WHERE word LIKE 'zqx%'");
      expect(words).toEqual([]);
      const viaIndex = await sqlRows<{ n: string }>(
        server,
        "SET enable_seqscan = off; SELECT COUNT(*) AS n FROM search_items WHERE tsv @@ to_tsquery('regiebord_search', 'zqxdomein:* | zqxdrempel:* | zqxvoorstel:*')",
      );
      expect(viaIndex.map((r) => Number(r.n))).toEqual([0]);
    }
    for (const q of ['zqxdomein', 'zqxdrempel', 'zqxvoorstel', 'zqxwerksessie']) expect((await search(w.api, q)).hits, q).toEqual([]);
    expect((await w.api.get(`/api/workshops/${w.workshop.id}/report`)).status).toBe(404);
    // The participant's token opens nothing any more.
    expect((await new ApiClient(server.url).get(`/api/workshops/${w.workshop.id}`)).status).toBe(401);

    // Not even in the bytes of the database file or its write-ahead log (SQLite: secure_delete
    // zeroes freed pages). PostgreSQL has no such switch: deleteWorkshop vacuums, so no dead
    // row or index entry is left, and docs/operations.md says what that means for the disk.
    await w.api.get('/api/knowledge/workshops');
    for (const file of server.engine === 'sqlite' ? [DATABASE_FILE, `${DATABASE_FILE}-wal`] : []) {
      const full = path.join(server.dataDir, file);
      if (!fs.existsSync(full)) continue;
      const bytes = fs.readFileSync(full);
      for (const marker of ['zqxdomein', 'Zqxdrempel', 'Zqxvoorstel', 'zqxwerksessie', 'Zqxdeelnemer', 'zqxuitleg']) {
        expect(bytes.includes(Buffer.from(marker)), `${marker} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(marker.toLowerCase())), `${marker} (folded) in ${file}`).toBe(false);
      }
    }
  });

  it('deletes workshops past their retention date in the daily job, and keeps the others', async () => {
    const old = await newWorkshop('Verlopen sessie');
    const kept = await newWorkshop('Bewaarde sessie');
    expect((await old.api.request('PATCH', `/api/workshops/${old.workshop.id}`, { retentionUntil: Date.now() - 1000 })).status).toBe(204);
    const list = (await old.api.get<{ workshops: KnowledgeWorkshop[] }>('/api/knowledge/workshops')).body.workshops;
    const keptRow = list.find((x) => x.id === kept.workshop.id)!;
    // The default: two years (730 days) after the workshop.
    expect(keptRow.retentionUntil - keptRow.createdAt).toBe(730 * 24 * 60 * 60 * 1000);
    const deleted = await server.app.lifecycle.runRetention();
    expect(deleted).toBe(1);
    const after = (await old.api.get<{ workshops: KnowledgeWorkshop[] }>('/api/knowledge/workshops')).body.workshops.map((x) => x.id);
    expect(after).not.toContain(old.workshop.id);
    expect(after).toContain(kept.workshop.id);
  });

  it('pseudonymises participants: names gone, content kept', async () => {
    const w = await newWorkshop('Pseudoniem');
    await ok(ask(w.facilitator.socket, 'settings:update', { named: true }));
    const p = await w.participant('Karin Jansen');
    await w.goToPhase('drempels');
    await ok(ask(p.socket, 'barrier:add', { text: 'Inhoud blijft', cardIds: [] }));
    expect((await w.api.get<WorkshopExport>(`/api/workshops/${w.workshop.id}/export?format=json`)).body.barriers[0]!.authorName).toBe('Karin Jansen');
    expect((await w.api.post(`/api/workshops/${w.workshop.id}/pseudonymise`)).status).toBe(204);
    const model = (await w.api.get<WorkshopExport>(`/api/workshops/${w.workshop.id}/export?format=json`)).body;
    expect(model.barriers.map((b) => [b.text, b.authorName])).toEqual([['Inhoud blijft', '']]);
    expect(model.workshop.settings.named).toBe(false);
    expect(JSON.stringify(model)).not.toContain('Karin');
    await ok(ask(w.facilitator.socket, 'settings:update', { named: true }));
    const named = (await w.api.get<WorkshopExport>(`/api/workshops/${w.workshop.id}/export?format=json`)).body;
    expect(named.participants.names).toEqual(['Deelnemer 1']);
  });
});

function res(v: string | null): string {
  return v ?? '';
}

/** The export with ids replaced by their order of first appearance, and the export time left out. */
function canonical(model: WorkshopExport): unknown {
  const ids = new Map<string, string>();
  const walk = (v: unknown, key = ''): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (typeof v === 'string' && /^(id|.*Id|cardIds|targetId)$/.test(key) && /^[a-z0-9]{8,32}$/.test(v)) {
      if (!ids.has(v)) ids.set(v, `#${ids.size}`);
      return ids.get(v);
    }
    return v;
  };
  return walk({ ...model, exportedAt: '' });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, putCard } from '../../shared/board';
import type { WorkshopExport } from '../../shared/export';
import type { KnowledgeWorkshop, RegisterDetail } from '../../shared/knowledge';
import type { AckResult, WorkshopDetail, WorkshopState } from '../../shared/protocol';
import { ApiClient } from '../helpers/api';
import { ask, connectedDoc, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';
import { workshopWithFacilitator } from '../helpers/workshop';

/** Loose ends found running a real workshop (issue 19): the door closes, titles tell workshops apart, merged wording stays. */
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

async function board(w: W, workshopId = w.workshop.id): Promise<DocClient> {
  const d = await connectedDoc(server.wsUrl, workshopId, { headers: { cookie: w.api.cookie, origin: server.url } });
  docs.push(d);
  return d;
}

async function ok<T>(res: Promise<AckResult<T>>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r as T;
}

const listed = async (api: ApiClient) => (await api.get<{ workshops: KnowledgeWorkshop[] }>('/api/knowledge/workshops')).body.workshops;
const exportOf = async (api: ApiClient, id: string) => (await api.get<WorkshopExport>(`/api/workshops/${id}/export?format=json`)).body;

describe('finishing closes the door', () => {
  it('refuses a join to a finished workshop with WORKSHOP_FINISHED, so the exports keep their count', async () => {
    const w = await newWorkshop('Deur dicht');
    await w.participant('Eerste');
    expect((await w.api.post(`/api/workshops/${w.workshop.id}/finish`)).status).toBe(204);
    const late = await new ApiClient(server.url).post<{ error: { code: string; message: string } }>('/api/join', { code: w.workshop.joinCode, name: 'Laatkomer' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('WORKSHOP_FINISHED');
    expect(late.body.error.message).toMatch(/afgerond/);
    expect((await exportOf(w.api, w.workshop.id)).participants.count).toBe(1);
    // Reopened, the door opens again.
    expect((await w.api.post(`/api/workshops/${w.workshop.id}/reopen`)).status).toBe(204);
    expect((await new ApiClient(server.url).post('/api/join', { code: w.workshop.joinCode, name: 'Laatkomer' })).status).toBe(200);
  });
});

describe('titles tell workshops apart', () => {
  it('renames a workshop: the knowledge centre, search and connected clients follow', async () => {
    const w = await newWorkshop('Oude titel');
    const p = await w.participant();
    const res = await w.api.request('PATCH', `/api/workshops/${w.workshop.id}`, { title: '  Lochem, tweede ronde  ' });
    expect(res.status).toBe(204);
    expect((await listed(w.api)).find((x) => x.id === w.workshop.id)?.title).toBe('Lochem, tweede ronde');
    await eventually(() => expect(p.events.get<WorkshopState>('state')?.workshop.title).toBe('Lochem, tweede ronde'));
    const hits = (await w.api.get<{ hits: { itemId: string }[] }>('/api/knowledge/search?q=ronde&type=workshop')).body.hits;
    expect(hits.map((h) => h.itemId)).toContain(w.workshop.id);
    const empty = await w.api.request<{ error: { code: string } }>('PATCH', `/api/workshops/${w.workshop.id}`, { title: '   ' });
    expect(empty.body.error.code).toBe('INVALID_PAYLOAD');
    // Only the owner renames.
    const other = new ApiClient(server.url);
    expect((await other.request('PATCH', `/api/workshops/${w.workshop.id}`, { title: 'Overgenomen' })).status).toBe(401);
  });

  it('gives a copy "(kopie)" or the title asked for, and says where it came from', async () => {
    const w = await newWorkshop('Werksessie Lochem');
    const plain = await w.api.post<WorkshopDetail>(`/api/workshops/${w.workshop.id}/duplicate`, {});
    expect(plain.body.title).toBe('Werksessie Lochem (kopie)');
    const named = await w.api.post<WorkshopDetail>(`/api/workshops/${w.workshop.id}/duplicate`, { title: 'Lochem, vervolg' });
    expect(named.body.title).toBe('Lochem, vervolg');
    const list = await listed(w.api);
    expect(list.find((x) => x.id === named.body.id)?.origin).toEqual({ kind: 'copy', workshopId: w.workshop.id, title: 'Werksessie Lochem' });
    expect(list.find((x) => x.id === w.workshop.id)?.origin).toBeNull();
  });

  it('imports under a new title, and an import of a workshop still here adds nothing to a register entry\'s history', async () => {
    const w = await newWorkshop('Geschiedenis');
    const d = await board(w);
    addCard(d.doc, { kind: 'domain', title: 'Mobiliteit in de kernen' });
    await eventually(async () => expect((await exportOf(w.api, w.workshop.id)).cards).toHaveLength(1));
    expect((await w.api.post(`/api/workshops/${w.workshop.id}/finish`)).status).toBe(204);
    const model = await eventually(async () => {
      const m = await exportOf(w.api, w.workshop.id);
      expect(m.cards[0]?.registerId).toBeTruthy();
      return m;
    });
    const registerId = model.cards[0]!.registerId!;
    const historyCount = async () => (await w.api.get<RegisterDetail>(`/api/register/${registerId}`)).body.history.length;
    expect(await historyCount()).toBe(1);

    const imported = await w.api.post<WorkshopDetail>(`/api/workshops/import?title=${encodeURIComponent('Geschiedenis (kopie)')}`, model);
    expect(imported.status).toBe(201);
    expect(imported.body.title).toBe('Geschiedenis (kopie)');
    const entry = (await listed(w.api)).find((x) => x.id === imported.body.id)!;
    expect(entry.origin).toEqual({ kind: 'import', workshopId: w.workshop.id, title: 'Geschiedenis' });
    expect(entry.createdAt).toBe(model.workshop.createdAt);
    expect(await historyCount()).toBe(1);

    // Once the original is deleted, the import is the only record of it, and counts.
    expect((await w.api.request('DELETE', `/api/workshops/${w.workshop.id}`, { confirmTitle: 'Geschiedenis' })).status).toBe(204);
    expect(await historyCount()).toBe(1);
    expect((await listed(w.api)).find((x) => x.id === imported.body.id)?.origin?.workshopId).toBeNull();
  });
});

describe('merged wording is kept', () => {
  it('keeps every merged wording as a variant, for the facilitator and in the exports, and through an import', async () => {
    const w = await newWorkshop('Varianten');
    const p = await w.participant();
    await w.goToPhase('drempels');
    const add = async (text: string) => (await ok(ask<AckResult<{ id: string }>>(p.socket, 'barrier:add', { text, cardIds: [] }))).id;
    const a = await add('Geen geld voor pilots');
    const b = await add('Budget voor experimenten ontbreekt');
    const c = await add('Er is geen experimenteerbudget');
    await w.act('barrier:merge', { sourceId: a, targetId: b });
    await w.act('barrier:merge', { sourceId: b, targetId: c });
    await eventually(() => {
      const barriers = w.facilitator.events.get<{ id: string; variants: string[] }[]>('barriers')!;
      expect(barriers).toEqual([expect.objectContaining({ id: c, variants: ['Geen geld voor pilots', 'Budget voor experimenten ontbreekt'] })]);
    });
    const model = await exportOf(w.api, w.workshop.id);
    expect(model.barriers[0]!.variants).toEqual(['Geen geld voor pilots', 'Budget voor experimenten ontbreekt']);
    for (const format of ['md', 'csv'] as const) {
      const text = await (await fetch(`${server.url}/api/workshops/${w.workshop.id}/export?format=${format}${format === 'csv' ? '&table=barriers' : ''}`, { headers: { cookie: w.api.cookie } })).text();
      expect(text, format).toContain('Geen geld voor pilots');
      expect(text, format).toContain('Budget voor experimenten ontbreekt');
    }
    const imported = await w.api.post<WorkshopDetail>('/api/workshops/import', model);
    expect((await exportOf(w.api, imported.body.id)).barriers.map((x) => x.variants)).toEqual([['Geen geld voor pilots', 'Budget voor experimenten ontbreekt']]);
  });
});

describe('import keeps content byte for byte', () => {
  it('round-trips hostile white space: export → import → export is identical', async () => {
    const w = await newWorkshop('  Witruimte\t');
    const d = await board(w);
    // Written straight into the board document, as any client could.
    const hostile = ['  Voorloop en naloop  ', '\tTab\tin\tde\ttitel\t', 'Twee  spaties\u00a0en nbsp\u2003em', ' \u200bzero width '];
    hostile.forEach((title, i) =>
      putCard(d.doc, { id: `hostilecard0${i}`, kind: 'domain', title, department: ` afd\t${i} `, description: `\n regel\n\t ${i} \n`, x: 0.5, y: 0.5, target: null, registerId: null, createdAt: 1 + i }),
    );
    const first = await eventually(async () => {
      const m = await exportOf(w.api, w.workshop.id);
      expect(m.cards).toHaveLength(hostile.length);
      return m;
    });
    expect(first.cards.map((c) => c.title)).toEqual(hostile);
    const imported = await w.api.post<WorkshopDetail>(`/api/workshops/import?title=${encodeURIComponent(first.workshop.title)}`, first);
    expect(imported.status).toBe(201);
    const again = await exportOf(w.api, imported.body.id);
    expect(again.cards).toEqual(first.cards);
    expect({ ...again, exportedAt: '' }).toEqual({ ...first, exportedAt: '' });
  });
});

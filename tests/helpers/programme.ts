import { moveCard, readCards, setCardTarget } from '../../shared/board';
import type { RegisterEntry } from '../../shared/knowledge';
import type { AckResult } from '../../shared/protocol';
import { join } from './api';
import { ask, connectedDoc } from './clients';
import { eventually } from './poll';
import type { TestServer } from './server';
import { workshopWithFacilitator } from './workshop';

export interface ProgrammeSize {
  /** Workshops, one after the other, each with the same register entries. */
  workshops: number;
  /** Domains and projects on every board. */
  cards: number;
  /** Barriers per workshop; the first one is the same barrier every time (linked in the ledger). */
  barriers: number;
  /** Proposals per workshop, in every status in turn. */
  proposals: number;
  participants: number;
}

/** The seeded programme: three workshops, moved cards, a recurring barrier, every status, an alarm. */
export const SMALL_PROGRAMME: ProgrammeSize = { workshops: 3, cards: 6, barriers: 3, proposals: 4, participants: 3 };

const TOPICS = ['Energietransitie', 'Sociaal domein', 'Wonen', 'Mobiliteit', 'Dienstverlening', 'Economie', 'Cultuur', 'Onderwijs', 'Zorg', 'Veiligheid'];
const STATUSES = ['open', 'in-uitvoering', 'gereed', 'vervallen'] as const;

const ok = async <T>(res: Promise<AckResult<T>>): Promise<T> => {
  const r = await res;
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r as T;
};

/**
 * Seeds a programme of workshops through the public API, the board and the
 * control plane, as facilitators would: the same domains and projects on every
 * board (moved a little further each time, half of them with a target), a barrier
 * that comes back (linked in the ledger), proposals in every status with owners
 * and due dates (some overdue), a confirmed alarm per workshop. Returns the
 * facilitator's API client (signed in) for reading the report.
 */
export async function seedProgramme(server: TestServer, size: ProgrammeSize, titlePrefix = 'Werksessie') {
  const first = await workshopWithFacilitator(server, `${titlePrefix} 1`);
  const api = first.api;
  const cards = Array.from({ length: size.cards }, (_, i) => ({
    kind: i % 3 === 0 ? ('project' as const) : ('domain' as const),
    title: size.cards <= TOPICS.length ? TOPICS[i]! : `${TOPICS[i % TOPICS.length]} ${Math.floor(i / TOPICS.length) + 1}`,
    department: i % 2 === 0 ? 'Duurzaamheid' : 'Samenleving',
  }));
  const recurring: string[] = [];
  for (let n = 0; n < size.workshops; n++) {
    const w = n === 0 ? first : await workshopWithFacilitator(server, `${titlePrefix} ${n + 1}`);
    if (n === 0) await w.api.post(`/api/workshops/${w.workshop.id}/cards`, { cards });
    else {
      const register = (await api.get<{ entries: RegisterEntry[] }>('/api/register')).body.entries;
      const ids = cards.map((c) => register.find((e) => e.title === c.title)!.id);
      await w.api.post(`/api/workshops/${w.workshop.id}/cards`, { registerIds: ids });
    }
    for (let p = 0; p < size.participants; p++) await join(server.url, w.workshop.joinCode, `Deelnemer ${n}-${p}`);
    const d = await connectedDoc(server.wsUrl, w.workshop.id, { headers: { cookie: w.api.cookie, origin: server.url } });
    await eventually(() => readCards(d.doc).length === size.cards, { timeoutMs: 20_000 });
    readCards(d.doc).forEach((c, i) => {
      // Every workshop a step further to the right: a card crosses from a left quadrant to a right one.
      moveCard(d.doc, c.id, { x: Math.min(0.95, ((i * 0.37) % 0.45) + 0.05 + n * 0.2), y: ((i * 0.23) % 0.9) + 0.05 });
      if (i % 2 === 0) setCardTarget(d.doc, c.id, { x: 0.8, y: 0.2 });
    });
    await w.goToPhase('drempels');
    const barriers: string[] = [];
    for (let b = 0; b < size.barriers; b++) {
      const text = b === 0 ? 'Netcongestie remt zonneparken' : `Drempel ${b + 1} van werksessie ${n + 1}: regels zijn te ingewikkeld`;
      barriers.push((await ok(ask<AckResult<{ id: string }>>(w.facilitator.socket, 'barrier:add', { text, cardIds: [] }))).id);
    }
    recurring.push(barriers[0]!);
    await w.goToPhase('voorstellen');
    const proposals: string[] = [];
    for (let i = 0; i < size.proposals; i++) {
      const id = (
        await ok(
          ask<AckResult<{ id: string }>>(w.facilitator.socket, 'proposal:add', {
            barrierId: barriers[i % barriers.length],
            text: `Actiepunt ${i + 1} uit werksessie ${n + 1}`,
            kind: 'versnellen',
            owner: ['Directeur Ruimte', 'Team Subsidies', 'Afdeling Publiekszaken', 'Team Energie'][i % 4],
            dueDate: i % 5 === 0 ? '2020-01-31' : '2999-06-30',
          }),
        )
      ).id;
      proposals.push(id);
    }
    const alarm = await ok(ask<AckResult<{ id: string }>>(w.facilitator.socket, 'alarm:raise', { targetType: 'barrier', targetId: barriers[0], reason: 'De wachtlijst bij de netbeheerder groeit' }));
    await ok(ask(w.facilitator.socket, 'alarm:decide', { alarmId: alarm.id, status: 'confirmed' }));
    for (const [i, id] of proposals.entries()) {
      const status = STATUSES[i % STATUSES.length]!;
      if (status !== 'open') await w.api.request('PATCH', `/api/knowledge/proposals/${id}`, { status });
    }
    await w.api.post(`/api/workshops/${w.workshop.id}/finish`);
    d.destroy();
    w.closeAll();
  }
  if (recurring.length >= 2) {
    const linked = await api.post('/api/knowledge/barriers/link', { barrierIds: recurring });
    if (linked.status !== 200) throw new Error(`linking the recurring barrier failed: ${linked.status}`);
  }
  return { api };
}

import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCard, moveCard, readCards, setCardTarget } from '../../shared/board';
import { CLOSE_CODES } from '../../shared/errors';
import { EVENT_ROLES, type AckResult, type ControlView, type RoundView } from '../../shared/protocol';
import type { Alarm, Barrier, Proposal } from '../../shared/method';
import { ask, connectControl, connectedDoc, type DocClient } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';
import { workshopWithFacilitator } from '../helpers/workshop';

let server: TestServer;
let w: Awaited<ReturnType<typeof workshopWithFacilitator>>;
const docs: DocClient[] = [];

beforeEach(async () => {
  server = await startServer();
  w = await workshopWithFacilitator(server);
});
afterEach(async () => {
  for (const d of docs.splice(0)) d.destroy();
  w.closeAll();
  await server.stop();
});

async function board(token?: string): Promise<DocClient> {
  const d = await connectedDoc(server.wsUrl, w.workshop.id, token ? { token } : { headers: { cookie: w.api.cookie, origin: server.url } });
  docs.push(d);
  return d;
}

/** A valid-looking payload per facilitator event, so refusals are about the role, not the shape. */
const SAMPLE: Record<string, unknown> = {
  'phase:go': { phaseId: 'stemmen' },
  'phases:set': { phases: [{ id: 'x', kind: 'welkom', permissions: [] }] },
  'board:lock': { locked: true },
  'results:reveal': { revealed: true },
  'voting:close': { closed: true },
  'screen:set': { page: 1 },
  'spotlight:set': { spotlight: null },
  'trajectories:set': { trajectories: { show: 'largest' } },
  'timer:control': { action: 'start', seconds: 60 },
  'settings:update': { named: true },
  'item:remove': { type: 'barrier', id: 'aaaaaaaaaaaaaaaa' },
  'participant:remove': { participantId: 'aaaaaaaaaaaaaaaa' },
  'barrier:merge': { sourceId: 'aaaaaaaaaaaaaaaa', targetId: 'bbbbbbbbbbbbbbbb' },
  'barrier:group': { barrierIds: ['aaaaaaaaaaaaaaaa'], heading: 'Kop' },
  'alarm:decide': { alarmId: 'aaaaaaaaaaaaaaaa', status: 'confirmed' },
  'proposal:update': { id: 'aaaaaaaaaaaaaaaa', status: 'gereed' },
  'round:start': { cardIds: ['aaaaaaaaaaaaaaaa'], mode: 'now' },
  'round:reveal': { roundId: 'aaaaaaaaaaaaaaaa' },
  'round:close': { roundId: 'aaaaaaaaaaaaaaaa' },
  'round:adopt': { roundId: 'aaaaaaaaaaaaaaaa', cardId: 'aaaaaaaaaaaaaaaa' },
};

describe('facilitator controls', () => {
  it('refuses every facilitator control to a participant and to the shared screen', async () => {
    const p = await w.participant();
    const screen = await w.screen();
    const facilitatorOnly = Object.entries(EVENT_ROLES).filter(([, roles]) => roles.length === 1 && roles[0] === 'facilitator');
    expect(facilitatorOnly.length).toBe(Object.keys(SAMPLE).length);
    for (const [event] of facilitatorOnly) {
      for (const who of [p.socket, screen.socket]) {
        const res = await ask<AckResult<unknown>>(who, event, SAMPLE[event]);
        expect(res, event).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
      }
    }
    const control = await eventually(() => w.facilitator.events.get<ControlView>('control') ?? false);
    expect(control).toMatchObject({ locked: false, resultsRevealed: false, currentPhaseId: 'welkom' });
  });

  it('takes the most pages any screen measured for the same list (each screen its latest), and pages automatically from a shared clock', async () => {
    const p = await w.participant();
    const screen = await w.screen();
    const refused = await ask<AckResult<unknown>>(p.socket, 'screen:measured', { list: 'barriers:all:10', pages: 3, screen: 'a' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const bad = await ask<AckResult<unknown>>(screen.socket, 'screen:measured', { list: 'barriers:all:10', pages: 0, screen: 'a' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const measured = async (by: string, list: string, pages: number, expected: number) => {
      expect(await ask<AckResult<unknown>>(screen.socket, 'screen:measured', { list, pages, screen: by })).toMatchObject({ ok: true });
      await eventually(() => expect(w.facilitator.events.get<ControlView>('control')?.screen).toMatchObject({ list, pages: expected }));
    };
    await measured('a', 'barriers:all:10', 3, 3);
    // A larger screen of the same list has fewer pages: the cockpit keeps the most, so no page is out of reach.
    await measured('b', 'barriers:all:10', 2, 3);
    // A screen that measures again replaces its own count (a first measurement before the type settled, say).
    await measured('a', 'barriers:all:10', 1, 2);
    await measured('a', 'barriers:all:10', 4, 4);
    // Another list is measured afresh.
    await measured('b', 'results:all:10', 2, 2);
    expect(w.facilitator.events.get<ControlView>('control')!.screen.measuredBy).toEqual([{ screen: 'b', pages: 2 }]);

    const before = Date.now();
    await w.act('screen:set', { auto: true, page: 1 });
    const on = await eventually(() => w.facilitator.events.get<ControlView>('control')?.screen.auto && w.facilitator.events.get<ControlView>('control')!.screen);
    expect(on).toMatchObject({ auto: true, page: 1 });
    expect(on && on.turnedAt).toBeGreaterThanOrEqual(before);
    // A page chosen by hand while paging automatically holds: the count starts later than now.
    await w.act('screen:set', { page: 0 });
    const held = await eventually(() => {
      const s = w.facilitator.events.get<ControlView>('control')!.screen;
      return s.page === 0 && s;
    });
    expect(held && held.turnedAt).toBeGreaterThan(Date.now());
    // A new phase starts on the first page and counts from then.
    await w.goToPhase('stemmen');
    await eventually(() => expect(screen.events.get<ControlView>('control')).toMatchObject({ currentPhaseId: 'stemmen', screen: { page: 0, auto: true } }));
    expect(screen.events.get<ControlView>('control')!.screen.turnedAt).toBeLessThanOrEqual(Date.now());
  });

  it('steps back and forth through phases, renames, skips and reorders, and everyone sees it', async () => {
    const p = await w.participant();
    await w.goToPhase('stemmen');
    await w.goToPhase('positioneren');
    await eventually(() => expect(p.events.get<ControlView>('control')?.currentPhaseId).toBe('positioneren'));
    const phases = w.facilitator.events.get<ControlView>('control')!.phases;
    const edited = [...phases].reverse().map((ph) => (ph.id === 'koers' ? { ...ph, title: 'Waar willen we heen?', skipped: true } : ph));
    await w.act('phases:set', { phases: edited });
    await eventually(() => {
      const c = p.events.get<ControlView>('control')!;
      expect(c.phases[0]!.id).toBe('afronden');
      expect(c.phases.find((x) => x.id === 'koers')).toMatchObject({ title: 'Waar willen we heen?', skipped: true });
    });
    const bad = await ask<AckResult<unknown>>(w.facilitator.socket, 'phase:go', { phaseId: 'bestaat-niet' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('filters the trajectories for everyone: the largest shifts, one card, all again; a bad filter is refused', async () => {
    const screen = await w.screen();
    await eventually(() => expect(screen.events.get<ControlView>('control')?.trajectories).toEqual({ show: 'all' }));
    await w.act('trajectories:set', { trajectories: { show: 'largest' } });
    await eventually(() => expect(screen.events.get<ControlView>('control')?.trajectories).toEqual({ show: 'largest' }));
    await w.act('trajectories:set', { trajectories: { show: 'card', cardId: 'aaaaaaaaaaaaaaaa' } });
    await eventually(() => expect(screen.events.get<ControlView>('control')?.trajectories).toEqual({ show: 'card', cardId: 'aaaaaaaaaaaaaaaa' }));
    for (const bad of [{ show: 'card' }, { show: 'card', cardId: '../x' }, { show: 'top3' }, { show: 'all', cardId: 'aaaaaaaaaaaaaaaa' }]) {
      const res = await ask<AckResult<unknown>>(w.facilitator.socket, 'trajectories:set', { trajectories: bad });
      expect(res, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    }
    await w.act('trajectories:set', { trajectories: { show: 'all' } });
    await eventually(() => expect(screen.events.get<ControlView>('control')?.trajectories).toEqual({ show: 'all' }));
  });

  it('runs a timer everybody sees: start, pause, add time, reset', async () => {
    const screen = await w.screen();
    await w.act('timer:control', { action: 'start', seconds: 300 });
    await eventually(() => expect(screen.events.get<ControlView>('control')?.timer.status).toBe('running'));
    await w.act('timer:control', { action: 'pause' });
    await w.act('timer:control', { action: 'adjust', seconds: 60 });
    await eventually(() => {
      const t = screen.events.get<ControlView>('control')!.timer;
      expect(t.status).toBe('paused');
      expect(t.remainingMs).toBeGreaterThan(359_000);
      expect(t.remainingMs).toBeLessThanOrEqual(360_000);
    });
    await w.act('timer:control', { action: 'reset' });
    await eventually(() => expect(screen.events.get<ControlView>('control')?.timer.status).toBe('idle'));
  });

  it('locks the board: participant Yjs writes are undone, on every client', async () => {
    const p = await w.participant();
    const mine = await board(p.token);
    const other = await board((await w.participant()).token);
    const id = addCard(mine.doc, { kind: 'domain', title: 'Vastgezet', x: 0.2, y: 0.2 });
    await eventually(() => expect(readCards(other.doc)).toHaveLength(1));

    await w.act('board:lock', { locked: true });
    const refusal = new Promise((resolve) => p.socket.once('board:refused', resolve));
    moveCard(mine.doc, id, { x: 0.9, y: 0.9 });
    addCard(mine.doc, { kind: 'project', title: 'Mag niet' });
    // The refused changes bounce back: the sender converges to the server's board too.
    await eventually(() => {
      for (const d of [mine, other]) {
        const cards = readCards(d.doc);
        expect(cards.map((c) => c.title)).toEqual(['Vastgezet']);
        expect(cards[0]).toMatchObject({ pos: { x: 0.2, y: 0.2 } });
      }
    });
    const room = await server.app.registry.loaded(w.workshop.id);
    expect(room!.repairedWrites).toBeGreaterThan(0);
    // The writer is told why, in words it can show.
    expect(await refusal).toMatchObject({ code: 'BOARD_LOCKED', message: expect.stringContaining('op slot') });

    // The facilitator may still move cards on a locked board.
    const fac = await board();
    await eventually(() => expect(readCards(fac.doc)).toHaveLength(1));
    moveCard(fac.doc, id, { x: 0.7, y: 0.3 });
    await eventually(() => expect(readCards(mine.doc)[0]).toMatchObject({ pos: { x: 0.7, y: 0.3 } }));
  });

  it('enforces phase permissions on the board: targets only in Koers, no removal by participants', async () => {
    const p = await w.participant();
    const d = await board(p.token);
    const id = addCard(d.doc, { kind: 'project', title: 'Bomen buitengebied', x: 0.1, y: 0.1 });
    await eventually(async () => expect(readCards((await server.app.registry.loaded(w.workshop.id))!.doc)).toHaveLength(1));
    setCardTarget(d.doc, id, { x: 0.9, y: 0.9 });
    await eventually(() => expect(readCards(d.doc)[0]!.target).toBeNull());
    await w.goToPhase('koers');
    setCardTarget(d.doc, id, { x: 0.9, y: 0.9 });
    moveCard(d.doc, id, { x: 0.5, y: 0.5 });
    const check = await board((await w.participant()).token);
    await eventually(() => {
      expect(readCards(check.doc)[0]).toMatchObject({ pos: { x: 0.1, y: 0.1 }, target: { x: 0.9, y: 0.9 } });
      expect(readCards(d.doc)[0]).toMatchObject({ pos: { x: 0.1, y: 0.1 } });
    });
  });

  it('removes a participant: their sockets and board connection close at once and the token stops working', async () => {
    const p = await w.participant('Weg');
    const ws = new WebSocket(`${server.wsUrl}/yjs/${w.workshop.id}?token=${p.token}`);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((r) => ws.on('open', r));
    const ended = new Promise((resolve) => p.socket.on('session:ended', resolve));
    await w.act('participant:remove', { participantId: p.participantId });
    expect(await ended).toMatchObject({ code: 'PARTICIPANT_REMOVED' });
    expect(await closed).toBe(CLOSE_CODES.PARTICIPANT_REMOVED);
    await eventually(() => expect(p.socket.connected).toBe(false));
    await expect(connectControl(server.url, w.workshop.id, { token: p.token }).state).rejects.toThrow('UNAUTHENTICATED');
  });

  it('removes cards, barriers and proposals, and clears a spotlight or an arrow focus on them', async () => {
    const p = await w.participant();
    const d = await board(p.token);
    const cardId = addCard(d.doc, { kind: 'domain', title: 'Weg ermee' });
    await w.goToPhase('drempels');
    await eventually(async () => expect(readCards((await server.app.registry.loaded(w.workshop.id))!.doc)).toHaveLength(1));
    const barrier = await ask<AckResult<{ id: string }>>(p.socket, 'barrier:add', { text: 'Drempel', cardIds: [cardId, 'zzzzzzzzzzzzzzzz'] });
    if (!barrier.ok) throw new Error('barrier refused');
    await eventually(() => expect(w.facilitator.events.get<Barrier[]>('barriers')?.[0]?.cardIds).toEqual([cardId]));
    await w.act('spotlight:set', { spotlight: { type: 'barrier', id: barrier.id } });
    await w.act('trajectories:set', { trajectories: { show: 'card', cardId } });
    await w.act('item:remove', { type: 'barrier', id: barrier.id });
    await eventually(() => expect(p.events.get<ControlView>('control')?.trajectories).toEqual({ show: 'card', cardId }));
    await w.act('item:remove', { type: 'card', id: cardId });
    await eventually(() => {
      expect(readCards(d.doc)).toEqual([]);
      expect(p.events.get<Barrier[]>('barriers')).toEqual([]);
      expect(p.events.get<ControlView>('control')?.spotlight).toBeNull();
      expect(p.events.get<ControlView>('control')?.trajectories).toEqual({ show: 'all' });
    });
    const again = await ask<AckResult<unknown>>(w.facilitator.socket, 'item:remove', { type: 'card', id: cardId });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('barriers, proposals and alarms', () => {
  it('shows authors only in a named workshop, and groups barriers under a heading', async () => {
    const p = await w.participant('Sanne');
    await w.goToPhase('drempels');
    const res = await ask<AckResult<{ id: string }>>(p.socket, 'barrier:add', { text: 'Te veel regels', cardIds: [] });
    expect(res.ok).toBe(true);
    await eventually(() => expect(p.events.get<Barrier[]>('barriers')?.[0]).toMatchObject({ text: 'Te veel regels', authorName: '' }));
    await w.act('settings:update', { named: true });
    await eventually(() => expect(p.events.get<Barrier[]>('barriers')?.[0]?.authorName).toBe('Sanne'));
    await w.act('barrier:group', { barrierIds: [(res as { id: string }).id], heading: 'Regels' });
    await eventually(() => expect(p.events.get<Barrier[]>('barriers')?.[0]?.heading).toBe('Regels'));
    await w.goToPhase('welkom');
    const late = await ask<AckResult<unknown>>(p.socket, 'barrier:add', { text: 'Te laat', cardIds: [] });
    expect(late).toMatchObject({ ok: false, error: { code: 'PHASE_NOT_ALLOWED' } });
  });

  it('records proposals with owner, due date and status; alarms need the facilitator to confirm', async () => {
    const p = await w.participant('Piet');
    await w.goToPhase('drempels');
    const b = await ask<AckResult<{ id: string }>>(p.socket, 'barrier:add', { text: 'Geen budget', cardIds: [] });
    if (!b.ok) throw new Error('refused');
    await w.goToPhase('voorstellen');
    const proposal = await ask<AckResult<{ id: string }>>(p.socket, 'proposal:add', {
      barrierId: b.id,
      text: 'Vraag de raad om een werkbudget',
      kind: 'versnellen',
      owner: 'Stuurgroep: burgemeester',
      dueDate: '2027-03-01',
    });
    if (!proposal.ok) throw new Error('refused');
    const unlinked = await ask<AckResult<unknown>>(p.socket, 'proposal:add', { text: 'Los', kind: 'verdiepen' });
    expect(unlinked).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    await w.act('proposal:update', { id: proposal.id, status: 'in-uitvoering' });
    await eventually(() =>
      expect(p.events.get<Proposal[]>('proposals')?.[0]).toMatchObject({
        owner: 'Stuurgroep: burgemeester',
        dueDate: '2027-03-01',
        status: 'in-uitvoering',
        kind: 'versnellen',
      }),
    );

    const alarm = await ask<AckResult<{ id: string }>>(p.socket, 'alarm:raise', { targetType: 'barrier', targetId: b.id, reason: 'Blokkeert alles' });
    if (!alarm.ok) throw new Error('refused');
    await eventually(() => expect(w.facilitator.events.get<Alarm[]>('alarms')?.[0]?.status).toBe('proposed'));
    expect(p.events.get<Alarm[]>('alarms') ?? []).toEqual([]);
    await w.act('alarm:decide', { alarmId: alarm.id, status: 'confirmed' });
    await eventually(() => expect(p.events.get<Alarm[]>('alarms')?.[0]).toMatchObject({ status: 'confirmed', reason: 'Blokkeert alles' }));
  });
});

describe('placement rounds', () => {
  it('keeps placements private until the reveal, then shows dots, mean and spread; the mean can be adopted', async () => {
    const fac = await board();
    const calm = addCard(fac.doc, { kind: 'domain', title: 'Eens' });
    const torn = addCard(fac.doc, { kind: 'domain', title: 'Oneens' });
    await eventually(async () => expect(readCards((await server.app.registry.loaded(w.workshop.id))!.doc)).toHaveLength(2));
    const [a, b] = [await w.participant('A'), await w.participant('B')];
    const started = await w.act<{ roundId: string }>('round:start', { cardIds: [calm, torn], mode: 'now' });
    const roundId = started.roundId;
    await eventually(() => expect(a.events.get<RoundView>('round')?.round?.id).toBe(roundId));

    const place = (who: typeof a, cardId: string, x: number, y: number) =>
      ask<AckResult<unknown>>(who.socket, 'placement:set', { roundId, cardId, x, y });
    expect(await place(a, calm, 0.2, 0.2)).toEqual({ ok: true });
    await place(b, calm, 0.2, 0.3);
    await place(a, torn, 0.1, 0.1);
    await place(b, torn, 0.9, 0.9);
    await eventually(() => expect(w.facilitator.events.get<RoundView>('round')?.placedCounts).toEqual({ [calm]: 2, [torn]: 2 }));
    // Before the reveal nobody sees another's dot: the participant only its own.
    await eventually(() => expect(a.events.get<RoundView>('round')?.mine).toEqual({ [calm]: { x: 0.2, y: 0.2 }, [torn]: { x: 0.1, y: 0.1 } }));
    for (const who of [a, b]) {
      for (const e of who.events.seen.filter((x) => x.event === 'round')) expect(e.payload).not.toHaveProperty('results');
    }

    const early = await ask<AckResult<unknown>>(w.facilitator.socket, 'round:adopt', { roundId, cardId: calm });
    expect(early).toMatchObject({ ok: false, error: { code: 'ROUND_CLOSED' } });
    await w.act('round:reveal', { roundId });
    await eventually(() => {
      const results = b.events.get<RoundView>('round')?.results;
      expect(results?.map((r) => r.cardId)).toEqual([torn, calm]); // widest spread first
      expect(results?.[0]?.dots).toHaveLength(2);
      expect(results?.[0]?.stats?.mean.x).toBeCloseTo(0.5);
      expect(results?.[0]?.stats?.spread).toBeCloseTo(Math.hypot(0.4, 0.4));
    });
    const late = await place(a, calm, 0.5, 0.5);
    expect(late).toMatchObject({ ok: false, error: { code: 'ROUND_CLOSED' } });

    await w.act('round:adopt', { roundId, cardId: calm });
    await eventually(() => {
      const card = readCards(fac.doc).find((c) => c.id === calm)!;
      expect(card.pos?.x).toBeCloseTo(0.2);
      expect(card.pos?.y).toBeCloseTo(0.25);
    });
  });
});

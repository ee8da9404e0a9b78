import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AckResult, MyVotesView, TallyView } from '../../shared/protocol';
import type { Barrier } from '../../shared/method';
import { ask } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { startServer, type TestServer } from '../helpers/server';
import { workshopWithFacilitator, type Member } from '../helpers/workshop';

let server: TestServer;
let w: Awaited<ReturnType<typeof workshopWithFacilitator>>;

beforeEach(async () => {
  server = await startServer();
  w = await workshopWithFacilitator(server);
});
afterEach(async () => {
  w.closeAll();
  await server.stop();
});

async function addBarriers(author: Member, texts: string[]): Promise<string[]> {
  await w.goToPhase('drempels');
  const ids: string[] = [];
  for (const text of texts) {
    const res = await ask<AckResult<{ id: string }>>(author.socket, 'barrier:add', { text, cardIds: [] });
    if (!res.ok) throw new Error(res.error.code);
    ids.push(res.id);
  }
  return ids;
}

describe('dot voting: the server is the judge', () => {
  it('counts every vote exactly once under 50 concurrent voters, duplicated opIds and a reconnect', async () => {
    const author = await w.participant('Auteur');
    const barriers = await addBarriers(author, ['Regels', 'Budget', 'Cultuur', 'Tijd']);
    await w.act('settings:update', { voteBudget: 3, voteCap: 2 });
    await w.goToPhase('stemmen');

    const voters = await Promise.all(Array.from({ length: 50 }, (_, i) => w.participant(`Stemmer ${i}`)));
    const accepted = new Map<string, number>();
    const acceptedPerVoter = new Map<string, number>();

    await Promise.all(
      voters.map(async (voter, vi) => {
        // Each voter tries 5 votes (more than the budget), every one sent twice with the same opId.
        const ops = Array.from({ length: 5 }, (_, k) => ({
          opId: `op-${vi}-${k}-xxxxxx`,
          barrierId: barriers[(vi + k) % barriers.length]!,
        }));
        for (const [k, op] of ops.entries()) {
          if (vi % 10 === 0 && k === 2) {
            // A forced reconnect in the middle, then the same op again.
            voter.socket.disconnect();
            voter.socket.connect();
          }
          const [first, second] = await Promise.all([
            ask<AckResult<{ remaining: number }>>(voter.socket, 'vote:cast', op, 10_000),
            ask<AckResult<{ remaining: number }>>(voter.socket, 'vote:cast', op, 10_000),
          ]);
          // A retried op answers the same as the first.
          expect(first.ok).toBe(second.ok);
          if (first.ok) {
            accepted.set(op.barrierId, (accepted.get(op.barrierId) ?? 0) + 1);
            acceptedPerVoter.set(voter.participantId, (acceptedPerVoter.get(voter.participantId) ?? 0) + 1);
          } else {
            expect(['BUDGET_EXHAUSTED', 'CAP_REACHED']).toContain(first.error.code);
          }
        }
      }),
    );

    for (const n of acceptedPerVoter.values()) expect(n).toBeLessThanOrEqual(3);
    await w.act('results:reveal', { revealed: true });
    await eventually(() => {
      const tally = w.facilitator.events.get<TallyView>('tally');
      expect(tally?.voters).toBe(50);
      for (const b of barriers) {
        expect(tally?.ranked?.find((e) => e.barrierId === b)?.votes ?? 0).toBe(accepted.get(b) ?? 0);
      }
    });
    const stored = await server.app.storage.method.voteTotals(w.workshop.id);
    expect(stored.total).toBe([...accepted.values()].reduce((s, n) => s + n, 0));
    expect(stored.total).toBe(150);
  });

  it('keeps totals from participants and the screen until the reveal, and lists barriers without votes', async () => {
    const voter = await w.participant('V');
    const screen = await w.screen();
    const [a, b] = await addBarriers(voter, ['Met stem', 'Zonder stem']);
    await w.goToPhase('stemmen');
    const cast = await ask<AckResult<{ remaining: number }>>(voter.socket, 'vote:cast', { opId: 'only-one-vote', barrierId: a });
    expect(cast).toEqual({ ok: true, remaining: 2 });
    // The voter's own count is pushed (to every tab of that participant), not only in the ack.
    await eventually(() => expect(voter.events.get<MyVotesView>('my-votes')).toEqual({ budget: 3, remaining: 2, perBarrier: { [a!]: 1 } }));
    await eventually(() => expect(w.facilitator.events.get<TallyView>('tally')).toMatchObject({ revealed: false, voters: 1 }));

    // Nothing with numbers ever reached the participant or the screen before the reveal.
    for (const who of [voter.events, screen.events]) {
      for (const e of who.seen.filter((x) => x.event === 'tally')) expect(e.payload).toEqual({ revealed: false });
    }

    await w.act('results:reveal', { revealed: true });
    await eventually(() => {
      const t = screen.events.get<TallyView>('tally');
      expect(t?.revealed).toBe(true);
      expect(t?.ranked).toEqual([
        { barrierId: a, votes: 1, rank: 1 },
        { barrierId: b, votes: 0, rank: 2 },
      ]);
      // Never who voted: no voter count or names for participants.
      expect(t).not.toHaveProperty('voters');
    });
  });

  it('refuses votes outside the voting phase, on unknown barriers, and by the screen or facilitator', async () => {
    const voter = await w.participant();
    const [a] = await addBarriers(voter, ['Een drempel']);
    const early = await ask<AckResult<unknown>>(voter.socket, 'vote:cast', { opId: 'too-early-op', barrierId: a });
    expect(early).toMatchObject({ ok: false, error: { code: 'PHASE_NOT_ALLOWED' } });
    await w.goToPhase('stemmen');
    const unknown = await ask<AckResult<unknown>>(voter.socket, 'vote:cast', { opId: 'unknown-barrier', barrierId: 'zzzzzzzzzzzzzzzz' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const fac = await ask<AckResult<unknown>>(w.facilitator.socket, 'vote:cast', { opId: 'facilitator-op', barrierId: a });
    expect(fac).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    await w.act('board:lock', { locked: true });
    const locked = await ask<AckResult<unknown>>(voter.socket, 'vote:cast', { opId: 'locked-board-op', barrierId: a });
    expect(locked).toMatchObject({ ok: false, error: { code: 'BOARD_LOCKED' } });
  });

  it('retracts votes exactly once, and votes follow a merge', async () => {
    const voter = await w.participant();
    const [a, b] = await addBarriers(voter, ['Dubbel 1', 'Dubbel 2']);
    await w.goToPhase('stemmen');
    await ask(voter.socket, 'vote:cast', { opId: 'cast-a-1-op', barrierId: a });
    await ask(voter.socket, 'vote:cast', { opId: 'cast-b-1-op', barrierId: b });
    await ask(voter.socket, 'vote:cast', { opId: 'cast-b-2-op', barrierId: b });
    const r1 = await ask<AckResult<{ remaining: number }>>(voter.socket, 'vote:retract', { opId: 'retract-b-op', barrierId: b });
    const r2 = await ask<AckResult<{ remaining: number }>>(voter.socket, 'vote:retract', { opId: 'retract-b-op', barrierId: b });
    expect(r1).toEqual({ ok: true, remaining: 1 });
    expect(r2).toEqual({ ok: true, remaining: 1 });
    const none = await ask<AckResult<unknown>>(voter.socket, 'vote:retract', { opId: 'retract-none-op', barrierId: 'zzzzzzzzzzzzzzzz' });
    expect(none).toMatchObject({ ok: false, error: { code: 'NO_VOTE_TO_RETRACT' } });

    await w.act('barrier:merge', { sourceId: b, targetId: a });
    await eventually(() => {
      const tally = w.facilitator.events.get<TallyView>('tally');
      expect(tally?.ranked).toEqual([{ barrierId: a, votes: 2, rank: 1 }]);
      expect(w.facilitator.events.get<Barrier[]>('barriers')?.map((x) => x.id)).toEqual([a]);
    });
  });
});

describe('voting closes (issue 19)', () => {
  it('revealing freezes the votes: a cast or retract after it is refused with VOTING_CLOSED, until the facilitator reopens', async () => {
    const voter = await w.participant('Stemmer');
    const [a, b] = await addBarriers(voter, ['Eerste drempel', 'Tweede drempel']);
    await w.goToPhase('stemmen');
    const cast = (opId: string, barrierId: string) => ask<AckResult<{ remaining: number }>>(voter.socket, 'vote:cast', { opId, barrierId });
    const retract = (opId: string, barrierId: string) => ask<AckResult<{ remaining: number }>>(voter.socket, 'vote:retract', { opId, barrierId });
    expect(await cast('before-reveal-1', a!)).toMatchObject({ ok: true, remaining: 2 });

    await w.act('results:reveal', { revealed: true });
    await eventually(() => expect(voter.events.get<{ votingClosed: boolean }>('control')?.votingClosed).toBe(true));
    expect(await retract('after-reveal-1', a!)).toMatchObject({ ok: false, error: { code: 'VOTING_CLOSED' } });
    expect(await cast('after-reveal-2', b!)).toMatchObject({ ok: false, error: { code: 'VOTING_CLOSED' } });
    // The revealed result did not move.
    await eventually(() =>
      expect(voter.events.get<TallyView>('tally')?.ranked).toEqual([
        { barrierId: a, votes: 1, rank: 1 },
        { barrierId: b, votes: 0, rank: 2 },
      ]),
    );

    // Hiding the result again does not reopen voting: that is its own step.
    await w.act('results:reveal', { revealed: false });
    expect(await cast('after-hide', b!)).toMatchObject({ ok: false, error: { code: 'VOTING_CLOSED' } });
    await w.act('voting:close', { closed: false });
    expect(await cast('after-reopen', b!)).toMatchObject({ ok: true, remaining: 1 });

    // The facilitator can close voting without revealing.
    await w.act('voting:close', { closed: true });
    expect(await retract('after-close', b!)).toMatchObject({ ok: false, error: { code: 'VOTING_CLOSED' } });
    const refused = await ask<AckResult<unknown>>(voter.socket, 'voting:close', { closed: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });
});

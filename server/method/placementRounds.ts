import { randomId } from '../../shared/ids';
import { cardsOf, moveCard, setCardTarget } from '../../shared/board';
import { placementStats } from '../../shared/placement';
import { ActionError, type Handlers, type MethodContext } from './context';

/**
 * Placement rounds: everyone places cards privately (held here, not in the
 * shared document); the reveal shows all dots, the mean and the spread.
 */
export function placementRounds(ctx: MethodContext): Handlers {
  const { storage, broadcaster } = ctx;

  const openRound = async (workshopId: string, roundId: string) => {
    const round = await storage.method.findRound(workshopId, roundId);
    if (!round) throw new ActionError('NOT_FOUND');
    return round;
  };

  return {
    'round:start': async ({ cardIds, mode }, { workshopId }) => {
      const existing = await ctx.withBoard(workshopId, (room) => {
        const cards = cardsOf(room.doc);
        return [...new Set(cardIds)].filter((id) => cards.has(id));
      });
      if (existing.length === 0) throw new ActionError('NOT_FOUND');
      const roundId = randomId(16);
      await storage.method.createRound(workshopId, { id: roundId, cardIds: existing, mode, status: 'open', createdAt: Date.now() });
      broadcaster.schedule(workshopId, 'round');
      return { roundId };
    },

    'placement:set': async ({ roundId, cardId, x, y }, actor) => {
      if (actor.principal.role !== 'participant') throw new ActionError('NOT_ALLOWED');
      // Rounds are the facilitator's choice of moment, so no phase permission is needed; a lock still holds.
      if ((await ctx.controls.get(actor.workshopId)).locked) throw new ActionError('BOARD_LOCKED');
      const round = await openRound(actor.workshopId, roundId);
      if (round.status !== 'open') throw new ActionError('ROUND_CLOSED');
      if (!round.cardIds.includes(cardId)) throw new ActionError('NOT_FOUND');
      await storage.method.setPlacement(roundId, { participantId: actor.principal.participantId, cardId, x, y });
      broadcaster.schedule(actor.workshopId, 'round');
      return {};
    },

    'round:reveal': async ({ roundId }, { workshopId }) => {
      const round = await openRound(workshopId, roundId);
      if (round.status === 'closed') throw new ActionError('ROUND_CLOSED');
      await storage.method.setRoundStatus(workshopId, roundId, 'revealed');
      broadcaster.schedule(workshopId, 'round');
      return {};
    },

    'round:close': async ({ roundId }, { workshopId }) => {
      await openRound(workshopId, roundId);
      await storage.method.setRoundStatus(workshopId, roundId, 'closed');
      broadcaster.schedule(workshopId, 'round');
      return {};
    },

    'round:adopt': async ({ roundId, cardId }, actor) => {
      const round = await openRound(actor.workshopId, roundId);
      // Before the reveal, moving the card to the mean would show everyone the hidden placements.
      if (round.status !== 'revealed') throw new ActionError('ROUND_CLOSED');
      const dots = (await storage.method.placementsOf(roundId)).filter((p) => p.cardId === cardId);
      const stats = placementStats(dots);
      if (!stats) throw new ActionError('NOT_FOUND');
      const done = await ctx.withBoard(actor.workshopId, (room) => {
        let ok = false;
        room.change((doc) => {
          ok = round.mode === 'now' ? moveCard(doc, cardId, stats.mean) : setCardTarget(doc, cardId, stats.mean);
        });
        return ok;
      });
      if (!done) throw new ActionError('NOT_FOUND');
      return {};
    },
  };
}

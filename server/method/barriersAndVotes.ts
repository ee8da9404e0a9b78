import { randomId } from '../../shared/ids';
import { cardsOf } from '../../shared/board';
import { MAX_BARRIERS_PER_PARTICIPANT } from '../../shared/method';
import {
  ActionError,
  actorId,
  actorName,
  requireBelow,
  requirePermission,
  type Handlers,
  type MethodContext,
} from './context';

/** Barriers (drempels) and dot voting. The server is the judge of every vote. */
export function barriersAndVotes(ctx: MethodContext): Handlers {
  const { storage, controls, broadcaster } = ctx;

  return {
    'barrier:add': async ({ text, cardIds }, actor) => {
      await requirePermission(ctx, actor, 'addBarriers');
      const authorId = actorId(actor);
      if (actor.principal.role === 'participant') {
        await requireBelow(storage.method.countBarriersBy(actor.workshopId, authorId), MAX_BARRIERS_PER_PARTICIPANT);
      }
      // Only links to cards that exist on the board.
      const existing = await ctx.withBoard(actor.workshopId, (room) => {
        const cards = cardsOf(room.doc);
        return [...new Set(cardIds)].filter((id) => cards.has(id));
      });
      const id = randomId(16);
      await storage.method.addBarrier({
        id,
        workshopId: actor.workshopId,
        text,
        cardIds: existing,
        heading: '',
        authorId,
        authorName: actorName(actor),
        mergedInto: null,
        variants: [],
        createdAt: Date.now(),
      });
      broadcaster.schedule(actor.workshopId, 'barriers', 'tally');
      return { id };
    },

    'barrier:merge': async ({ sourceId, targetId }, { workshopId }) => {
      if (!(await storage.method.mergeBarriers(workshopId, sourceId, targetId))) throw new ActionError('NOT_FOUND');
      await controls.update(workshopId, (s) =>
        s.spotlight?.type === 'barrier' && s.spotlight.id === sourceId ? { ...s, spotlight: { type: 'barrier', id: targetId } } : s,
      );
      broadcaster.schedule(workshopId, 'barriers', 'tally', 'myVotes');
      return {};
    },

    'barrier:group': async ({ barrierIds, heading }, { workshopId }) => {
      const updated = await storage.method.setBarrierHeading(workshopId, barrierIds, heading);
      broadcaster.schedule(workshopId, 'barriers');
      return { updated };
    },

    'vote:cast': async ({ opId, barrierId }, actor) => {
      await requirePermission(ctx, actor, 'vote');
      const { settings, votingClosed } = await controls.get(actor.workshopId);
      if (votingClosed) throw new ActionError('VOTING_CLOSED');
      const { vote } = settings;
      const outcome = await storage.method.castVote(actor.workshopId, actorId(actor), opId, barrierId, vote);
      if (!outcome.ok) throw new ActionError(outcome.code);
      if (!outcome.duplicate) {
        broadcaster.schedule(actor.workshopId, 'tally');
        // Other tabs of the same participant stay right too.
        await broadcaster.myVotesTo(actor.workshopId, actorId(actor));
      }
      return { remaining: outcome.remaining };
    },

    'vote:retract': async ({ opId, barrierId }, actor) => {
      await requirePermission(ctx, actor, 'vote');
      const { settings, votingClosed } = await controls.get(actor.workshopId);
      // A revealed result stays as it was shown.
      if (votingClosed) throw new ActionError('VOTING_CLOSED');
      const { vote } = settings;
      const outcome = await storage.method.retractVote(actor.workshopId, actorId(actor), opId, barrierId, vote);
      if (!outcome.ok) throw new ActionError(outcome.code);
      if (!outcome.duplicate) {
        broadcaster.schedule(actor.workshopId, 'tally');
        await broadcaster.myVotesTo(actor.workshopId, actorId(actor));
      }
      return { remaining: outcome.remaining };
    },
  };
}

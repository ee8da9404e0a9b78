import { randomId } from '../../shared/ids';
import { idFromOp } from './opIds';
import { MAX_ALARMS_PER_PARTICIPANT, MAX_PROPOSALS_PER_PARTICIPANT } from '../../shared/method';
import { cardsOf } from '../../shared/board';
import {
  ActionError,
  actorId,
  actorName,
  requireBelow,
  requirePermission,
  type Handlers,
  type MethodContext,
} from './context';

/** Proposals (voorstellen) with owners, and alarms that the facilitator confirms. */
export function proposalsAndAlarms(ctx: MethodContext): Handlers {
  const { storage, broadcaster } = ctx;

  return {
    'proposal:add': async (p, actor) => {
      await requirePermission(ctx, actor, 'addProposals');
      const id = p.opId ? idFromOp(actor.workshopId, actorId(actor), 'proposal', p.opId) : randomId(16);
      // A retry of an action that was done already: answer as the first time.
      if (p.opId && (await storage.method.findProposal(actor.workshopId, id))) return { id };
      if (p.barrierId && !(await storage.method.findBarrier(actor.workshopId, p.barrierId))) throw new ActionError('NOT_FOUND');
      if (p.cardId && !(await ctx.withBoard(actor.workshopId, (room) => cardsOf(room.doc).has(p.cardId!)))) {
        throw new ActionError('NOT_FOUND');
      }
      if (actor.principal.role === 'participant') {
        await requireBelow(storage.method.countProposalsBy(actor.workshopId, actorId(actor)), MAX_PROPOSALS_PER_PARTICIPANT);
      }
      await storage.method.addProposal({
        id,
        workshopId: actor.workshopId,
        barrierId: p.barrierId,
        cardId: p.cardId,
        text: p.text,
        kind: p.kind,
        owner: p.owner,
        dueDate: p.dueDate,
        status: 'open',
        authorId: actorId(actor),
        authorName: actorName(actor),
        createdAt: Date.now(),
      });
      broadcaster.schedule(actor.workshopId, 'proposals');
      return { id };
    },

    'proposal:update': async ({ id, ...fields }, { workshopId }) => {
      if (!(await storage.method.updateProposal(workshopId, id, fields))) throw new ActionError('NOT_FOUND');
      broadcaster.schedule(workshopId, 'proposals');
      return {};
    },

    'alarm:raise': async ({ targetType, targetId, reason }, actor) => {
      const exists =
        targetType === 'barrier'
          ? await storage.method.findBarrier(actor.workshopId, targetId)
          : await storage.method.findProposal(actor.workshopId, targetId);
      if (!exists) throw new ActionError('NOT_FOUND');
      if (actor.principal.role === 'participant') {
        await requireBelow(storage.method.countAlarmsBy(actor.workshopId, actorId(actor)), MAX_ALARMS_PER_PARTICIPANT);
      }
      const id = randomId(16);
      await storage.method.addAlarm({
        id,
        workshopId: actor.workshopId,
        targetType,
        targetId,
        reason,
        // The facilitator raising it confirms it at once.
        status: actor.principal.role === 'facilitator' ? 'confirmed' : 'proposed',
        raisedBy: actorId(actor),
        raisedByName: actorName(actor),
        createdAt: Date.now(),
      });
      broadcaster.schedule(actor.workshopId, 'alarms');
      return { id };
    },

    'alarm:decide': async ({ alarmId, status }, { workshopId }) => {
      if (!(await storage.method.setAlarmStatus(workshopId, alarmId, status))) throw new ActionError('NOT_FOUND');
      broadcaster.schedule(workshopId, 'alarms');
      return {};
    },
  };
}

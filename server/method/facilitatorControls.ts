import { SCREENS_COUNTED, applyPhase, applyReveal, applyTimer } from '../../shared/control';
import { turnedAtFor } from '../../shared/screenPages';
import { removeCard } from '../../shared/board';
import { ActionError, type Handlers, type MethodContext } from './context';

/** The facilitator's controls: phases, lock, reveal, spotlight, timer, settings, removals. */
export function facilitatorControls(ctx: MethodContext): Handlers {
  const { controls, broadcaster, storage } = ctx;
  const changed = async (workshopId: string) => broadcaster.control(workshopId);

  return {
    'phase:go': async ({ phaseId }, { workshopId }) => {
      await controls.update(workshopId, (s) => {
        if (!s.phases.some((p) => p.id === phaseId)) throw new ActionError('NOT_FOUND');
        return applyPhase(s, phaseId, Date.now());
      });
      await changed(workshopId);
      return {};
    },

    'phases:set': async ({ phases }, { workshopId }) => {
      await controls.update(workshopId, (s) => ({
        ...s,
        phases,
        // Removing the current phase moves the workshop to the first phase.
        currentPhaseId: phases.some((p) => p.id === s.currentPhaseId) ? s.currentPhaseId : phases[0]!.id,
      }));
      await changed(workshopId);
      return {};
    },

    'board:lock': async ({ locked }, { workshopId }) => {
      await controls.update(workshopId, (s) => ({ ...s, locked }));
      await changed(workshopId);
      return {};
    },

    'results:reveal': async ({ revealed }, { workshopId }) => {
      await controls.update(workshopId, (s) => applyReveal(s, revealed));
      await changed(workshopId);
      // Sent now, not throttled: the reveal is the moment the room waits for.
      await broadcaster.now(workshopId, 'tally');
      return {};
    },

    'voting:close': async ({ closed }, { workshopId }) => {
      await controls.update(workshopId, (s) => ({ ...s, votingClosed: closed }));
      await changed(workshopId);
      return {};
    },

    'screen:set': async ({ page, focus, auto }, { workshopId }) => {
      const now = Date.now();
      await controls.update(workshopId, (s) => {
        const on = auto ?? s.screen.auto;
        // Turning automatic paging on counts from now; a page chosen by hand holds a while first.
        const byHand = page !== undefined && on && auto === undefined;
        const turnedAt = page !== undefined || focus !== undefined || auto !== undefined ? turnedAtFor(byHand, now) : s.screen.turnedAt;
        return { ...s, screen: { ...s.screen, page: page ?? s.screen.page, focus: focus ?? s.screen.focus, auto: on, turnedAt } };
      });
      await changed(workshopId);
      return {};
    },

    // Only a screen knows how many pages fit its viewport. Each screen's latest count of the same
    // list is kept (a screen that measured again replaces its own), and the cockpit pages through
    // the most any of them needs, so no screen has a page the cockpit cannot reach.
    'screen:measured': async ({ list, pages, screen }, { workshopId }) => {
      const current = (await controls.get(workshopId)).screen;
      if (current.list === list && current.measuredBy.some((m) => m.screen === screen && m.pages === pages)) return {};
      await controls.update(workshopId, (s) => {
        const others = s.screen.list === list ? s.screen.measuredBy.filter((m) => m.screen !== screen) : [];
        const measuredBy = [...others.slice(-(SCREENS_COUNTED - 1)), { screen, pages }];
        return { ...s, screen: { ...s.screen, list, measuredBy, pages: Math.max(...measuredBy.map((m) => m.pages)) } };
      });
      await changed(workshopId);
      return {};
    },

    'trajectories:set': async ({ trajectories }, { workshopId }) => {
      await controls.update(workshopId, (s) => ({ ...s, trajectories }));
      await changed(workshopId);
      return {};
    },

    'spotlight:set': async ({ spotlight }, { workshopId }) => {
      await controls.update(workshopId, (s) => ({ ...s, spotlight }));
      await changed(workshopId);
      return {};
    },

    'timer:control': async (command, { workshopId }) => {
      await controls.update(workshopId, (s) => ({ ...s, timer: applyTimer(s.timer, command, Date.now()) }));
      await changed(workshopId);
      return {};
    },

    'settings:update': async ({ named, voteBudget, voteCap }, { workshopId }) => {
      await controls.update(workshopId, (s) => {
        const budget = voteBudget ?? s.settings.vote.budget;
        // A cap above the budget makes no sense: follow the budget unless a cap is given.
        const cap = Math.min(budget, voteCap ?? (voteBudget !== undefined ? budget : s.settings.vote.capPerBarrier));
        return { ...s, settings: { named: named ?? s.settings.named, vote: { budget, capPerBarrier: cap } } };
      });
      await changed(workshopId);
      broadcaster.schedule(workshopId, 'barriers', 'proposals', 'alarms', 'myVotes');
      return {};
    },

    'item:remove': async ({ type, id }, { workshopId }) => {
      let removed = false;
      if (type === 'card') removed = await ctx.withBoard(workshopId, (room) => {
        let done = false;
        room.change((doc) => {
          done = removeCard(doc, id);
        });
        return done;
      });
      if (type === 'barrier') removed = await storage.method.removeBarrier(workshopId, id);
      if (type === 'proposal') removed = await storage.method.removeProposal(workshopId, id);
      if (!removed) throw new ActionError('NOT_FOUND');
      const state = await controls.get(workshopId);
      const spotlit = state.spotlight?.type === type && state.spotlight.id === id;
      // The boards showed only this card's arrow: with the card gone, they show all arrows again.
      const focused = type === 'card' && state.trajectories.show === 'card' && state.trajectories.cardId === id;
      if (spotlit || focused) {
        await controls.update(workshopId, (s) => ({
          ...s,
          spotlight: spotlit ? null : s.spotlight,
          trajectories: focused ? { show: 'all' } : s.trajectories,
        }));
        await changed(workshopId);
      }
      if (type === 'barrier') broadcaster.schedule(workshopId, 'barriers', 'tally', 'myVotes');
      if (type === 'proposal') broadcaster.schedule(workshopId, 'proposals');
      return {};
    },

    'participant:remove': async ({ participantId }, { workshopId }) => {
      if (!(await storage.method.removeParticipant(workshopId, participantId))) throw new ActionError('NOT_FOUND');
      // The token stops working at once: new connections are refused by access control,
      // open ones are closed here.
      ctx.endParticipant(workshopId, participantId);
      return {};
    },
  };
}

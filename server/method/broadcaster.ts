import type { Server } from 'socket.io';
import { placementStats, rankBySpread } from '../../shared/placement';
import type {
  ControlView,
  MyVotesView,
  RoundCardResult,
  RoundView,
  ServerToClientEvents,
  TallyView,
} from '../../shared/protocol';
import { rankBarriers } from '../../shared/voting';
import type { Alarm, Barrier, Proposal } from '../../shared/method';
import type { Principal } from '../auth/access';
import type { Storage } from '../storage/storage';
import type { ControlStates } from './controlStates';

/** A vote storm must not send 300 phones a message per vote; totals go out at most this often, in ms. */
export const TALLY_THROTTLE_MS = 100;
/** Lists (barriers, proposals, counts) likewise. */
export const LIST_THROTTLE_MS = 100;

export const roomOf = (workshopId: string) => `w:${workshopId}`;
export const facilitatorRoomOf = (workshopId: string) => `f:${workshopId}`;
export const participantRoomOf = (participantId: string) => `p:${participantId}`;

type PersonalTopic = 'round' | 'myVotes';
type Topic = 'barriers' | 'tally' | 'proposals' | 'alarms' | PersonalTopic;

/** Any socket.io server whose clients accept our server events. */
type EmittingServer = Server<never, ServerToClientEvents, never, { principal: Principal }>;
interface EmittingSocket {
  data: { principal: Principal };
  emit<E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>): boolean;
}

/**
 * Builds what each role may see and sends it. Anonymous by default: names of
 * authors only in a named workshop; never who voted for what; totals for
 * participants and the screen only after the reveal; placements only after
 * the round's reveal.
 */
export class Broadcaster {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly io: EmittingServer,
    private readonly storage: Storage,
    private readonly controls: ControlStates,
    /** Several instances: the others build the per-person views for their own sockets when told. */
    private readonly tellOthers: (workshopId: string, topic: PersonalTopic) => void,
    /** A throttled send runs on a timer, with nobody to await it: its failure is reported here. */
    private readonly onError: (err: unknown) => void,
  ) {}

  private closed = false;

  /** Send soon, at most once per throttle window per workshop and topic. */
  schedule(workshopId: string, ...topics: Topic[]): void {
    for (const topic of topics) {
      const key = `${workshopId}:${topic}`;
      if (this.timers.has(key)) continue;
      const timer = setTimeout(
        () => {
          this.timers.delete(key);
          this.send(workshopId, topic).catch((err: unknown) => {
            // A send still reading when the server shut down finds the storage closed; that is no fault.
            if (!this.closed) this.onError(err);
          });
        },
        topic === 'tally' ? TALLY_THROTTLE_MS : LIST_THROTTLE_MS,
      );
      timer.unref();
      this.timers.set(key, timer);
    }
  }

  /** Send one topic at once, bypassing the throttle (for moments the room waits for, like a reveal). */
  async now(workshopId: string, topic: Topic): Promise<void> {
    await this.send(workshopId, topic);
  }

  /** A participant's own votes, to all of its sockets (after a cast or retract). */
  async myVotesTo(workshopId: string, participantId: string): Promise<void> {
    this.io.to(participantRoomOf(participantId)).emit('my-votes', await this.myVotes(workshopId, participantId));
  }

  async control(workshopId: string): Promise<void> {
    this.io.to(roomOf(workshopId)).emit('control', await this.controlView(workshopId));
  }

  private async send(workshopId: string, topic: Topic): Promise<void> {
    const all = this.io.to(roomOf(workshopId));
    const facilitators = this.io.to(facilitatorRoomOf(workshopId));
    const others = this.io.to(roomOf(workshopId)).except(facilitatorRoomOf(workshopId));
    switch (topic) {
      case 'barriers':
        all.emit('barriers', await this.barriers(workshopId));
        return;
      case 'proposals':
        all.emit('proposals', await this.proposals(workshopId));
        return;
      case 'tally': {
        facilitators.emit('tally', await this.tally(workshopId, 'facilitator'));
        others.emit('tally', await this.tally(workshopId, 'participant'));
        return;
      }
      case 'alarms': {
        const alarms = await this.alarms(workshopId);
        facilitators.emit('alarms', alarms);
        others.emit('alarms', alarms.filter((a) => a.status === 'confirmed'));
        return;
      }
      case 'round':
      case 'myVotes':
        this.tellOthers(workshopId, topic);
        await this.sendPersonal(workshopId, topic);
        return;
    }
  }

  /**
   * Views that differ per person, built for each socket connected to this instance (with
   * several instances, each builds them for its own sockets: no request to the others).
   */
  async sendPersonal(workshopId: string, topic: PersonalTopic): Promise<void> {
    for (const socket of await this.io.local.in(roomOf(workshopId)).fetchSockets()) {
      if (topic === 'round') socket.emit('round', await this.round(workshopId, socket.data.principal));
      else if (socket.data.principal.role === 'participant') {
        socket.emit('my-votes', await this.myVotes(workshopId, socket.data.principal.participantId));
      }
    }
  }

  /** Everything a client may know, on connect or when it asks again. */
  async sendAll(socket: EmittingSocket, workshopId: string): Promise<void> {
    const principal = socket.data.principal;
    const role = principal.role === 'facilitator' ? 'facilitator' : 'participant';
    socket.emit('control', await this.controlView(workshopId));
    socket.emit('barriers', await this.barriers(workshopId));
    socket.emit('tally', await this.tally(workshopId, role));
    socket.emit('proposals', await this.proposals(workshopId));
    const alarms = await this.alarms(workshopId);
    socket.emit('alarms', role === 'facilitator' ? alarms : alarms.filter((a) => a.status === 'confirmed'));
    socket.emit('round', await this.round(workshopId, principal));
    if (principal.role === 'participant') {
      socket.emit('my-votes', await this.myVotes(workshopId, principal.participantId));
    }
  }

  async controlView(workshopId: string): Promise<ControlView> {
    return { ...(await this.controls.get(workshopId)), serverNow: Date.now() };
  }

  private async named(workshopId: string): Promise<boolean> {
    return (await this.controls.get(workshopId)).settings.named;
  }

  async barriers(workshopId: string): Promise<Barrier[]> {
    const named = await this.named(workshopId);
    return (await this.storage.method.listBarriers(workshopId)).map((b) => ({
      id: b.id,
      text: b.text,
      cardIds: b.cardIds,
      variants: b.variants,
      heading: b.heading,
      authorName: named ? b.authorName : '',
      createdAt: b.createdAt,
    }));
  }

  async proposals(workshopId: string): Promise<Proposal[]> {
    const named = await this.named(workshopId);
    return (await this.storage.method.listProposals(workshopId)).map((p) => ({
      id: p.id,
      barrierId: p.barrierId,
      cardId: p.cardId,
      text: p.text,
      kind: p.kind,
      owner: p.owner,
      dueDate: p.dueDate,
      status: p.status,
      authorName: named ? p.authorName : '',
      createdAt: p.createdAt,
    }));
  }

  async alarms(workshopId: string): Promise<Alarm[]> {
    const named = await this.named(workshopId);
    return (await this.storage.method.listAlarms(workshopId)).map((a) => ({
      id: a.id,
      targetType: a.targetType,
      targetId: a.targetId,
      reason: a.reason,
      status: a.status,
      raisedByName: named ? a.raisedByName : '',
      createdAt: a.createdAt,
    }));
  }

  async tally(workshopId: string, role: 'facilitator' | 'participant'): Promise<TallyView> {
    const state = await this.controls.get(workshopId);
    const revealed = state.resultsRevealed;
    if (role !== 'facilitator' && !revealed) return { revealed: false };
    const barriers = await this.storage.method.listBarriers(workshopId);
    const totals = await this.storage.method.voteTotals(workshopId);
    const ranked = rankBarriers(
      barriers.map((b) => b.id),
      totals.perBarrier,
    );
    return role === 'facilitator'
      ? { revealed, ranked, voters: totals.voters, total: totals.total }
      : { revealed, ranked, total: totals.total };
  }

  async myVotes(workshopId: string, participantId: string): Promise<MyVotesView> {
    const { budget } = (await this.controls.get(workshopId)).settings.vote;
    const mine = await this.storage.method.votesOf(workshopId, participantId);
    const spent = [...mine.values()].reduce((s, n) => s + n, 0);
    return { budget, remaining: Math.max(0, budget - spent), perBarrier: Object.fromEntries(mine) };
  }

  async round(workshopId: string, principal: Principal): Promise<RoundView> {
    const round = (await this.storage.method.activeRound(workshopId)) ?? null;
    if (!round) return { round: null };
    const placements = await this.storage.method.placementsOf(round.id);
    if (round.status === 'revealed') {
      const results: RoundCardResult[] = round.cardIds.map((cardId) => {
        const dots = placements.filter((p) => p.cardId === cardId).map((p) => ({ x: p.x, y: p.y }));
        return { cardId, dots, stats: placementStats(dots) };
      });
      return { round, results: rankBySpread(results) };
    }
    if (principal.role === 'facilitator') {
      const placedCounts: Record<string, number> = {};
      for (const p of placements) placedCounts[p.cardId] = (placedCounts[p.cardId] ?? 0) + 1;
      return { round, placedCounts };
    }
    if (principal.role === 'participant') {
      const mine: Record<string, { x: number; y: number }> = {};
      for (const p of placements) if (p.participantId === principal.participantId) mine[p.cardId] = { x: p.x, y: p.y };
      return { round, mine };
    }
    return { round };
  }

  /** The workshop is gone: drop what was still scheduled for it. */
  forget(workshopId: string): void {
    for (const [key, timer] of this.timers) {
      if (key.startsWith(`${workshopId}:`)) {
        clearTimeout(timer);
        this.timers.delete(key);
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

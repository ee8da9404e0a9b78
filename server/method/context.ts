import type { ErrorCode } from '../../shared/errors';
import { currentPhase } from '../../shared/control';
import type { Permission } from '../../shared/phases';
import type { ClientEventName, ClientEventPayload, ClientEventResults } from '../../shared/protocol';
import type { Principal } from '../auth/access';
import type { Storage } from '../storage/storage';
import type { DocRoom } from '../yjs/docRoom';
import type { Broadcaster } from './broadcaster';
import type { ControlStates } from './controlStates';

/** A refusal with a named code; the control plane sends it back in the ack. */
export class ActionError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

/** Who sent an event, for which workshop. */
export interface Actor {
  principal: Principal;
  workshopId: string;
  /** Send this sender (only this connection) every view it may see again. */
  resend(): Promise<void>;
}

export interface MethodContext {
  storage: Storage;
  controls: ControlStates;
  broadcaster: Broadcaster;
  /** Run `fn` on the workshop's loaded board (loading it if needed); changes are stored and broadcast. */
  withBoard<T>(workshopId: string, fn: (room: DocRoom) => T): Promise<T>;
  /** Close every connection of a removed participant, on both channels. */
  endParticipant(workshopId: string, participantId: string): void;
}

export type Handler<E extends ClientEventName> = (
  payload: ClientEventPayload<E>,
  actor: Actor,
) => Promise<ClientEventResults[E]>;

export type Handlers = { [E in ClientEventName]?: Handler<E> };

/** Participants may act only as the current phase allows and while the board is open. The facilitator always may. */
export async function requirePermission(ctx: MethodContext, actor: Actor, permission: Permission): Promise<void> {
  if (actor.principal.role === 'facilitator') return;
  const state = await ctx.controls.get(actor.workshopId);
  if (state.locked) throw new ActionError('BOARD_LOCKED');
  if (!currentPhase(state)?.permissions.includes(permission)) throw new ActionError('PHASE_NOT_ALLOWED');
}

/** The id of whoever acts, for authorship (never shown in an anonymous workshop). */
export function actorId(actor: Actor): string {
  const p = actor.principal;
  return p.role === 'participant' ? p.participantId : p.role === 'facilitator' ? `account:${p.accountId}` : 'screen';
}

export function actorName(actor: Actor): string {
  const p = actor.principal;
  return p.role === 'screen' ? '' : p.name;
}

/** Per-participant limits on how much one phone can write, counted in storage: LIMIT_REACHED at the maximum. */
export async function requireBelow(count: Promise<number>, max: number): Promise<void> {
  if ((await count) >= max) throw new ActionError('LIMIT_REACHED');
}

import type { ClientEventName, ClientEventPayload } from '../../../shared/protocol';
import type { WorkshopData } from './workshopData';

/**
 * Actions made on the phone that wait for the server (offline, or no answer in time), kept in
 * localStorage per workshop and participant so that a reload, even offline, loses none. Each
 * carries an operation id (votes, barriers, proposals) or is idempotent by itself (a placement
 * sets one value), so sending it again after a reload counts once on the server.
 */
export const QUEUEABLE = ['barrier:add', 'proposal:add', 'vote:cast', 'vote:retract', 'placement:set'] as const;
export type QueueableEvent = (typeof QUEUEABLE)[number] & ClientEventName;

export interface QueuedAction<E extends QueueableEvent = QueueableEvent> {
  event: E;
  payload: ClientEventPayload<E>;
}

export function isQueueable(event: ClientEventName): event is QueueableEvent {
  return (QUEUEABLE as readonly string[]).includes(event);
}

const PREFIX = 'regiebord.outbox.';
export const outboxKey = (workshopId: string, participantId: string) => `${PREFIX}${workshopId}.${participantId}`;

function isAction(v: unknown): v is QueuedAction {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.event === 'string' && isQueueable(o.event as ClientEventName) && typeof o.payload === 'object' && o.payload !== null;
}

export class Outbox {
  constructor(private readonly key: string) {}

  list(): QueuedAction[] {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isAction) : [];
    } catch {
      return [];
    }
  }

  private write(actions: QueuedAction[]): void {
    try {
      if (actions.length === 0) localStorage.removeItem(this.key);
      else localStorage.setItem(this.key, JSON.stringify(actions));
    } catch {
      // Storage full or blocked: the action still waits in memory until the page closes.
    }
  }

  add(action: QueuedAction): void {
    // A newer placement of the same card replaces the older one: only the last one counts anyway.
    const keep = this.list().filter((a) => !samePlacement(a, action));
    this.write([...keep, action]);
  }

  remove(action: QueuedAction): void {
    const text = JSON.stringify(action);
    this.write(this.list().filter((a) => JSON.stringify(a) !== text));
  }
}

function samePlacement(a: QueuedAction, b: QueuedAction): boolean {
  if (a.event !== 'placement:set' || b.event !== 'placement:set') return false;
  const pa = a.payload as ClientEventPayload<'placement:set'>;
  const pb = b.payload as ClientEventPayload<'placement:set'>;
  return pa.roundId === pb.roundId && pa.cardId === pb.cardId;
}

/**
 * The workshop as the server last showed it to this participant (phase, barriers, votes,
 * proposals), so a reload offline still shows it. Only what this participant was shown anyway.
 */
const VIEW_PREFIX = 'regiebord.view.';
export const lastViewKey = (workshopId: string, participantId: string) => `${VIEW_PREFIX}${workshopId}.${participantId}`;
const VIEW_FIELDS = ['state', 'control', 'barriers', 'tally', 'myVotes', 'proposals', 'alarms', 'round'] as const;

export function saveLastView(key: string, data: Partial<Record<(typeof VIEW_FIELDS)[number], unknown>>): void {
  try {
    const kept: Record<string, unknown> = {};
    for (const field of VIEW_FIELDS) kept[field] = data[field];
    localStorage.setItem(key, JSON.stringify(kept));
  } catch {
    // Storage full or blocked: a reload offline then shows no workshop until the network is back.
  }
}

export function loadLastView(key: string): Partial<WorkshopData> | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null || !('state' in parsed) || !parsed.state) return null;
    return parsed as Partial<WorkshopData>;
  } catch {
    return null;
  }
}

/** Everything this phone keeps for a workshop (queued actions, last view; the board copy is y-indexeddb's). */
export function forgetOutboxes(workshopId: string): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key?.startsWith(`${PREFIX}${workshopId}.`) || key?.startsWith(`${VIEW_PREFIX}${workshopId}.`)) localStorage.removeItem(key);
    }
  } catch {
    // Nothing to forget.
  }
}

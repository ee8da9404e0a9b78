import type { Presence, PresenceEntry } from '../../shared/protocol';

/** Presence updates are batched per workshop so 300 joins do not send 300 × 300 messages, in ms. */
export const PRESENCE_THROTTLE_MS = 250;

/**
 * Who is connected, per workshop. A participant with two tabs counts once.
 * Volatile: kept in memory, rebuilt as clients reconnect after a restart.
 */
export class PresenceTracker {
  private readonly byWorkshop = new Map<string, Map<string, { name: string; sockets: number }>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly publish: (workshopId: string) => void) {}

  join(workshopId: string, participantId: string, name: string): void {
    let people = this.byWorkshop.get(workshopId);
    if (!people) this.byWorkshop.set(workshopId, (people = new Map()));
    const entry = people.get(participantId);
    if (entry) {
      entry.sockets++;
      entry.name = name;
    } else people.set(participantId, { name, sockets: 1 });
    this.schedule(workshopId);
  }

  leave(workshopId: string, participantId: string): void {
    const people = this.byWorkshop.get(workshopId);
    const entry = people?.get(participantId);
    if (!people || !entry) return;
    if (--entry.sockets <= 0) people.delete(participantId);
    if (people.size === 0) this.byWorkshop.delete(workshopId);
    this.schedule(workshopId);
  }

  rename(workshopId: string, participantId: string, name: string): void {
    const entry = this.byWorkshop.get(workshopId)?.get(participantId);
    if (!entry) return;
    entry.name = name;
    this.schedule(workshopId);
  }

  /** What a facilitator sees: the count and the names (anonymous participants have an empty name). */
  full(workshopId: string): Presence {
    const people = this.byWorkshop.get(workshopId);
    const participants: PresenceEntry[] = [];
    people?.forEach((v, participantId) => participants.push({ participantId, name: v.name }));
    return { count: participants.length, participants };
  }

  /** What everyone else sees: the count only. */
  countOnly(workshopId: string): Presence {
    return { count: this.byWorkshop.get(workshopId)?.size ?? 0 };
  }

  private schedule(workshopId: string): void {
    if (this.timers.has(workshopId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(workshopId);
      this.publish(workshopId);
    }, PRESENCE_THROTTLE_MS);
    timer.unref();
    this.timers.set(workshopId, timer);
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

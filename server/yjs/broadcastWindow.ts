/**
 * When a board's next broadcast may go out: the coalescing rule of DocRoom, pure.
 *
 * Everything received in one event-loop turn goes out as one update anyway. On top of that:
 * - a lone writer's next update goes out in the next turn. A drag sends one update per frame;
 *   a window would delay each (at 60 frames a second and 300 phones, the per-receiver p50 went
 *   from 8.4 to 13.9 ms with 20 ms, to 21.8 ms with 33 ms) without saving the phones enough;
 * - when a room writes together (an update from another writer than the last broadcast's), the
 *   next broadcast waits until `batchWindowMs` after the previous one: a room of phones gets a
 *   few large updates instead of hundreds of small ones, and each costs every phone a
 *   transaction;
 * - while a burst is under way (the last broadcast merged BURST_UPDATES or more), the window
 *   is `burstWindowMs`: fewer, larger messages converge sooner (bench (b)).
 * Sync answers alone (no update waiting) do not wait for a window.
 */

/** A broadcast that merged this many updates or more means a burst (a room of phones adding at once). */
export const BURST_UPDATES = 16;

/** The writer of a broadcast that merged the updates of more than one writer. */
export const SEVERAL_WRITERS = Symbol('several writers');

export interface LastBroadcast {
  /** How many updates it merged (0 for a flush of sync answers only). */
  size: number;
  /** Its writer (a connection, or the server's own origin), or SEVERAL_WRITERS. */
  writer: unknown;
}

export interface BroadcastWindows {
  batchWindowMs?: number;
  burstWindowMs?: number;
}

/** The one writer of a batch of updates, or SEVERAL_WRITERS. */
export function writerOf(origins: readonly unknown[]): unknown {
  const first = origins[0];
  return origins.every((o) => o === first) ? first : SEVERAL_WRITERS;
}

/**
 * How long after the previous broadcast the next may go out, in ms. `nextWriter` is the writer
 * of the first update waiting, or undefined when only sync answers wait.
 */
export function broadcastWindowMs(last: LastBroadcast, nextWriter: unknown, windows: BroadcastWindows): number {
  if (last.size >= BURST_UPDATES) return windows.burstWindowMs ?? 0;
  if (nextWriter === undefined || nextWriter === last.writer) return 0;
  return windows.batchWindowMs ?? 0;
}

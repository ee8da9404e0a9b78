import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { CLOSE_CODES } from '../../shared/errors';
import type { Principal } from '../auth/access';
import type { WriteGuard } from '../board/boardGuard';
import type { Logger } from '../logger';
import type { Storage } from '../storage/storage';
import {
  awarenessMessage,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  syncStep1Message,
  syncStep2FromUpdate,
  syncStep2Message,
  updateMessage,
} from './messages';
import { broadcastWindowMs, SEVERAL_WRITERS, writerOf, type LastBroadcast } from './broadcastWindow';
import { QuietTimer } from './quietTimer';
import { localRoomBus, type RoomBus, type RoomBusListener } from './roomBus';


/**
 * What a room needs from a connection. The room does not know its transport:
 * the ws adapter implements this, and tests can use in-memory pairs.
 */
export interface DocConnection {
  /** Who is writing: the room's write guard decides per update, as roles, phases and locks change. */
  readonly principal: Principal;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface DocRoomOptions {
  compactAfterUpdates: number;
  /** Also compact once the board has had no change for this long, in ms (0 or absent: never). */
  compactWhenQuietMs?: number;
  maxAwarenessBytes: number;
  /** A board loaded from one snapshot is built at the latest this long after its first connection (default 50 ms). */
  hydrateWithinMs?: number;
  /** While several write at once, at most one broadcast per this many ms per board (0: every event-loop turn). */
  batchWindowMs?: number;
  /** After a broadcast that merged a burst (BURST_UPDATES or more), the window for the next one. */
  burstWindowMs?: number;
  /** Told after each batch of updates is stored (the knowledge centre refreshes its record of the board). */
  onStored?: (workshopId: string) => void;
  /** Told after each broadcast: ms from applying the batch's first update to the last socket write. */
  onBroadcast?: (ms: number) => void;
  /** The other instances serving the same boards (several instances); absent: this instance alone. */
  bus?: RoomBus;
}

/** Origin of transactions that replay stored state: they are not stored again. */
const LOAD_ORIGIN = Symbol('load');
/** Origin of the server's own changes (repairs of refused writes, facilitator actions). */
export const SERVER_ORIGIN = Symbol('server');
/** Origin of updates another instance stored and broadcast: passed on to our connections, not stored again. */
const REMOTE_ORIGIN = Symbol('remote');

interface PendingUpdate {
  update: Uint8Array;
  origin: unknown;
}

/**
 * One workshop's board document in memory, with its connections.
 *
 * Guarantees:
 * - The document is loaded from storage before the first connection is added.
 * - Every update is stored (one transaction per event-loop turn) before it is
 *   broadcast, and before any sync answer that contains it is sent.
 * - Broadcasts are coalesced: all updates of one turn go out as one message.
 * - A malformed or hostile message closes only the connection that sent it.
 */
export class DocRoom {
  private readonly ydoc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  /**
   * A board stored as one snapshot is not applied to `ydoc` at load: phones that open it are
   * answered with the snapshot's bytes at once, and the server builds its document meanwhile
   * (the two largest costs of a cold load then overlap instead of adding up). Anything that
   * needs the content goes through `doc`, which builds it first.
   */
  private unhydrated: Uint8Array | null = null;
  private hydrateTimer: NodeJS.Timeout | null = null;
  /** Connections that wait for our sync step 1 until the document is built. */
  private readonly awaitingStep1 = new Set<DocConnection>();
  /** Each connection with the awareness client ids it controls. */
  private readonly conns = new Map<DocConnection, Set<number>>();
  private pending: PendingUpdate[] = [];
  private pendingSyncReplies: { conn: DocConnection; stateVector: Uint8Array; empty: boolean }[] = [];
  /** performance.now() when the first update of the pending batch was applied. */
  private batchStartedAt = 0;
  /**
   * The whole document as one update, while it is unchanged: every client that
   * arrives with an empty state vector (a phone opening the board) gets these
   * bytes, instead of one full encoding per phone. Compaction stores the same bytes.
   */
  private fullState: Uint8Array | null = null;
  /** The sync answer made of `fullState`, shared the same way. */
  private fullStateAnswer: Uint8Array | null = null;
  private flushScheduled = false;
  /**
   * performance.now() when the last flush that sent updates started, for the window. A flush
   * that only answers syncs (a phone opening the board) does not count: it sent nothing to the
   * room, and counting it held the next writer's update back a whole window.
   */
  private lastBroadcastAt = -Infinity;
  /** The last flush's updates: how many, and whose (for the coalescing window). */
  private lastBroadcast: LastBroadcast = { size: 0, writer: SEVERAL_WRITERS };
  private flushChain: Promise<void> = Promise.resolve();
  private storedSinceCompact = 0;
  private lastStoredId = 0;
  /** Compacts the board once nothing was stored for `compactWhenQuietMs`. */
  private readonly quiet: QuietTimer;
  private reservations = 0;
  private unloadPromise: Promise<void> | null = null;
  /** The workshop was deleted: nothing more is stored. */
  private discarded = false;
  /** Writes dropped whole (read-only connection, or outside the board), for tests and metrics. */
  droppedWrites = 0;
  /** Writes applied and then partly undone because they were not allowed. */
  repairedWrites = 0;
  private readonly bus: RoomBus;
  private leaveBus: () => void = () => {};
  /** Updates from other instances that arrived while the room was still loading (null once loaded). */
  private remoteBacklog: Uint8Array[] | null = [];

  private constructor(
    readonly workshopId: string,
    private readonly storage: Storage,
    private readonly options: DocRoomOptions,
    private readonly logger: Logger,
    private readonly guard: WriteGuard,
    private readonly onIdle: (room: DocRoom) => void,
  ) {
    this.quiet = new QuietTimer(options.compactWhenQuietMs ?? 0, () => this.compactWhenQuiet());
    this.bus = options.bus ?? localRoomBus;
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      // Replaying what is stored changes nothing that was stored (or answered).
      if (origin === LOAD_ORIGIN) return;
      this.fullState = null;
      this.fullStateAnswer = null;
      if (origin === REMOTE_ORIGIN) {
        // Stored by the instance that received it: our connections get it at once.
        this.relay(update);
        return;
      }
      if (this.pending.length === 0) this.batchStartedAt = performance.now();
      this.pending.push({ update, origin });
      this.scheduleFlush();
    });
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  static async load(
    workshopId: string,
    storage: Storage,
    options: DocRoomOptions,
    logger: Logger,
    guard: WriteGuard,
    onIdle: (room: DocRoom) => void,
  ): Promise<DocRoom> {
    const room = new DocRoom(workshopId, storage, options, logger, guard, onIdle);
    // Several instances: hear the others before reading storage, so no update falls between the two.
    if (room.bus.shared) room.leaveBus = await room.bus.join(workshopId, room.busListener);
    try {
      await room.loadStored();
    } catch (err) {
      room.leaveBus();
      throw err;
    }
    const backlog = room.remoteBacklog ?? [];
    room.remoteBacklog = null;
    for (const update of backlog) room.applyRemote(update);
    return room;
  }

  private async loadStored(): Promise<void> {
    const stored = await this.storage.loadDoc(this.workshopId);
    this.storedSinceCompact = stored.updates.length;
    this.lastStoredId = stored.lastUpdateId;
    if (stored.snapshot && stored.updates.length === 0) {
      // Stored as one snapshot (compacted when it unloaded): the board is exactly these bytes.
      this.unhydrated = stored.snapshot;
      this.fullState = stored.snapshot;
      return;
    }
    // One transaction for the whole replay: much faster than one per update.
    this.ydoc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(this.ydoc, stored.snapshot, LOAD_ORIGIN);
      for (const update of stored.updates) Y.applyUpdate(this.ydoc, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    // A long tail (an older database, or a crash before compaction) is compacted by the first
    // flush, right after that flush has sent its sync answers (see the end of flush), so the
    // first client does not wait for it; the next cold load then reads one snapshot. Unloading
    // compacts too.
  }

  /** What the other instances tell this room (several instances only). */
  private readonly busListener: RoomBusListener = {
    remoteUpdate: (update) => {
      if (this.remoteBacklog) this.remoteBacklog.push(update);
      else this.applyRemote(update);
    },
    resync: () => {
      this.flushChain = this.flushChain.then(() => this.catchUp()).catch((err: unknown) => this.logger.error('catching up a board from storage failed', err));
    },
  };

  private applyRemote(update: Uint8Array): void {
    if (this.discarded || this.unloadPromise) return;
    try {
      // Another instance applied these bytes before it stored them; still, never let them throw here.
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } catch (err) {
      this.logger.error('applying a board update from another instance failed', err);
    }
  }

  /** Pass an update another instance stored on to our own connections. */
  private relay(update: Uint8Array): void {
    if (this.conns.size === 0) return;
    const started = performance.now();
    const message = updateMessage(update);
    for (const conn of this.conns.keys()) conn.send(message);
    this.options.onBroadcast?.(performance.now() - started);
  }

  /** Apply whatever storage holds that this room may have missed (everything stored is already broadcast by its writer). */
  private async catchUp(): Promise<void> {
    if (this.discarded || this.unloadPromise) return;
    const stored = await this.storage.loadDoc(this.workshopId);
    this.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, REMOTE_ORIGIN);
      for (const update of stored.updates) Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    }, REMOTE_ORIGIN);
  }

  /** The board document, built from the stored snapshot first if that has not happened yet. */
  get doc(): Y.Doc {
    this.hydrate();
    return this.ydoc;
  }

  /** False while the stored snapshot has not been applied to the server's document (for tests). */
  get isHydrated(): boolean {
    return this.unhydrated === null;
  }

  private hydrate(): void {
    if (this.hydrateTimer) clearTimeout(this.hydrateTimer);
    this.hydrateTimer = null;
    const snapshot = this.unhydrated;
    if (!snapshot) return;
    this.unhydrated = null;
    this.ydoc.transact(() => Y.applyUpdate(this.ydoc, snapshot, LOAD_ORIGIN), LOAD_ORIGIN);
    for (const conn of this.awaitingStep1) if (this.conns.has(conn)) this.sendStep1(conn);
    this.awaitingStep1.clear();
  }

  /** Build the document soon: right after the first answer went out, or `ms` from now at the latest. */
  private scheduleHydrate(ms: number): void {
    if (!this.unhydrated || this.unloadPromise) return;
    if (this.hydrateTimer) clearTimeout(this.hydrateTimer);
    this.hydrateTimer = setTimeout(() => {
      this.hydrateTimer = null;
      if (!this.unloadPromise) this.hydrate();
    }, ms);
  }

  get connectionCount(): number {
    return this.conns.size;
  }

  get isUnloading(): boolean {
    return this.unloadPromise !== null;
  }

  connections(): DocConnection[] {
    return [...this.conns.keys()];
  }

  /** Keeps the room loaded between `acquire` and `addConnection` (or `release`). */
  reserve(): void {
    this.reservations++;
  }

  release(): void {
    this.reservations = Math.max(0, this.reservations - 1);
    if (this.isIdle()) this.onIdle(this);
  }

  isIdle(): boolean {
    return this.conns.size === 0 && this.reservations === 0;
  }

  addConnection(conn: DocConnection): void {
    this.conns.set(conn, new Set());
    this.reservations = Math.max(0, this.reservations - 1);
    // Ask the client for what we miss (its offline edits); while the document is not built yet,
    // that waits for it (a phone's own first question, its sync step 1, is answered before).
    if (this.unhydrated) {
      this.awaitingStep1.add(conn);
      // A client that never asks (no sync step 1) is still greeted this soon.
      if (!this.hydrateTimer) this.scheduleHydrate(this.options.hydrateWithinMs ?? 50);
    } else {
      this.sendStep1(conn);
    }
    // Then share presence.
    const states = this.awareness.getStates();
    if (states.size > 0) {
      conn.send(awarenessMessage(this.awareness, [...states.keys()]));
    }
  }

  private sendStep1(conn: DocConnection): void {
    conn.send(syncStep1Message(this.ydoc));
  }

  removeConnection(conn: DocConnection): void {
    const controlled = this.conns.get(conn);
    if (!controlled) return;
    this.conns.delete(conn);
    this.awaitingStep1.delete(conn);
    if (controlled.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
    }
    if (this.isIdle()) this.onIdle(this);
  }

  closeAll(code: number, reason: string): void {
    for (const conn of [...this.conns.keys()]) {
      conn.close(code, reason);
      this.removeConnection(conn);
    }
  }

  /** Handle one incoming frame. Never throws: a bad frame closes its own connection only. */
  receive(conn: DocConnection, data: Uint8Array): void {
    if (!this.conns.has(conn)) return;
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MESSAGE_SYNC:
          this.receiveSync(conn, decoder);
          return;
        case MESSAGE_AWARENESS:
          this.receiveAwareness(conn, decoding.readVarUint8Array(decoder));
          return;
        case MESSAGE_QUERY_AWARENESS:
          conn.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
          return;
        case MESSAGE_AUTH:
          // Permissions are decided at the upgrade; nothing to do.
          return;
        default:
          this.reject(conn, 'unknown message type');
      }
    } catch {
      this.reject(conn, 'malformed message');
    }
  }

  private receiveSync(conn: DocConnection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        const known = Y.decodeStateVector(stateVector); // throws on garbage, before anything is queued
        // Answered from the flush, so the answer never holds unstored updates.
        this.pendingSyncReplies.push({ conn, stateVector, empty: known.size === 0 });
        this.scheduleFlush();
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        // V1 decoding only, inside the caller's try/catch: hostile bytes throw, they do not hang.
        const verdict = this.guard.review(conn.principal, this.doc, update);
        if (verdict.action === 'reject') {
          this.reject(conn, verdict.reason);
          return;
        }
        if (verdict.action === 'drop') {
          this.droppedWrites++;
          return;
        }
        Y.applyUpdate(this.doc, update, conn);
        if (verdict.repair) {
          this.repairedWrites++;
          this.doc.transact(() => verdict.repair!(this.doc), SERVER_ORIGIN);
        }
        return;
      }
      default:
        this.reject(conn, 'unknown sync message');
    }
  }

  private receiveAwareness(conn: DocConnection, update: Uint8Array): void {
    if (update.length > this.options.maxAwarenessBytes) {
      this.reject(conn, 'awareness state too large');
      return;
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn);
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const controlled = this.conns.get(origin as DocConnection);
    if (controlled) {
      for (const id of [...changes.added, ...changes.updated]) controlled.add(id);
      for (const id of changes.removed) controlled.delete(id);
    }
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (changed.length === 0) return;
    const message = awarenessMessage(this.awareness, changed);
    for (const conn of this.conns.keys()) conn.send(message);
  };

  private reject(conn: DocConnection, reason: string): void {
    conn.close(CLOSE_CODES.BAD_MESSAGE, reason);
    this.removeConnection(conn);
  }

  /**
   * Coalescing: everything received in one event-loop turn is stored and sent as one update,
   * and the next flush waits out the window `broadcastWindowMs` gives (leading edge, then
   * throttled; see broadcastWindow.ts).
   */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const run = () => {
      this.flushScheduled = false;
      if (this.pending.length > 0) this.lastBroadcastAt = performance.now();
      this.flushChain = this.flushChain.then(() => this.flush());
    };
    const window = broadcastWindowMs(this.lastBroadcast, this.pending[0]?.origin, this.options);
    const wait = this.lastBroadcastAt + window - performance.now();
    if (wait <= 0) setImmediate(run);
    else setTimeout(run, wait);
  }

  /** A change made by the server itself (for example adopting a placement mean). Stored and broadcast like any other. */
  change(fn: (doc: Y.Doc) => void): void {
    this.doc.transact(() => fn(this.doc), SERVER_ORIGIN);
  }

  /** Resolves when everything received so far is stored and sent. */
  async flushed(): Promise<void> {
    await this.flushChain;
    if (this.pending.length || this.pendingSyncReplies.length) {
      this.flushChain = this.flushChain.then(() => this.flush());
      await this.flushChain;
    }
  }

  private async flush(): Promise<void> {
    if (this.discarded) return;
    const batch = this.pending;
    const replies = this.pendingSyncReplies;
    this.pending = [];
    this.pendingSyncReplies = [];
    const writer = writerOf(batch.map((b) => b.origin));
    // A flush of sync answers only ends a burst, and keeps who wrote last.
    this.lastBroadcast = { size: batch.length, writer: batch.length > 0 ? writer : this.lastBroadcast.writer };
    if (batch.length === 0 && replies.length === 0) return;

    // Sync answers are computed now, from exactly the state that is being stored.
    const answers = replies.map(({ conn, stateVector, empty }) => ({
      conn,
      message: empty ? (this.fullStateAnswer ??= syncStep2FromUpdate(this.encodedState())) : syncStep2Message(this.doc, stateVector),
    }));

    if (batch.length > 0) {
      try {
        this.lastStoredId = await this.storage.appendUpdates(
          this.workshopId,
          batch.map((b) => b.update),
        );
      } catch (err) {
        // Nothing unstored may reach anyone. Clients still hold their edits and
        // will sync them again when they reconnect to a freshly loaded room.
        this.logger.error(`storing board updates failed for a workshop`, err);
        this.closeAll(CLOSE_CODES.SERVER_SHUTDOWN, 'storage failure');
        return;
      }
      this.storedSinceCompact += batch.length;
      this.quiet.touch();
      this.options.onStored?.(this.workshopId);
      // Merging our own, already-applied updates is safe (never client bytes).
      const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update));
      // Stored: the other instances may pass it on now.
      this.bus.publish(this.workshopId, merged);
      const message = updateMessage(merged);
      let receivers = 0;
      for (const conn of this.conns.keys()) {
        if (conn === writer) continue;
        conn.send(message);
        receivers++;
      }
      if (receivers > 0) this.options.onBroadcast?.(performance.now() - this.batchStartedAt);
    }

    for (const { conn, message } of answers) {
      if (this.conns.has(conn)) conn.send(message);
    }
    // Answered from the stored snapshot: build the document now, while the phones apply it.
    if (this.unhydrated && answers.length > 0) this.scheduleHydrate(0);

    if (this.storedSinceCompact >= this.options.compactAfterUpdates) await this.compactOrLog();
  }

  /**
   * The board has been quiet for `compactWhenQuietMs`: store it as one snapshot. A board with a
   * stored tail, however short, must be rebuilt and encoded by the server before a phone can be
   * answered (bench (e), 2,000 cards after a crash: 150–180 ms with a tail of 20 changes or 500
   * alike, against 60–70 ms from one snapshot); compacted in the workshop's pauses, a board a
   * crash hits during a pause loads as fast as one stored cleanly.
   */
  private compactWhenQuiet(): void {
    if (this.unloadPromise || this.discarded) return;
    // Changes waiting for their flush: that flush stores them and touches the timer again.
    if (this.pending.length > 0) return;
    this.flushChain = this.flushChain.then(() => this.compactOrLog());
  }

  /** Compaction that fails leaves the stored updates as they are; it must not stop the flushes chained after it. */
  private async compactOrLog(): Promise<void> {
    try {
      await this.compact();
    } catch (err) {
      this.logger.error('compacting a board document failed', err);
    }
  }

  /** The whole document as one update (cached until the next change). */
  private encodedState(): Uint8Array {
    this.fullState ??= Y.encodeStateAsUpdate(this.doc);
    return this.fullState;
  }

  /** Replace the stored updates by one snapshot of the current state. */
  async compact(): Promise<void> {
    if (this.storedSinceCompact === 0 || this.discarded) return;
    if (this.bus.shared) return this.compactShared();
    const upTo = this.lastStoredId;
    await this.storage.compactDoc(this.workshopId, this.encodedState(), upTo);
    this.storedSinceCompact = 0;
  }

  /**
   * Several instances write this board: the snapshot is built from what storage holds, not from
   * this room's memory (an update another instance stored may still be on its way here, and
   * deleting it under a snapshot that lacks it would lose it), and storage lets one instance at a
   * time compact a board (a PostgreSQL advisory lock, or SQLite's write lock), so an older
   * snapshot never overwrites a newer one. Whatever storage held that this room lacked (stored by
   * an instance that was killed before it could tell the others) is applied here and told to the
   * others.
   */
  private async compactShared(): Promise<void> {
    let learnedUpdate: Uint8Array | null = null;
    const outcome = await this.storage.compactDocExclusive(this.workshopId, (stored) => {
      const fromStorage = new Y.Doc();
      try {
        fromStorage.transact(() => {
          if (stored.snapshot) Y.applyUpdate(fromStorage, stored.snapshot);
          for (const update of stored.updates) Y.applyUpdate(fromStorage, update);
        });
        learnedUpdate = Y.encodeStateAsUpdate(fromStorage, Y.encodeStateVector(this.doc));
        return Y.encodeStateAsUpdate(fromStorage);
      } finally {
        fromStorage.destroy();
      }
    });
    if (learnedUpdate && !this.discarded) {
      let learned = false;
      const onLearned = () => (learned = true);
      this.ydoc.on('update', onLearned);
      Y.applyUpdate(this.doc, learnedUpdate, REMOTE_ORIGIN);
      this.ydoc.off('update', onLearned);
      if (learned) this.bus.publish(this.workshopId, learnedUpdate);
    }
    // 'busy': another instance is compacting this board right now; ours waits for the next occasion.
    if (outcome !== 'busy') this.storedSinceCompact = 0;
  }

  /**
   * The workshop was deleted: close every connection, store nothing more
   * (what is unstored is dropped on purpose), free the memory.
   */
  discard(code: number, reason: string): Promise<void> {
    this.discarded = true;
    if (this.hydrateTimer) clearTimeout(this.hydrateTimer);
    this.quiet.cancel();
    this.pending = [];
    this.pendingSyncReplies = [];
    this.closeAll(code, reason);
    this.leaveBus();
    this.unloadPromise ??= (async () => {
      await this.flushChain.catch(() => {});
      this.awareness.destroy();
      this.ydoc.destroy();
    })();
    return this.unloadPromise;
  }

  /** Store what is left, compact, and free the memory. Idempotent. */
  unload(): Promise<void> {
    if (this.hydrateTimer) clearTimeout(this.hydrateTimer);
    this.quiet.cancel();
    this.unloadPromise ??= (async () => {
      await this.flushed();
      // The updates are stored; a compaction that fails can wait for the next load.
      await this.compactOrLog();
      this.leaveBus();
      this.awareness.destroy();
      this.ydoc.destroy();
    })();
    return this.unloadPromise;
  }
}

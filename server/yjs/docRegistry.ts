import type { WriteGuard } from '../board/boardGuard';
import type { Logger } from '../logger';
import type { Storage } from '../storage/storage';
import { DocRoom, type DocRoomOptions } from './docRoom';

export interface DocRegistryOptions extends DocRoomOptions {
  idleUnloadMs: number;
  /** The write policy of a workshop's board; awaited before the room opens. */
  createGuard: (workshopId: string) => Promise<WriteGuard>;
}

/**
 * Loads each workshop's DocRoom once, shares it between connections, and
 * unloads it (after storing and compacting) when it has been idle a while.
 */
export class DocRegistry {
  private readonly rooms = new Map<string, Promise<DocRoom>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private closing = false;

  constructor(
    private readonly storage: Storage,
    private readonly options: DocRegistryOptions,
    private readonly logger: Logger,
  ) {}

  /** The room, loaded and reserved: call `addConnection` or `release` on it next. */
  async acquire(workshopId: string): Promise<DocRoom> {
    for (;;) {
      let entry = this.rooms.get(workshopId);
      if (!entry) {
        entry = this.options
          .createGuard(workshopId)
          .then((guard) =>
            DocRoom.load(workshopId, this.storage, this.options, this.logger, guard, (room) => this.onIdle(room)),
          );
        this.rooms.set(workshopId, entry);
        entry.catch(() => {
          if (this.rooms.get(workshopId) === entry) this.rooms.delete(workshopId);
        });
      }
      const room = await entry;
      if (room.isUnloading) {
        await room.unload();
        continue;
      }
      this.cancelIdle(workshopId);
      room.reserve();
      return room;
    }
  }

  /** The room if it is in memory right now (no loading). */
  async loaded(workshopId: string): Promise<DocRoom | undefined> {
    const room = await this.rooms.get(workshopId);
    return room && !room.isUnloading ? room : undefined;
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  private onIdle(room: DocRoom): void {
    if (this.closing) return;
    this.cancelIdle(room.workshopId);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.workshopId);
      if (room.isIdle()) void this.unload(room);
    }, this.options.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(room.workshopId, timer);
  }

  private cancelIdle(workshopId: string): void {
    const timer = this.idleTimers.get(workshopId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(workshopId);
  }

  private async unload(room: DocRoom): Promise<void> {
    try {
      await room.unload();
    } finally {
      const entry = this.rooms.get(room.workshopId);
      if (entry && (await entry) === room) this.rooms.delete(room.workshopId);
    }
  }

  /** The workshop is being deleted: close its connections and drop its room without storing. */
  async discard(workshopId: string, code: number, reason: string): Promise<void> {
    this.cancelIdle(workshopId);
    const entry = this.rooms.get(workshopId);
    if (!entry) return;
    const room = await entry.catch(() => undefined);
    if (room) await room.discard(code, reason);
    if (this.rooms.get(workshopId) === entry) this.rooms.delete(workshopId);
  }

  /** On shutdown: close every connection, store and compact every document. */
  async closeAll(code: number, reason: string): Promise<void> {
    this.closing = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    await Promise.all(
      rooms.map(async (r) => {
        if (r.status !== 'fulfilled') return;
        r.value.closeAll(code, reason);
        await this.unload(r.value);
      }),
    );
  }
}

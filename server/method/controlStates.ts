import { defaultControlState, type ControlState } from '../../shared/control';
import { controlStateSchema } from '../../shared/schemas';
import type { MethodStore } from '../storage/methodStore';

/**
 * The control state of each workshop (phase, lock, reveal, timer, settings),
 * cached in memory and written through to storage. Updates of one workshop
 * run one after another, so two quick facilitator actions never lose one.
 */
export class ControlStates {
  private readonly cache = new Map<string, ControlState>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly store: MethodStore) {}

  async get(workshopId: string): Promise<ControlState> {
    const cached = this.cache.get(workshopId);
    if (cached) return cached;
    const state = (await this.store.loadControl(workshopId)) ?? defaultControlState();
    // Another caller may have loaded it meanwhile; keep the first.
    const existing = this.cache.get(workshopId);
    if (existing) return existing;
    this.cache.set(workshopId, state);
    return state;
  }

  /** Synchronous read for hot paths (the Yjs write guard). Loaded before any connection opens. */
  peek(workshopId: string): ControlState | undefined {
    return this.cache.get(workshopId);
  }

  /** Apply a change, validate the result, store it, then cache it. */
  update(workshopId: string, change: (state: ControlState) => ControlState): Promise<ControlState> {
    const previous = this.queues.get(workshopId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const state = controlStateSchema.parse(change(structuredClone(await this.get(workshopId))));
        await this.store.saveControl(workshopId, state);
        this.cache.set(workshopId, state);
        return state;
      });
    this.queues.set(workshopId, next);
    void next.finally(() => {
      if (this.queues.get(workshopId) === next) this.queues.delete(workshopId);
    }).catch(() => undefined);
    return next;
  }

  forget(workshopId: string): void {
    this.cache.delete(workshopId);
  }
}

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

  /**
   * `shared`: other instances change the same workshops (several instances). Each change then
   * starts from the stored state, not the cache, and `onChanged` tells the others, which
   * `refresh` their cache.
   */
  constructor(
    private readonly store: MethodStore,
    private readonly cluster: { shared: boolean; onChanged: (workshopId: string) => void } = { shared: false, onChanged: () => {} },
  ) {}

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
    return this.enqueue(workshopId, async () => {
      const current = this.cluster.shared ? await this.loadFresh(workshopId) : await this.get(workshopId);
      const state = controlStateSchema.parse(change(structuredClone(current)));
      await this.store.saveControl(workshopId, state);
      this.cache.set(workshopId, state);
      this.cluster.onChanged(workshopId);
      return state;
    });
  }

  /** Jobs on one workshop's control state run one after another. */
  private enqueue<T>(workshopId: string, job: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(workshopId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(job);
    this.queues.set(workshopId, next);
    void next.finally(() => {
      if (this.queues.get(workshopId) === next) this.queues.delete(workshopId);
    }).catch(() => undefined);
    return next;
  }

  private async loadFresh(workshopId: string): Promise<ControlState> {
    return (await this.store.loadControl(workshopId)) ?? this.cache.get(workshopId) ?? defaultControlState();
  }

  /** Another instance changed this workshop's control state: read it again (only if we keep it). */
  refresh(workshopId: string): Promise<void> {
    if (!this.cache.has(workshopId)) return Promise.resolve();
    // In the queue, so an older read never overwrites a change this instance made meanwhile.
    return this.enqueue(workshopId, async () => {
      const state = await this.store.loadControl(workshopId);
      if (state && this.cache.has(workshopId)) this.cache.set(workshopId, state);
    });
  }

  /** After the link to the other instances was lost a while: every kept state may be stale. */
  async refreshAll(): Promise<void> {
    await Promise.all([...this.cache.keys()].map((id) => this.refresh(id)));
  }

  forget(workshopId: string): void {
    this.cache.delete(workshopId);
  }
}

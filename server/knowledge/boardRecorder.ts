import * as Y from 'yjs';
import { readCards, type CardView } from '../../shared/board';
import { randomId } from '../../shared/ids';
import type { Logger } from '../logger';
import type { CardRecord } from '../storage/knowledgeStore';
import type { Storage } from '../storage/storage';
import type { DocRegistry } from '../yjs/docRegistry';

/** How long a board must be quiet before its record (history, search) is refreshed. */
export const RECORD_DEBOUNCE_MS = 1500;

/**
 * Keeps each workshop's recorded board (card_records: history and search) in
 * step with its Yjs document, and links cards to the register. The document
 * stays the truth; the record is derived, so it is refreshed a moment after
 * the board changes, when the board is unloaded, and before any export.
 * An unplaced card (in the tray) is recorded without a position: it can be found,
 * but it counts in no quadrant and has no history row until someone places it.
 */
export class BoardRecorder {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<CardRecord[]>>();
  private readonly deleted = new Set<string>();

  constructor(
    private readonly storage: Storage,
    private readonly registry: DocRegistry,
    private readonly logger: Logger,
  ) {}

  /** The cards as they are now: from the loaded room, or from storage. */
  async readBoard(workshopId: string): Promise<CardView[]> {
    const room = await this.registry.loaded(workshopId);
    if (room) return readCards(room.doc);
    const stored = await this.storage.loadDoc(workshopId);
    const doc = new Y.Doc();
    try {
      doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(doc, u);
      });
      return readCards(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Refresh soon (debounced per workshop). */
  schedule(workshopId: string): void {
    if (this.deleted.has(workshopId)) return;
    const existing = this.timers.get(workshopId);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(() => {
      this.timers.delete(workshopId);
      this.record(workshopId).catch((err: unknown) => this.logger.error('recording a board failed', err));
    }, RECORD_DEBOUNCE_MS);
    timer.unref();
    this.timers.set(workshopId, timer);
  }

  /**
   * Record the board now. Cards are linked to the register by their own
   * `registerId`, by an earlier link, or by the same kind and title. With
   * `registerNew` (when a workshop is finished) cards without an entry get one.
   */
  record(workshopId: string, options: { registerNew?: boolean } = {}): Promise<CardRecord[]> {
    const timer = this.timers.get(workshopId);
    if (timer) clearTimeout(timer);
    this.timers.delete(workshopId);
    // One at a time per workshop, so two records never interleave.
    const previous = this.running.get(workshopId) ?? Promise.resolve([]);
    const next = previous
      .catch(() => [])
      .then(() => this.recordNow(workshopId, options.registerNew ?? false));
    this.running.set(workshopId, next);
    void next.finally(() => {
      if (this.running.get(workshopId) === next) this.running.delete(workshopId);
    }).catch(() => {});
    return next;
  }

  private async recordNow(workshopId: string, registerNew: boolean): Promise<CardRecord[]> {
    if (this.deleted.has(workshopId)) return [];
    if (!(await this.storage.findWorkshop(workshopId))) return [];
    const cards = await this.readBoard(workshopId);
    const known = new Map((await this.storage.knowledge.cardRecords(workshopId)).map((c) => [c.cardId, c.registerId]));
    const k = this.storage.knowledge;
    const records: CardRecord[] = [];
    for (const card of cards) {
      let registerId: string | null = null;
      for (const candidate of [card.registerId, known.get(card.id) ?? null]) {
        if (candidate && (await k.findRegister(candidate))) {
          registerId = candidate;
          break;
        }
      }
      registerId ??= (await k.findRegisterByTitle(card.kind, card.title))?.id ?? null;
      if (!registerId && registerNew) {
        registerId = randomId(16);
        await k.createRegister({
          id: registerId,
          kind: card.kind,
          title: card.title,
          department: card.department,
          description: card.description,
          createdAt: Date.now(),
        });
      }
      records.push({
        cardId: card.id,
        registerId,
        kind: card.kind,
        title: card.title,
        department: card.department,
        description: card.description,
        pos: card.pos,
        target: card.target,
      });
    }
    if (this.deleted.has(workshopId)) return [];
    await k.replaceCardRecords(workshopId, records);
    return records;
  }

  /** A deleted workshop is never recorded again (a late timer must not bring rows back). */
  forget(workshopId: string): void {
    this.deleted.add(workshopId);
    const timer = this.timers.get(workshopId);
    if (timer) clearTimeout(timer);
    this.timers.delete(workshopId);
  }

  /** On shutdown: record what is still waiting, then stop. */
  async close(): Promise<void> {
    const waiting = [...this.timers.keys()];
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...waiting.map((id) => this.record(id)), ...this.running.values()]);
  }
}

import * as Y from 'yjs';
import { putCard } from '../../shared/board';
import { CLOSE_CODES } from '../../shared/errors';
import { defaultControlState } from '../../shared/control';
import { copyTitle } from '../../shared/knowledge';
import { WORKSHOP_TITLE_MAX } from '../../shared/protocol';
import type { Logger } from '../logger';
import type { Broadcaster } from '../method/broadcaster';
import type { ControlStates } from '../method/controlStates';
import type { AccountRecord, Storage, WorkshopRecord } from '../storage/storage';
import type { WorkshopService } from '../workshops';
import type { DocRegistry } from '../yjs/docRegistry';
import type { BoardRecorder } from './boardRecorder';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface LifecycleDeps {
  storage: Storage;
  controls: ControlStates;
  recorder: BoardRecorder;
  registry: DocRegistry;
  workshops: WorkshopService;
  broadcaster: () => Broadcaster;
  /** Tell every connected client of the workshop that it is gone, and disconnect them. */
  endWorkshop: (workshopId: string) => void;
  /** Tell connected clients the workshop's new title. */
  retitle: (workshopId: string, title: string) => Promise<void>;
  retentionDays: number;
  logger: Logger;
}

/**
 * A workshop's life after the meeting: finishing (read-only), reopening,
 * duplicating as the start of the next one, retention, pseudonymising, and
 * deleting for good.
 */
export class WorkshopLifecycle {
  private retentionTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: LifecycleDeps) {}

  /** The retention date: the one set, or the default period after the workshop. */
  retentionUntil(workshop: { createdAt: number }, stored: number | null): number {
    return stored ?? workshop.createdAt + this.deps.retentionDays * DAY_MS;
  }

  async finish(workshopId: string): Promise<void> {
    const { controls, recorder, registry } = this.deps;
    // Everything on the board is stored before the workshop closes.
    const room = await registry.loaded(workshopId);
    await room?.flushed();
    await controls.update(workshopId, (s) => ({ ...s, finishedAt: s.finishedAt ?? Date.now(), locked: true, timer: { ...s.timer, status: 'idle', endsAt: null } }));
    await this.deps.broadcaster().control(workshopId);
    // Every card now joins the register, so its history starts here.
    await recorder.record(workshopId, { registerNew: true });
  }

  async reopen(workshopId: string): Promise<void> {
    await this.deps.controls.update(workshopId, (s) => ({ ...s, finishedAt: null }));
    await this.deps.broadcaster().control(workshopId);
  }

  /**
   * A new workshop that starts where this one ended: the same template,
   * phases and settings, the same cards (now positions and targets, register
   * links kept); barriers, votes and proposals are not copied.
   */
  async duplicate(owner: AccountRecord, source: WorkshopRecord, title?: string): Promise<WorkshopRecord> {
    const { storage, controls, recorder, workshops } = this.deps;
    const control = await controls.get(source.id);
    const records = new Map((await recorder.record(source.id)).map((r) => [r.cardId, r.registerId]));
    const cards = await recorder.readBoard(source.id);
    const copy = await workshops.create(owner, { title: title ?? copyTitle(source.title, WORKSHOP_TITLE_MAX), template: source.template });
    await storage.knowledge.setOrigin(copy.id, { kind: 'copy', workshopId: source.id, title: source.title });
    await storage.method.saveControl(copy.id, {
      ...defaultControlState(),
      phases: control.phases.map((p) => ({ ...p })),
      currentPhaseId: control.phases.find((p) => !p.skipped)?.id ?? control.phases[0]!.id,
      settings: control.settings,
    });
    const doc = new Y.Doc();
    const now = Date.now();
    cards.forEach((c, i) => putCard(doc, { ...c, registerId: c.registerId ?? records.get(c.id) ?? null, createdAt: now + i }));
    await storage.compactDoc(copy.id, Y.encodeStateAsUpdate(doc), 0);
    doc.destroy();
    await recorder.record(copy.id);
    return copy;
  }

  /** A new title; the search index follows (trigger), and connected clients get it with their next state. */
  async rename(workshopId: string, title: string): Promise<void> {
    await this.deps.storage.knowledge.rename(workshopId, title);
    await this.deps.retitle(workshopId, title);
  }

  async setRetention(workshopId: string, until: number): Promise<void> {
    await this.deps.storage.knowledge.setRetention(workshopId, until);
  }

  async pseudonymise(workshopId: string): Promise<void> {
    const { storage, controls } = this.deps;
    await storage.knowledge.pseudonymise(workshopId);
    // Nothing may show names any more.
    await controls.update(workshopId, (s) => ({ ...s, settings: { ...s.settings, named: false } }));
    const b = this.deps.broadcaster();
    await b.control(workshopId);
    b.schedule(workshopId, 'barriers', 'proposals', 'alarms');
  }

  /**
   * Deletes the workshop and everything of it: board updates and snapshot,
   * participants and their tokens, barriers, votes, proposals, alarms,
   * placements, its record and its search entries. Connected clients are
   * told and disconnected first.
   */
  async delete(workshopId: string): Promise<boolean> {
    const { storage, controls, recorder, registry, endWorkshop } = this.deps;
    recorder.forget(workshopId);
    endWorkshop(workshopId);
    await registry.discard(workshopId, CLOSE_CODES.WORKSHOP_DELETED, 'workshop deleted');
    const deleted = await storage.knowledge.deleteWorkshop(workshopId);
    controls.forget(workshopId);
    return deleted;
  }

  /** Deletes every workshop past its retention date; returns how many. */
  async runRetention(now = Date.now()): Promise<number> {
    // Expired sessions go too (sign-ins also clear them): with them the ID tokens kept for logout.
    await this.deps.storage.deleteExpiredSessions(now);
    const ids = await this.deps.storage.knowledge.expiredWorkshops(now, this.deps.retentionDays * DAY_MS);
    let n = 0;
    for (const id of ids) if (await this.delete(id)) n++;
    if (n > 0) this.deps.logger.info(`retention: deleted ${n} workshop(s) past their retention date`);
    return n;
  }

  /** Once at start, then daily. */
  startRetentionJob(intervalMs = DAY_MS): void {
    const run = () => this.runRetention().catch((err: unknown) => this.deps.logger.error('retention job failed', err));
    void run();
    this.retentionTimer = setInterval(run, intervalMs);
    this.retentionTimer.unref();
  }

  stop(): void {
    if (this.retentionTimer) clearInterval(this.retentionTimer);
  }
}

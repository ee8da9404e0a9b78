import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  buildProgressReport,
  periodBounds,
  type ProgressReport,
  type ProgressReportInput,
  type ReportSelection,
} from '../../shared/progressReport';
import type { BoardRecorder } from '../knowledge/boardRecorder';
import type { Storage } from '../storage/storage';

export interface ProgressReportDeps {
  storage: Storage;
  recorder: BoardRecorder;
}

/**
 * Gathers what the progress report needs from storage (boards recorded fresh
 * first, as exports do) and hands it to the pure builder in
 * shared/progressReport.ts. Only workshops in the period are read in full.
 */
export async function progressReport(
  deps: ProgressReportDeps,
  options: { from: string; to: string; selection: ReportSelection; today: string; now: number },
): Promise<ProgressReport> {
  const { storage, recorder } = deps;
  const { start, end } = periodBounds(options.from, options.to);
  const rows = (await storage.knowledge.knowledgeWorkshops()).filter((w) => w.createdAt >= start && w.createdAt < end);
  const workshops: ProgressReportInput['workshops'] = [];
  const alarms: ProgressReportInput['alarms'] = [];
  for (const w of rows) {
    // SQLite answers synchronously, so these awaits alone never let the event loop turn: one
    // report of many workshops would be one long task, stopping every live workshop's broadcasts
    // meanwhile (about 250 ms for twelve workshops, npm run bench:report). A turn per workshop.
    await nextTurn();
    const cards = await recorder.record(w.id);
    workshops.push({
      id: w.id,
      title: w.title,
      createdAt: w.createdAt,
      template: w.template,
      participantCount: w.participantCount,
      cards: cards.map((c) => ({ registerId: c.registerId, kind: c.kind, title: c.title, now: c.pos, target: c.target })),
    });
    for (const a of await storage.method.listAlarms(w.id)) {
      alarms.push({ id: a.id, workshopId: w.id, targetType: a.targetType, targetId: a.targetId, reason: a.reason, status: a.status, createdAt: a.createdAt });
    }
  }
  const ids = new Set(rows.map((w) => w.id));
  const input: ProgressReportInput = {
    workshops,
    register: (await storage.knowledge.listRegister()).map((e) => ({ id: e.id, kind: e.kind, title: e.title, department: e.department })),
    barriers: (await storage.knowledge.ledgerRows())
      .filter((b) => ids.has(b.workshopId))
      .map((b) => ({ id: b.barrierId, workshopId: b.workshopId, text: b.text, votes: b.votes, ledgerId: b.ledgerId })),
    proposals: (await storage.knowledge.trackerRows())
      .filter((p) => ids.has(p.workshopId))
      .map((p) => ({ id: p.id, workshopId: p.workshopId, barrierId: p.barrierId, text: p.text, owner: p.owner, dueDate: p.dueDate, status: p.status })),
    alarms,
    progress: (await storage.followUp.progressBetween(0, Number.MAX_SAFE_INTEGER)).map((e) => ({
      proposalId: e.proposalId,
      at: e.at,
      status: e.status,
      note: e.note,
    })),
  };
  return buildProgressReport(input, { from: options.from, to: options.to, selection: options.selection, today: options.today, generatedAt: options.now });
}

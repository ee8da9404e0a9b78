import { EXPORT_KIND, EXPORT_VERSION, type ExportRound, type WorkshopExport } from '../../shared/export';
import { placementStats, rankBySpread } from '../../shared/placement';
import { rankBarriers } from '../../shared/voting';
import type { ControlStates } from '../method/controlStates';
import type { Storage, WorkshopRecord } from '../storage/storage';
import type { BoardRecorder } from './boardRecorder';

export interface ExportDeps {
  storage: Storage;
  controls: ControlStates;
  recorder: BoardRecorder;
}

/**
 * The whole outcome of one workshop (shared/export.ts), read fresh: the board
 * from its document, everything else from storage. Also refreshes the
 * workshop's record (history, search), so an export and the knowledge centre agree.
 */
export async function buildExport(deps: ExportDeps, workshop: WorkshopRecord, now = new Date()): Promise<WorkshopExport> {
  const { storage, controls, recorder } = deps;
  const m = storage.method;
  const id = workshop.id;
  const control = await controls.get(id);
  const named = control.settings.named;

  const [records, cards] = await Promise.all([recorder.record(id), recorder.readBoard(id)]);
  const registerOf = new Map(records.map((r) => [r.cardId, r.registerId]));

  const barriers = await m.listBarriers(id);
  const totals = await m.voteTotals(id);
  const ranked = rankBarriers(
    barriers.map((b) => b.id),
    totals.perBarrier,
  );
  const byId = new Map(barriers.map((b) => [b.id, b]));

  const rounds: ExportRound[] = [];
  for (const round of await m.listRounds(id)) {
    const placements = round.status === 'open' ? [] : await m.placementsOf(round.id);
    const results = round.cardIds.map((cardId) => {
      // Sorted by position: the order must not follow participant ids (it would link
      // one person's placements across cards), and a round trip keeps it.
      const points = placements
        .filter((p) => p.cardId === cardId)
        .map((p) => ({ x: p.x, y: p.y }))
        .sort((a, b) => a.x - b.x || a.y - b.y);
      return { cardId, points, stats: placementStats(points) };
    });
    rounds.push({ id: round.id, mode: round.mode, status: round.status, createdAt: round.createdAt, results: rankBySpread(results) });
  }

  const participants = (await m.listParticipants(id)).filter((p) => !p.removed);

  return {
    kind: EXPORT_KIND,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    workshop: {
      title: workshop.title,
      createdAt: workshop.createdAt,
      finishedAt: control.finishedAt,
      template: workshop.template,
      phases: control.phases,
      currentPhaseId: control.currentPhaseId,
      settings: control.settings,
    },
    participants: { count: participants.length, names: named ? participants.map((p) => p.name) : [] },
    cards: cards.map((c) => ({
      id: c.id,
      kind: c.kind,
      title: c.title,
      department: c.department,
      description: c.description,
      x: c.x,
      y: c.y,
      target: c.target,
      registerId: c.registerId ?? registerOf.get(c.id) ?? null,
      createdAt: c.createdAt,
    })),
    rounds,
    barriers: ranked.map((t) => {
      const b = byId.get(t.barrierId)!;
      return {
        id: b.id,
        text: b.text,
        heading: b.heading,
        cardIds: b.cardIds,
        authorName: named ? b.authorName : '',
        createdAt: b.createdAt,
        votes: t.votes,
        rank: t.rank,
        variants: b.variants,
      };
    }),
    voters: totals.voters,
    proposals: (await m.listProposals(id)).map((p) => ({
      id: p.id,
      barrierId: p.barrierId,
      cardId: p.cardId,
      text: p.text,
      kind: p.kind,
      owner: p.owner,
      dueDate: p.dueDate,
      status: p.status,
      authorName: named ? p.authorName : '',
      createdAt: p.createdAt,
    })),
    alarms: (await m.listAlarms(id)).map((a) => ({
      id: a.id,
      targetType: a.targetType,
      targetId: a.targetId,
      reason: a.reason,
      status: a.status,
      raisedByName: named ? a.raisedByName : '',
      createdAt: a.createdAt,
    })),
  };
}

import * as Y from 'yjs';
import { putCard } from '../../shared/board';
import { defaultControlState } from '../../shared/control';
import type { WorkshopExport } from '../../shared/export';
import { randomId } from '../../shared/ids';
import { hashToken, randomToken } from '../auth/tokens';
import type { AccountRecord, Storage, WorkshopRecord } from '../storage/storage';
import type { WorkshopService } from '../workshops';
import type { BoardRecorder } from './boardRecorder';

export interface ImportDeps {
  storage: Storage;
  workshops: WorkshopService;
  recorder: BoardRecorder;
}

/**
 * A JSON export (already checked by workshopExportSchema) becomes a new
 * workshop owned by `owner`, with identical content: the same cards (same card
 * ids, they live inside the document), barriers with the same vote totals and
 * the same number of voters, proposals, alarms and placement rounds. Other ids
 * are new; references between items follow. Nobody can log in as an imported
 * participant (their tokens are never handed out).
 */
export async function importWorkshop(deps: ImportDeps, owner: AccountRecord, model: WorkshopExport, title?: string): Promise<WorkshopRecord> {
  const { storage, workshops, recorder } = deps;
  const m = storage.method;
  const w = model.workshop;
  // The original, when it is here: its history is not counted twice (see historyOf).
  const original = await storage.knowledge.findOriginal(w.title, w.createdAt);
  const workshop = await workshops.create(owner, { title: title ?? w.title, template: w.template }, w.createdAt);
  const id = workshop.id;
  await storage.knowledge.setOrigin(id, { kind: 'import', workshopId: original, title: w.title });

  const phaseIds = new Set(w.phases.map((p) => p.id));
  await m.saveControl(id, {
    ...defaultControlState(),
    phases: w.phases,
    currentPhaseId: phaseIds.has(w.currentPhaseId) ? w.currentPhaseId : w.phases[0]!.id,
    settings: w.settings,
    finishedAt: w.finishedAt,
  });

  for (let i = 0; i < model.participants.count; i++) {
    await storage.createParticipant(
      {
        id: randomId(16),
        workshopId: id,
        name: model.participants.names[i] ?? `Deelnemer ${i + 1}`,
        createdAt: w.createdAt,
        removed: false,
      },
      hashToken(randomToken()),
    );
  }

  // The board: one snapshot, as a compacted document would be stored.
  const doc = new Y.Doc();
  for (const card of model.cards) {
    const registered = card.registerId && (await storage.knowledge.findRegister(card.registerId));
    putCard(doc, { ...card, registerId: registered ? card.registerId : null });
  }
  await storage.compactDoc(id, Y.encodeStateAsUpdate(doc), 0);
  doc.destroy();

  // Rounds in their order; creating one closes the previous, so statuses are set after.
  const rounds = [...model.rounds].sort((a, b) => a.createdAt - b.createdAt);
  for (const round of rounds) {
    const roundId = randomId(16);
    await m.createRound(id, { id: roundId, cardIds: round.results.map((r) => r.cardId), mode: round.mode, status: 'open', createdAt: round.createdAt });
    for (const result of round.results) {
      for (const point of result.points) {
        await m.setPlacement(roundId, { participantId: randomId(16), cardId: result.cardId, x: point.x, y: point.y });
      }
    }
    await m.setRoundStatus(id, roundId, round.status);
  }

  // Barriers in the order they were given (ties in the ranking keep that order).
  const barrierIds = new Map<string, string>();
  const voters = Array.from({ length: Math.max(1, model.voters) }, () => `import-${randomId(12)}`);
  let nextVoter = 0;
  const byAge = model.barriers.map((b, i) => ({ b, i })).sort((x, y) => x.b.createdAt - y.b.createdAt || x.i - y.i);
  for (const { b } of byAge) {
    const newId = randomId(16);
    barrierIds.set(b.id, newId);
    await m.addBarrier({
      id: newId,
      workshopId: id,
      text: b.text,
      cardIds: b.cardIds,
      heading: b.heading,
      authorId: 'import',
      authorName: b.authorName,
      mergedInto: null,
      createdAt: b.createdAt,
      variants: [],
    });
    // Merged wordings come back as barriers merged into this one.
    for (const text of b.variants) {
      const variantId = randomId(16);
      await m.addBarrier({ id: variantId, workshopId: id, text, cardIds: [], heading: '', authorId: 'import', authorName: '', mergedInto: null, createdAt: b.createdAt, variants: [] });
      await m.mergeBarriers(id, variantId, newId);
    }
    // Spread the votes over as many voters as voted, so the voter count comes back too.
    const votesBy = Array.from({ length: b.votes }, () => voters[nextVoter++ % voters.length]!);
    await m.importVotes(id, newId, votesBy, b.createdAt);
  }

  const proposalIds = new Map<string, string>();
  for (const p of model.proposals) {
    const newId = randomId(16);
    proposalIds.set(p.id, newId);
    await m.addProposal({
      ...p,
      id: newId,
      workshopId: id,
      barrierId: p.barrierId ? (barrierIds.get(p.barrierId) ?? null) : null,
      authorId: 'import',
    });
  }

  for (const a of model.alarms) {
    const targetId = (a.targetType === 'barrier' ? barrierIds : proposalIds).get(a.targetId);
    if (!targetId) continue;
    await m.addAlarm({ ...a, id: randomId(16), workshopId: id, targetId, raisedBy: 'import' });
  }

  await recorder.record(id, { registerNew: w.finishedAt !== null });
  return workshop;
}

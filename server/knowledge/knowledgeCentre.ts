import { addCard, cardsOf } from '../../shared/board';
import { currentPhase } from '../../shared/control';
import {
  compareBoards,
  isOpenStatus,
  isOverdue,
  type Comparison,
  type KnowledgeWorkshop,
  type Ledger,
  type LedgerBarrier,
  type LedgerGroup,
  type RegisterDetail,
  type RegisterEntry,
  type SearchResult,
  type SearchType,
  type TrackedProposal,
} from '../../shared/knowledge';
import { randomId } from '../../shared/ids';
import { placementStats } from '../../shared/placement';
import type { Proposal } from '../../shared/method';
import type { AddCardsBody, RegisterEntryBody, RegisterEntryPatch } from '../../shared/schemas/knowledge';
import { HttpError } from '../http/errors';
import type { Broadcaster } from '../method/broadcaster';
import type { CardRecord, LedgerRow, RegisterRecord, TrackerRow } from '../storage/knowledgeStore';
import type { Storage, WorkshopRecord } from '../storage/storage';
import type { DocRegistry } from '../yjs/docRegistry';
import type { BoardRecorder } from './boardRecorder';
import { buildMatch, contentStems, jaccard } from './dutchText';
import type { WorkshopLifecycle } from './lifecycle';

/** Suggest two barriers as "the same drempel" from this similarity on. */
export const SUGGEST_SIMILARITY = 0.5;
export const MAX_SUGGESTIONS = 50;

export interface KnowledgeDeps {
  storage: Storage;
  recorder: BoardRecorder;
  registry: DocRegistry;
  lifecycle: WorkshopLifecycle;
  broadcaster: () => Broadcaster;
}

const todayIso = () => new Date().toISOString().slice(0, 10);

/** The knowledge centre's reading and filing, over every workshop. The HTTP routes stay thin. */
export class KnowledgeCentre {
  constructor(private readonly deps: KnowledgeDeps) {}

  private get k() {
    return this.deps.storage.knowledge;
  }

  async workshops(accountId: string): Promise<KnowledgeWorkshop[]> {
    const rows = await this.k.knowledgeWorkshops();
    return rows.map((w) => {
      const phase = w.control ? currentPhase(w.control) : undefined;
      return {
        id: w.id,
        title: w.title,
        createdAt: w.createdAt,
        finishedAt: w.control?.finishedAt ?? null,
        templateId: w.template.id,
        templateName: w.template.name,
        participantCount: w.participantCount,
        phase: phase ? { id: phase.id, kind: phase.kind, title: phase.title } : { id: 'welkom', kind: 'welkom', title: '' },
        ownerName: w.ownerName,
        mine: w.ownerId === accountId,
        origin: w.origin,
        retentionUntil: this.deps.lifecycle.retentionUntil(w, w.retentionUntil),
        cardCount: w.cardCount,
        barrierCount: w.barrierCount,
        proposalCount: w.proposalCount,
      };
    });
  }

  async search(query: string, type: SearchType | undefined, limit: number): Promise<SearchResult> {
    const started = performance.now();
    const match = buildMatch(query);
    const hits = match ? await this.k.search(match, type, limit) : [];
    return { query, hits, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  // ------------------------------------------------------------ register

  async register(): Promise<RegisterEntry[]> {
    return this.k.listRegister();
  }

  async addToRegister(body: RegisterEntryBody): Promise<RegisterEntry> {
    const existing = await this.k.findRegisterByTitle(body.kind, body.title);
    if (existing) return { ...existing, workshopCount: (await this.k.historyOf(existing.id)).length };
    const entry = { id: randomId(16), ...body, createdAt: Date.now() };
    await this.k.createRegister(entry);
    return { ...entry, workshopCount: 0 };
  }

  async updateRegister(id: string, patch: RegisterEntryPatch): Promise<RegisterEntry> {
    const current = await this.k.findRegister(id);
    if (!current) throw new HttpError(404, 'NOT_FOUND');
    const next = { ...current, ...patch };
    const clash = await this.k.findRegisterByTitle(next.kind, next.title);
    if (clash && clash.id !== id) throw new HttpError(409, 'INVALID_PAYLOAD', 'title');
    await this.k.updateRegister(id, patch);
    return { ...next, workshopCount: new Set((await this.k.historyOf(id)).map((h) => h.workshopId)).size };
  }

  async registerDetail(id: string): Promise<RegisterDetail> {
    const entry = await this.k.findRegister(id);
    if (!entry) throw new HttpError(404, 'NOT_FOUND');
    const rows = await this.k.historyOf(id);
    const history = [];
    for (const r of rows) {
      const rounds = [];
      for (const round of await this.deps.storage.method.listRounds(r.workshopId)) {
        if (round.status === 'open' || !round.cardIds.includes(r.cardId)) continue;
        const points = (await this.deps.storage.method.placementsOf(round.id)).filter((p) => p.cardId === r.cardId);
        rounds.push({ mode: round.mode, createdAt: round.createdAt, stats: placementStats(points) });
      }
      history.push({
        workshopId: r.workshopId,
        workshopTitle: r.workshopTitle,
        workshopCreatedAt: r.workshopCreatedAt,
        template: r.template,
        cardId: r.cardId,
        title: r.title,
        now: { x: r.x, y: r.y },
        target: r.target,
        rounds,
      });
    }
    return { entry: { ...entry, workshopCount: new Set(history.map((h) => h.workshopId)).size }, history };
  }

  async compare(from: WorkshopRecord, to: WorkshopRecord): Promise<Comparison> {
    const comparable = (cards: CardRecord[]) =>
      cards
        .filter((c): c is CardRecord & { registerId: string } => c.registerId !== null)
        .map((c) => ({ registerId: c.registerId, title: c.title, kind: c.kind, now: { x: c.x, y: c.y }, target: c.target }));
    const [a, b] = await Promise.all([this.deps.recorder.record(from.id), this.deps.recorder.record(to.id)]);
    return {
      from: { id: from.id, title: from.title, createdAt: from.createdAt },
      to: { id: to.id, title: to.title, createdAt: to.createdAt },
      movements: compareBoards(comparable(a), from.template, comparable(b), to.template),
    };
  }

  /**
   * Preparing a workshop: cards from the register (placed where they stood
   * the last time) and new ones, which join the register first.
   */
  async addCards(workshop: WorkshopRecord, body: AddCardsBody): Promise<string[]> {
    const entries: RegisterRecord[] = [];
    for (const id of body.registerIds) {
      const entry = await this.k.findRegister(id);
      if (!entry) throw new HttpError(404, 'NOT_FOUND', id);
      entries.push(entry);
    }
    for (const card of body.cards) {
      const entry = await this.addToRegister(card);
      entries.push(entry);
    }
    const last = new Map<string, { x: number; y: number }>();
    for (const entry of entries) {
      const history = await this.k.historyOf(entry.id);
      const latest = history.filter((h) => h.workshopId !== workshop.id).at(-1);
      if (latest) last.set(entry.id, { x: latest.x, y: latest.y });
    }
    const room = await this.deps.registry.acquire(workshop.id);
    const ids: string[] = [];
    try {
      room.change((doc) => {
        const onBoard = new Set<string>();
        cardsOf(doc).forEach((card) => {
          const r = card.get('registerId');
          if (typeof r === 'string') onBoard.add(r);
        });
        entries.forEach((e, i) => {
          if (onBoard.has(e.id)) return;
          onBoard.add(e.id);
          // New entries start near the centre, fanned out so they do not cover each other.
          const pos = last.get(e.id) ?? { x: 0.42 + (i % 5) * 0.04, y: 0.42 + Math.floor(i / 5) * 0.04 };
          ids.push(
            addCard(doc, {
              kind: e.kind,
              title: e.title,
              department: e.department || undefined,
              description: e.description || undefined,
              registerId: e.id,
              x: Math.min(1, pos.x),
              y: Math.min(1, pos.y),
            }),
          );
        });
      });
      await room.flushed();
    } finally {
      room.release();
    }
    await this.deps.recorder.record(workshop.id);
    return ids;
  }

  // -------------------------------------------------------------- ledger

  async ledger(): Promise<Ledger> {
    const rows = await this.k.ledgerRows();
    const toLedger = (r: LedgerRow): LedgerBarrier => ({
      barrierId: r.barrierId,
      workshopId: r.workshopId,
      workshopTitle: r.workshopTitle,
      workshopCreatedAt: r.workshopCreatedAt,
      text: r.text,
      votes: r.votes,
    });
    const groups = new Map<string, LedgerGroup>();
    for (const r of rows) {
      if (!r.ledgerId) continue;
      const g = groups.get(r.ledgerId) ?? { ledgerId: r.ledgerId, barriers: [], totalVotes: 0 };
      g.barriers.push(toLedger(r));
      g.totalVotes += r.votes;
      groups.set(r.ledgerId, g);
    }
    return {
      groups: [...groups.values()].sort((a, b) => b.barriers.length - a.barriers.length || b.totalVotes - a.totalVotes),
      suggestions: suggestPairs(rows).map(({ a, b, similarity }) => ({ a: toLedger(a), b: toLedger(b), similarity })),
    };
  }

  async link(barrierIds: string[]): Promise<string> {
    const group = await this.k.linkBarriers([...new Set(barrierIds)], randomId(16));
    if (!group) throw new HttpError(404, 'NOT_FOUND');
    return group;
  }

  async unlink(barrierId: string): Promise<void> {
    if (!(await this.k.unlinkBarrier(barrierId))) throw new HttpError(404, 'NOT_FOUND');
  }

  // ------------------------------------------------------------- tracker

  async tracker(filter: { owner?: string; status?: Proposal['status']; overdue?: boolean; today?: string }): Promise<TrackedProposal[]> {
    const today = filter.today ?? todayIso();
    const owner = filter.owner?.toLocaleLowerCase('nl');
    return (await this.k.trackerRows())
      .map((r) => toTracked(r, today))
      .filter(
        (p) =>
          (!owner || p.owner.toLocaleLowerCase('nl').includes(owner)) &&
          (!filter.status || p.status === filter.status) &&
          (filter.overdue === undefined || p.overdue === filter.overdue),
      );
  }

  /** Status, owner or due date changed afterwards; a live workshop sees it at once. */
  async updateTracked(id: string, fields: Partial<Pick<Proposal, 'status' | 'owner' | 'dueDate'>>): Promise<TrackedProposal> {
    const workshopId = await this.k.proposalWorkshop(id);
    if (!workshopId) throw new HttpError(404, 'NOT_FOUND');
    await this.deps.storage.method.updateProposal(workshopId, id, fields);
    this.deps.broadcaster().schedule(workshopId, 'proposals');
    const row = (await this.k.trackerRows()).find((r) => r.id === id)!;
    return toTracked(row, todayIso());
  }

  /**
   * Open proposals from earlier workshops about the domains and projects on
   * this board: for review in the Welkom phase.
   */
  async openProposalsFor(workshop: WorkshopRecord): Promise<TrackedProposal[]> {
    const records = await this.deps.recorder.record(workshop.id);
    const registerIds = new Set(records.map((r) => r.registerId).filter((id): id is string => id !== null));
    if (registerIds.size === 0) return [];
    const today = todayIso();
    const result: TrackedProposal[] = [];
    const recordsOf = new Map<string, Map<string, string | null>>();
    for (const row of await this.k.trackerRows()) {
      if (row.workshopId === workshop.id || !isOpenStatus(row.status)) continue;
      let cards = recordsOf.get(row.workshopId);
      if (!cards) {
        cards = new Map((await this.k.cardRecords(row.workshopId)).map((c) => [c.cardId, c.registerId]));
        recordsOf.set(row.workshopId, cards);
      }
      const linked = [row.cardId, ...(row.barrierId ? await this.barrierCards(row.workshopId, row.barrierId) : [])]
        .map((cardId) => (cardId ? cards.get(cardId) : null))
        .filter((r): r is string => !!r);
      if (linked.some((r) => registerIds.has(r))) result.push(toTracked(row, today));
    }
    return result;
  }

  private async barrierCards(workshopId: string, barrierId: string): Promise<string[]> {
    return (await this.deps.storage.method.findBarrier(workshopId, barrierId))?.cardIds ?? [];
  }
}

function toTracked(r: TrackerRow, today: string): TrackedProposal {
  return {
    id: r.id,
    workshopId: r.workshopId,
    workshopTitle: r.workshopTitle,
    workshopCreatedAt: r.workshopCreatedAt,
    text: r.text,
    kind: r.kind,
    owner: r.owner,
    dueDate: r.dueDate,
    status: r.status,
    cardTitle: r.cardTitle,
    barrierText: r.barrierText,
    alarms: r.alarms.filter((a) => a.status === 'confirmed').map((a) => a.reason),
    overdue: isOverdue(r, today),
  };
}

/**
 * Pairs of barriers from different workshops that read alike (shared content
 * words, Jaccard ≥ SUGGEST_SIMILARITY) and are not linked yet. Candidate pairs
 * come from an inverted index of stems, so this stays fast for thousands.
 */
export function suggestPairs(rows: readonly LedgerRow[]): { a: LedgerRow; b: LedgerRow; similarity: number }[] {
  const stems = rows.map((r) => contentStems(r.text));
  const byStem = new Map<string, number[]>();
  stems.forEach((set, i) => {
    for (const s of set) {
      const list = byStem.get(s) ?? [];
      list.push(i);
      byStem.set(s, list);
    }
  });
  const seen = new Set<string>();
  const out: { a: LedgerRow; b: LedgerRow; similarity: number }[] = [];
  for (const list of byStem.values()) {
    // A word in very many barriers says little; skip it as a candidate source.
    if (list.length > 200) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        const key = `${i}:${j}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const a = rows[i]!;
        const b = rows[j]!;
        if (a.workshopId === b.workshopId) continue;
        if (a.ledgerId && a.ledgerId === b.ledgerId) continue;
        const similarity = jaccard(stems[i]!, stems[j]!);
        if (similarity >= SUGGEST_SIMILARITY) out.push({ a, b, similarity: Math.round(similarity * 100) / 100 });
      }
    }
  }
  return out.sort((p, q) => q.similarity - p.similarity).slice(0, MAX_SUGGESTIONS);
}

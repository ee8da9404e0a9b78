import type Database from 'better-sqlite3';
import type { CardKind } from '../../shared/board';
import type { SearchType, WorkshopOrigin } from '../../shared/knowledge';
import { matchExpression } from '../knowledge/dutchText';
import type { Alarm, Proposal } from '../../shared/method';
import { controlStateSchema, templateSchema } from '../../shared/schemas';
import type { Template } from '../../shared/template';
import type {
  CardRecord,
  HistoryRow,
  KnowledgeStore,
  LedgerRow,
  RegisterRecord,
  SearchRow,
  TrackerRow,
  WorkshopRow,
} from './knowledgeStore';

/** Kind plus the title folded to lower case without accents or extra spaces: one register entry per key. */
export function registerKey(kind: CardKind, title: string): string {
  const folded = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return `${kind}:${folded}`;
}

interface RegisterRow {
  id: string;
  kind: CardKind;
  title: string;
  department: string;
  description: string;
  created_at: number;
}

interface CardRow {
  card_id: string;
  register_id: string | null;
  kind: CardKind;
  title: string;
  department: string;
  description: string;
  x: number | null;
  y: number | null;
  tx: number | null;
  ty: number | null;
}

const toRegister = (r: RegisterRow): RegisterRecord => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  department: r.department,
  description: r.description,
  createdAt: r.created_at,
});

const toCard = (r: CardRow): CardRecord => ({
  cardId: r.card_id,
  registerId: r.register_id,
  kind: r.kind,
  title: r.title,
  department: r.department,
  description: r.description,
  pos: r.x === null || r.y === null ? null : { x: r.x, y: r.y },
  target: r.tx === null || r.ty === null ? null : { x: r.tx, y: r.ty },
});

/** Templates are stored per workshop and repeat a lot; parse each JSON text once. */
function templateCache(): (json: string) => Template {
  const cache = new Map<string, Template>();
  return (json) => {
    let t = cache.get(json);
    if (!t) {
      t = templateSchema.parse(JSON.parse(json));
      cache.set(json, t);
    }
    return t;
  };
}

export class SqliteKnowledgeStore implements KnowledgeStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      listRegister: db.prepare(
        `SELECT r.*, (SELECT COUNT(DISTINCT c.workshop_id) FROM card_records c JOIN workshops w ON w.id = c.workshop_id
           WHERE c.register_id = r.id AND NOT (w.origin_kind = 'import' AND w.origin_id IS NOT NULL AND EXISTS (SELECT 1 FROM workshops o WHERE o.id = w.origin_id))) AS workshop_count
         FROM register_items r ORDER BY r.title COLLATE NOCASE`,
      ),
      findRegister: db.prepare('SELECT * FROM register_items WHERE id = ?'),
      findRegisterByKey: db.prepare('SELECT * FROM register_items WHERE title_key = ?'),
      insertRegister: db.prepare(
        `INSERT INTO register_items (id, kind, title, title_key, department, description, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      history: db.prepare(
        `SELECT c.*, w.id AS workshop_id, w.title AS workshop_title, w.created_at AS workshop_created_at, w.template_json
         FROM card_records c JOIN workshops w ON w.id = c.workshop_id
         WHERE c.register_id = ? AND c.x IS NOT NULL AND c.y IS NOT NULL
           -- An import of a workshop that is still here repeats its history: left out.
           AND NOT (w.origin_kind = 'import' AND w.origin_id IS NOT NULL AND EXISTS (SELECT 1 FROM workshops o WHERE o.id = w.origin_id))
         ORDER BY w.created_at, w.id`,
      ),
      deleteCards: db.prepare('DELETE FROM card_records WHERE workshop_id = ?'),
      insertCard: db.prepare(
        `INSERT INTO card_records (workshop_id, card_id, register_id, kind, title, department, description, x, y, tx, ty)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      cards: db.prepare('SELECT * FROM card_records WHERE workshop_id = ? ORDER BY rowid'),
      workshops: db.prepare(
        `SELECT w.id, w.title, w.created_at, w.template_json, w.owner_id, w.control_json, w.retention_until,
           w.origin_kind, w.origin_id, w.origin_title,
           a.name AS owner_name,
           (SELECT COUNT(*) FROM participants p WHERE p.workshop_id = w.id AND p.removed = 0) AS participant_count,
           (SELECT COUNT(*) FROM card_records c WHERE c.workshop_id = w.id) AS card_count,
           (SELECT COUNT(*) FROM barriers b WHERE b.workshop_id = w.id AND b.removed = 0 AND b.merged_into IS NULL) AS barrier_count,
           (SELECT COUNT(*) FROM proposals p WHERE p.workshop_id = w.id AND p.removed = 0) AS proposal_count
         FROM workshops w JOIN accounts a ON a.id = w.owner_id
         ORDER BY w.created_at DESC`,
      ),
      ledger: db.prepare(
        `SELECT b.id AS barrier_id, b.workshop_id, w.title AS workshop_title, w.created_at AS workshop_created_at,
           b.text, b.ledger_id,
           (SELECT COUNT(*) FROM votes v WHERE v.workshop_id = b.workshop_id AND v.barrier_id = b.id) AS votes
         FROM barriers b JOIN workshops w ON w.id = b.workshop_id
         WHERE b.removed = 0 AND b.merged_into IS NULL
         ORDER BY w.created_at, b.created_at`,
      ),
      ledgerOf: db.prepare('SELECT ledger_id FROM barriers WHERE id = ? AND removed = 0 AND merged_into IS NULL'),
      setLedger: db.prepare('UPDATE barriers SET ledger_id = ? WHERE id = ?'),
      moveLedger: db.prepare('UPDATE barriers SET ledger_id = ? WHERE ledger_id = ?'),
      unlink: db.prepare('UPDATE barriers SET ledger_id = NULL WHERE id = ? AND ledger_id IS NOT NULL'),
      ledgerSize: db.prepare('SELECT COUNT(*) AS n FROM barriers WHERE ledger_id = ?'),
      tracker: db.prepare(
        `SELECT p.*, w.title AS workshop_title, w.created_at AS workshop_created_at,
           COALESCE((SELECT c.title FROM card_records c WHERE c.workshop_id = p.workshop_id AND c.card_id = p.card_id), '') AS card_title,
           COALESCE((SELECT b.text FROM barriers b WHERE b.id = p.barrier_id), '') AS barrier_text
         FROM proposals p JOIN workshops w ON w.id = p.workshop_id
         WHERE p.removed = 0
         ORDER BY w.created_at DESC, p.created_at`,
      ),
      proposalAlarms: db.prepare(
        `SELECT * FROM alarms WHERE target_type = 'proposal' ORDER BY created_at`,
      ),
      proposalWorkshop: db.prepare('SELECT workshop_id FROM proposals WHERE id = ? AND removed = 0'),
      setRetention: db.prepare('UPDATE workshops SET retention_until = ? WHERE id = ?'),
      setOrigin: db.prepare('UPDATE workshops SET origin_kind = ?, origin_id = ?, origin_title = ? WHERE id = ?'),
      rename: db.prepare('UPDATE workshops SET title = ? WHERE id = ?'),
      forgetOrigin: db.prepare('UPDATE workshops SET origin_id = NULL WHERE origin_id = ?'),
      findOriginal: db.prepare(
        "SELECT id FROM workshops WHERE title = ? AND created_at = ? AND (origin_kind IS NULL OR origin_kind <> 'import') ORDER BY rowid LIMIT 1",
      ),
      expired: db.prepare(
        'SELECT id FROM workshops WHERE COALESCE(retention_until, created_at + ?) < ? ORDER BY created_at',
      ),
      deleteWorkshop: db.prepare('DELETE FROM workshops WHERE id = ?'),
      participantIds: db.prepare('SELECT id FROM participants WHERE workshop_id = ? ORDER BY created_at, id'),
      renameParticipant: db.prepare('UPDATE participants SET name = ? WHERE id = ?'),
      anonBarriers: db.prepare("UPDATE barriers SET author_name = '' WHERE workshop_id = ?"),
      anonProposals: db.prepare("UPDATE proposals SET author_name = '' WHERE workshop_id = ?"),
      anonAlarms: db.prepare("UPDATE alarms SET raised_by_name = '' WHERE workshop_id = ?"),
    };
  }

  async listRegister(): Promise<(RegisterRecord & { workshopCount: number })[]> {
    const rows = this.q.listRegister.all() as (RegisterRow & { workshop_count: number })[];
    return rows.map((r) => ({ ...toRegister(r), workshopCount: r.workshop_count }));
  }

  async findRegister(id: string): Promise<RegisterRecord | undefined> {
    const row = this.q.findRegister.get(id) as RegisterRow | undefined;
    return row && toRegister(row);
  }

  async findRegisterByTitle(kind: CardKind, title: string): Promise<RegisterRecord | undefined> {
    const row = this.q.findRegisterByKey.get(registerKey(kind, title)) as RegisterRow | undefined;
    return row && toRegister(row);
  }

  async createRegister(e: RegisterRecord): Promise<void> {
    this.q.insertRegister.run(e.id, e.kind, e.title, registerKey(e.kind, e.title), e.department, e.description, e.createdAt);
  }

  async updateRegister(
    id: string,
    fields: Partial<Pick<RegisterRecord, 'kind' | 'title' | 'department' | 'description'>>,
  ): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.q.findRegister.get(id) as RegisterRow | undefined;
      if (!row) return false;
      const next = { ...toRegister(row), ...fields };
      this.db
        .prepare('UPDATE register_items SET kind = ?, title = ?, title_key = ?, department = ?, description = ? WHERE id = ?')
        .run(next.kind, next.title, registerKey(next.kind, next.title), next.department, next.description, id);
      return true;
    }).immediate();
  }

  async historyOf(registerId: string): Promise<HistoryRow[]> {
    const parse = templateCache();
    const rows = this.q.history.all(registerId) as (CardRow & {
      workshop_id: string;
      workshop_title: string;
      workshop_created_at: number;
      template_json: string;
    })[];
    // The query keeps placed cards only (unplaced ones have no history).
    return rows.map((r) => ({
      ...toCard(r),
      pos: { x: r.x!, y: r.y! },
      workshopId: r.workshop_id,
      workshopTitle: r.workshop_title,
      workshopCreatedAt: r.workshop_created_at,
      template: parse(r.template_json),
    }));
  }

  async replaceCardRecords(workshopId: string, cards: CardRecord[]): Promise<void> {
    this.db.transaction(() => {
      this.q.deleteCards.run(workshopId);
      for (const c of cards) {
        this.q.insertCard.run(
          workshopId,
          c.cardId,
          c.registerId,
          c.kind,
          c.title,
          c.department,
          c.description,
          c.pos?.x ?? null,
          c.pos?.y ?? null,
          c.target?.x ?? null,
          c.target?.y ?? null,
        );
      }
    }).immediate();
  }

  async cardRecords(workshopId: string): Promise<CardRecord[]> {
    return (this.q.cards.all(workshopId) as CardRow[]).map(toCard);
  }

  async knowledgeWorkshops(): Promise<WorkshopRow[]> {
    const parse = templateCache();
    const rows = this.q.workshops.all() as {
      id: string;
      title: string;
      created_at: number;
      template_json: string;
      owner_id: string;
      owner_name: string;
      control_json: string | null;
      retention_until: number | null;
      origin_kind: WorkshopOrigin['kind'] | null;
      origin_id: string | null;
      origin_title: string | null;
      participant_count: number;
      card_count: number;
      barrier_count: number;
      proposal_count: number;
    }[];
    return rows.map((r) => {
      const control = r.control_json ? controlStateSchema.safeParse(JSON.parse(r.control_json)) : undefined;
      return {
        id: r.id,
        title: r.title,
        createdAt: r.created_at,
        template: parse(r.template_json),
        ownerId: r.owner_id,
        ownerName: r.owner_name,
        control: control?.success ? control.data : undefined,
        retentionUntil: r.retention_until,
        origin: r.origin_kind ? { kind: r.origin_kind, workshopId: r.origin_id, title: r.origin_title ?? '' } : null,
        participantCount: r.participant_count,
        cardCount: r.card_count,
        barrierCount: r.barrier_count,
        proposalCount: r.proposal_count,
      };
    });
  }

  async search(forms: string[][], type: SearchType | undefined, limit: number): Promise<SearchRow[]> {
    const match = matchExpression(forms);
    if (match === null) return [];
    // FTS5 ranks and sorts internally (ORDER BY rank, with bm25's weights set per query: a
    // match in the title counts more than one in the body) and hands back rows in rank order,
    // so LIMIT stops after the top `limit` and highlight/snippet are built for those alone.
    // The former form (rank in a subquery, then join search_fts again for the highlights) ran
    // the MATCH a second time over every matching row: 53 → 39 ms p50 at 1,000 workshops with
    // identical rows (docs/performance.md). CROSS JOIN keeps search_fts the outer loop, so the
    // type filter does not undo FTS5's ordering.
    const sql = `WITH top AS (
        SELECT search_fts.rowid AS rowid, search_fts.rank AS score,
          highlight(search_fts, 0, char(2), char(3)) AS title,
          snippet(search_fts, 1, char(2), char(3), '…', 12) AS snippet
        FROM search_fts ${type ? 'CROSS JOIN search_items si ON si.rowid = search_fts.rowid' : ''}
        WHERE search_fts MATCH ? AND search_fts.rank MATCH 'bm25(4.0, 1.0, 1.0)' ${type ? 'AND si.item_type = ?' : ''}
        ORDER BY search_fts.rank LIMIT ?
      )
      SELECT si.item_type, si.workshop_id, si.item_id, w.title AS workshop_title, w.created_at AS workshop_created_at,
        top.title, top.snippet
      FROM top
      JOIN search_items si ON si.rowid = top.rowid
      JOIN workshops w ON w.id = si.workshop_id
      ORDER BY top.score, w.created_at DESC`;
    const params: unknown[] = type ? [match, type, limit] : [match, limit];
    const rows = this.db.prepare(sql).all(...params) as {
      item_type: SearchType;
      workshop_id: string;
      item_id: string;
      workshop_title: string;
      workshop_created_at: number;
      title: string;
      snippet: string;
    }[];
    return rows.map((r) => ({
      type: r.item_type,
      workshopId: r.workshop_id,
      workshopTitle: r.workshop_title,
      workshopCreatedAt: r.workshop_created_at,
      itemId: r.item_id,
      title: r.title,
      snippet: r.snippet.trim() === '…' ? '' : r.snippet.trim(),
    }));
  }

  async ledgerRows(): Promise<LedgerRow[]> {
    const rows = this.q.ledger.all() as {
      barrier_id: string;
      workshop_id: string;
      workshop_title: string;
      workshop_created_at: number;
      text: string;
      ledger_id: string | null;
      votes: number;
    }[];
    return rows.map((r) => ({
      barrierId: r.barrier_id,
      workshopId: r.workshop_id,
      workshopTitle: r.workshop_title,
      workshopCreatedAt: r.workshop_created_at,
      text: r.text,
      ledgerId: r.ledger_id,
      votes: r.votes,
    }));
  }

  async linkBarriers(barrierIds: string[], newGroupId: string): Promise<string> {
    return this.db.transaction(() => {
      const existing = barrierIds.map((id) => this.q.ledgerOf.get(id) as { ledger_id: string | null } | undefined);
      if (existing.some((e) => e === undefined)) return '';
      const groups = [...new Set(existing.map((e) => e!.ledger_id).filter((g): g is string => g !== null))];
      const group = groups[0] ?? newGroupId;
      for (const other of groups.slice(1)) this.q.moveLedger.run(group, other);
      for (const id of barrierIds) this.q.setLedger.run(group, id);
      return group;
    }).immediate();
  }

  async unlinkBarrier(barrierId: string): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.q.ledgerOf.get(barrierId) as { ledger_id: string | null } | undefined;
      if (!row?.ledger_id) return false;
      this.q.unlink.run(barrierId);
      // A group of one is no group: dissolve it.
      if ((this.q.ledgerSize.get(row.ledger_id) as { n: number }).n < 2) this.q.moveLedger.run(null, row.ledger_id);
      return true;
    }).immediate();
  }

  async trackerRows(): Promise<TrackerRow[]> {
    const alarms = new Map<string, Alarm[]>();
    for (const a of this.q.proposalAlarms.all() as {
      id: string;
      target_type: Alarm['targetType'];
      target_id: string;
      reason: string;
      status: Alarm['status'];
      raised_by_name: string;
      created_at: number;
    }[]) {
      const list = alarms.get(a.target_id) ?? [];
      list.push({
        id: a.id,
        targetType: a.target_type,
        targetId: a.target_id,
        reason: a.reason,
        status: a.status,
        raisedByName: a.raised_by_name,
        createdAt: a.created_at,
      });
      alarms.set(a.target_id, list);
    }
    const rows = this.q.tracker.all() as {
      id: string;
      workshop_id: string;
      workshop_title: string;
      workshop_created_at: number;
      barrier_id: string | null;
      card_id: string | null;
      text: string;
      kind: Proposal['kind'];
      owner: string;
      due_date: string;
      status: Proposal['status'];
      author_name: string;
      created_at: number;
      card_title: string;
      barrier_text: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      workshopId: r.workshop_id,
      workshopTitle: r.workshop_title,
      workshopCreatedAt: r.workshop_created_at,
      barrierId: r.barrier_id,
      cardId: r.card_id,
      text: r.text,
      kind: r.kind,
      owner: r.owner,
      dueDate: r.due_date,
      status: r.status,
      authorName: r.author_name,
      createdAt: r.created_at,
      cardTitle: r.card_title,
      barrierText: r.barrier_text,
      alarms: alarms.get(r.id) ?? [],
    }));
  }

  async proposalWorkshop(proposalId: string): Promise<string | undefined> {
    return (this.q.proposalWorkshop.get(proposalId) as { workshop_id: string } | undefined)?.workshop_id;
  }

  async setRetention(workshopId: string, until: number): Promise<void> {
    this.q.setRetention.run(until, workshopId);
  }

  async setOrigin(workshopId: string, origin: WorkshopOrigin): Promise<void> {
    this.q.setOrigin.run(origin.kind, origin.workshopId, origin.title, workshopId);
  }

  async rename(workshopId: string, title: string): Promise<void> {
    this.q.rename.run(title, workshopId);
  }

  async findOriginal(title: string, createdAt: number): Promise<string | null> {
    return (this.q.findOriginal.get(title, createdAt) as { id: string } | undefined)?.id ?? null;
  }

  async expiredWorkshops(now: number, defaultMs: number): Promise<string[]> {
    return (this.q.expired.all(defaultMs, now) as { id: string }[]).map((r) => r.id);
  }

  async deleteWorkshop(workshopId: string): Promise<boolean> {
    // Every table holding workshop data references workshops(id) ON DELETE CASCADE;
    // the search triggers remove the index entries (FTS5 secure-delete is on).
    const deleted = this.db.transaction(() => {
      // Copies keep that they are copies, not which workshop they came from.
      this.q.forgetOrigin.run(workshopId);
      return this.q.deleteWorkshop.run(workshopId).changes > 0;
    })();
    if (deleted) {
      // Move the write-ahead log into the database file and empty it, so the
      // deleted text does not linger in the -wal file either (secure_delete zeroes the pages).
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return deleted;
  }

  async pseudonymise(workshopId: string): Promise<void> {
    this.db.transaction(() => {
      const ids = this.q.participantIds.all(workshopId) as { id: string }[];
      ids.forEach((p, i) => this.q.renameParticipant.run(`Deelnemer ${i + 1}`, p.id));
      this.q.anonBarriers.run(workshopId);
      this.q.anonProposals.run(workshopId);
      this.q.anonAlarms.run(workshopId);
    }).immediate();
  }
}

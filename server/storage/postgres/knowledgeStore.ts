import type { CardKind } from '../../../shared/board';
import type { SearchType, WorkshopOrigin } from '../../../shared/knowledge';
import type { Alarm, Proposal } from '../../../shared/method';
import { controlStateSchema, templateSchema } from '../../../shared/schemas';
import type { Template } from '../../../shared/template';
import type {
  CardRecord,
  HistoryRow,
  KnowledgeStore,
  LedgerRow,
  RegisterRecord,
  SearchRow,
  TrackerRow,
  WorkshopRow,
} from '../knowledgeStore';
import { registerKey } from '../sqliteKnowledgeStore';
import { changed, type Db } from './db';
import { searchQuery, searchSql } from './search';

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

/** SQLite's NOCASE: ASCII letters folded, then compared byte by byte (code points). */
const NOCASE = (col: string) =>
  `translate(${col}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE "C"`;

/** Tables whose rows a hard delete removes; vacuumed afterwards so no dead copy stays in table or index. */
const WORKSHOP_TABLES = [
  'workshops', 'participants', 'yjs_updates', 'yjs_snapshots', 'barriers', 'votes', 'vote_ops', 'proposals',
  'alarms', 'placement_rounds', 'placements', 'card_records', 'search_items', 'owner_links', 'proposal_progress',
];

/** An import of a workshop that is still here repeats its history: left out of counts and history. */
const NOT_A_REPEAT = `NOT (w.origin_kind = 'import' AND w.origin_id IS NOT NULL AND EXISTS (SELECT 1 FROM workshops o WHERE o.id = w.origin_id))`;

/** The PostgreSQL engine of KnowledgeStore; same results and order as SqliteKnowledgeStore. */
export class PgKnowledgeStore implements KnowledgeStore {
  constructor(private readonly db: Db) {}

  async listRegister(): Promise<(RegisterRecord & { workshopCount: number })[]> {
    const rows = await this.db.rows<RegisterRow & { workshop_count: number }>(
      `SELECT r.*, (SELECT COUNT(DISTINCT c.workshop_id) FROM card_records c JOIN workshops w ON w.id = c.workshop_id
         WHERE c.register_id = r.id AND ${NOT_A_REPEAT}) AS workshop_count
       FROM register_items r ORDER BY ${NOCASE('r.title')}, r.seq`,
    );
    return rows.map((r) => ({ ...toRegister(r), workshopCount: r.workshop_count }));
  }

  async findRegister(id: string): Promise<RegisterRecord | undefined> {
    const row = await this.db.one<RegisterRow>('SELECT * FROM register_items WHERE id = $1', [id]);
    return row && toRegister(row);
  }

  async findRegisterByTitle(kind: CardKind, title: string): Promise<RegisterRecord | undefined> {
    const row = await this.db.one<RegisterRow>('SELECT * FROM register_items WHERE title_key = $1', [registerKey(kind, title)]);
    return row && toRegister(row);
  }

  async createRegister(e: RegisterRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO register_items (id, kind, title, title_key, department, description, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [e.id, e.kind, e.title, registerKey(e.kind, e.title), e.department, e.description, e.createdAt],
    );
  }

  async updateRegister(
    id: string,
    fields: Partial<Pick<RegisterRecord, 'kind' | 'title' | 'department' | 'description'>>,
  ): Promise<boolean> {
    return this.db.tx(async (q) => {
      const row = await q.one<RegisterRow>('SELECT * FROM register_items WHERE id = $1 FOR UPDATE', [id]);
      if (!row) return false;
      const next = { ...toRegister(row), ...fields };
      await q.query(
        'UPDATE register_items SET kind = $1, title = $2, title_key = $3, department = $4, description = $5 WHERE id = $6',
        [next.kind, next.title, registerKey(next.kind, next.title), next.department, next.description, id],
      );
      return true;
    });
  }

  async historyOf(registerId: string): Promise<HistoryRow[]> {
    const parse = templateCache();
    const rows = await this.db.rows<
      CardRow & { workshop_id: string; workshop_title: string; workshop_created_at: number; template_json: string }
    >(
      `SELECT c.*, w.id AS workshop_id, w.title AS workshop_title, w.created_at AS workshop_created_at, w.template_json
       FROM card_records c JOIN workshops w ON w.id = c.workshop_id
       WHERE c.register_id = $1 AND c.x IS NOT NULL AND c.y IS NOT NULL AND ${NOT_A_REPEAT}
       ORDER BY w.created_at, w.id COLLATE "C", c.seq`,
      [registerId],
    );
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
    await this.db.tx(async (q) => {
      // Two instances recording the same board: one after the other, never interleaved.
      await q.lock(`regiebord:cards:${workshopId}`);
      await q.query('DELETE FROM card_records WHERE workshop_id = $1', [workshopId]);
      if (cards.length === 0) return;
      await q.query(
        `INSERT INTO card_records (workshop_id, card_id, register_id, kind, title, department, description, x, y, tx, ty)
         SELECT $1, u.card_id, u.register_id, u.kind, u.title, u.department, u.description, u.x, u.y, u.tx, u.ty FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::float8[], $9::float8[], $10::float8[], $11::float8[]) WITH ORDINALITY
           AS u(card_id, register_id, kind, title, department, description, x, y, tx, ty, n)
         ORDER BY n`,
        [
          workshopId,
          cards.map((c) => c.cardId),
          cards.map((c) => c.registerId),
          cards.map((c) => c.kind),
          cards.map((c) => c.title),
          cards.map((c) => c.department),
          cards.map((c) => c.description),
          cards.map((c) => c.pos?.x ?? null),
          cards.map((c) => c.pos?.y ?? null),
          cards.map((c) => c.target?.x ?? null),
          cards.map((c) => c.target?.y ?? null),
        ],
      );
    });
  }

  async cardRecords(workshopId: string): Promise<CardRecord[]> {
    return (await this.db.rows<CardRow>('SELECT * FROM card_records WHERE workshop_id = $1 ORDER BY seq', [workshopId])).map(toCard);
  }

  async knowledgeWorkshops(): Promise<WorkshopRow[]> {
    const parse = templateCache();
    const rows = await this.db.rows<{
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
    }>(
      `SELECT w.id, w.title, w.created_at, w.template_json, w.owner_id, w.control_json, w.retention_until,
         w.origin_kind, w.origin_id, w.origin_title,
         a.name AS owner_name,
         (SELECT COUNT(*) FROM participants p WHERE p.workshop_id = w.id AND p.removed = 0) AS participant_count,
         (SELECT COUNT(*) FROM card_records c WHERE c.workshop_id = w.id) AS card_count,
         (SELECT COUNT(*) FROM barriers b WHERE b.workshop_id = w.id AND b.removed = 0 AND b.merged_into IS NULL) AS barrier_count,
         (SELECT COUNT(*) FROM proposals p WHERE p.workshop_id = w.id AND p.removed = 0) AS proposal_count
       FROM workshops w JOIN accounts a ON a.id = w.owner_id
       ORDER BY w.created_at DESC`,
    );
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
    const rows = await this.db.rows<{
      item_type: SearchType;
      workshop_id: string;
      item_id: string;
      workshop_title: string;
      workshop_created_at: number;
      title: string;
      snippet: string;
    }>(searchSql(type !== undefined), type ? [searchQuery(forms), limit, type] : [searchQuery(forms), limit]);
    return rows.map((r) => ({
      type: r.item_type,
      workshopId: r.workshop_id,
      workshopTitle: r.workshop_title,
      workshopCreatedAt: r.workshop_created_at,
      itemId: r.item_id,
      title: r.title,
      snippet: r.snippet.trim(),
    }));
  }

  async ledgerRows(): Promise<LedgerRow[]> {
    const rows = await this.db.rows<{
      barrier_id: string;
      workshop_id: string;
      workshop_title: string;
      workshop_created_at: number;
      text: string;
      ledger_id: string | null;
      votes: number;
    }>(
      `SELECT b.id AS barrier_id, b.workshop_id, w.title AS workshop_title, w.created_at AS workshop_created_at,
         b.text, b.ledger_id,
         (SELECT COUNT(*) FROM votes v WHERE v.workshop_id = b.workshop_id AND v.barrier_id = b.id) AS votes
       FROM barriers b JOIN workshops w ON w.id = b.workshop_id
       WHERE b.removed = 0 AND b.merged_into IS NULL
       ORDER BY w.created_at, b.created_at, b.seq`,
    );
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
    return this.db.tx(async (q) => {
      await q.lock('regiebord:ledger');
      const existing: ({ ledger_id: string | null } | undefined)[] = [];
      for (const id of barrierIds) {
        existing.push(await q.one('SELECT ledger_id FROM barriers WHERE id = $1 AND removed = 0 AND merged_into IS NULL', [id]));
      }
      if (existing.some((e) => e === undefined)) return '';
      const groups = [...new Set(existing.map((e) => e!.ledger_id).filter((g): g is string => g !== null))];
      const group = groups[0] ?? newGroupId;
      for (const other of groups.slice(1)) await q.query('UPDATE barriers SET ledger_id = $1 WHERE ledger_id = $2', [group, other]);
      for (const id of barrierIds) await q.query('UPDATE barriers SET ledger_id = $1 WHERE id = $2', [group, id]);
      return group;
    });
  }

  async unlinkBarrier(barrierId: string): Promise<boolean> {
    return this.db.tx(async (q) => {
      await q.lock('regiebord:ledger');
      const row = await q.one<{ ledger_id: string | null }>(
        'SELECT ledger_id FROM barriers WHERE id = $1 AND removed = 0 AND merged_into IS NULL',
        [barrierId],
      );
      if (!row?.ledger_id) return false;
      await q.query('UPDATE barriers SET ledger_id = NULL WHERE id = $1 AND ledger_id IS NOT NULL', [barrierId]);
      // A group of one is no group: dissolve it.
      const size = (await q.one<{ n: number }>('SELECT COUNT(*) AS n FROM barriers WHERE ledger_id = $1', [row.ledger_id]))!.n;
      if (size < 2) await q.query('UPDATE barriers SET ledger_id = NULL WHERE ledger_id = $1', [row.ledger_id]);
      return true;
    });
  }

  async trackerRows(): Promise<TrackerRow[]> {
    const alarms = new Map<string, Alarm[]>();
    const alarmRows = await this.db.rows<{
      id: string;
      target_type: Alarm['targetType'];
      target_id: string;
      reason: string;
      status: Alarm['status'];
      raised_by_name: string;
      created_at: number;
    }>(`SELECT * FROM alarms WHERE target_type = 'proposal' ORDER BY created_at, seq`);
    for (const a of alarmRows) {
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
    const rows = await this.db.rows<{
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
    }>(
      `SELECT p.*, w.title AS workshop_title, w.created_at AS workshop_created_at,
         COALESCE((SELECT c.title FROM card_records c WHERE c.workshop_id = p.workshop_id AND c.card_id = p.card_id), '') AS card_title,
         COALESCE((SELECT b.text FROM barriers b WHERE b.id = p.barrier_id), '') AS barrier_text
       FROM proposals p JOIN workshops w ON w.id = p.workshop_id
       WHERE p.removed = 0
       ORDER BY w.created_at DESC, p.created_at, p.seq`,
    );
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
    return (await this.db.one<{ workshop_id: string }>('SELECT workshop_id FROM proposals WHERE id = $1 AND removed = 0', [proposalId]))
      ?.workshop_id;
  }

  async setRetention(workshopId: string, until: number): Promise<void> {
    await this.db.query('UPDATE workshops SET retention_until = $1 WHERE id = $2', [until, workshopId]);
  }

  async setOrigin(workshopId: string, origin: WorkshopOrigin): Promise<void> {
    await this.db.query('UPDATE workshops SET origin_kind = $1, origin_id = $2, origin_title = $3 WHERE id = $4', [
      origin.kind,
      origin.workshopId,
      origin.title,
      workshopId,
    ]);
  }

  async rename(workshopId: string, title: string): Promise<void> {
    await this.db.query('UPDATE workshops SET title = $1 WHERE id = $2', [title, workshopId]);
  }

  async findOriginal(title: string, createdAt: number): Promise<string | null> {
    const row = await this.db.one<{ id: string }>(
      `SELECT id FROM workshops WHERE title = $1 AND created_at = $2 AND (origin_kind IS NULL OR origin_kind <> 'import')
       ORDER BY id COLLATE "C" LIMIT 1`,
      [title, createdAt],
    );
    return row?.id ?? null;
  }

  async expiredWorkshops(now: number, defaultMs: number): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(
      'SELECT id FROM workshops WHERE COALESCE(retention_until, created_at + $1) < $2 ORDER BY created_at',
      [defaultMs, now],
    );
    return rows.map((r) => r.id);
  }

  async deleteWorkshop(workshopId: string): Promise<boolean> {
    // Every table holding workshop data references workshops(id) ON DELETE CASCADE;
    // the search triggers remove the index entries.
    const deleted = await this.db.tx(async (q) => {
      // Copies keep that they are copies, not which workshop they came from.
      await q.query('UPDATE workshops SET origin_id = NULL WHERE origin_id = $1', [workshopId]);
      return changed(await q.query('DELETE FROM workshops WHERE id = $1', [workshopId])) > 0;
    });
    if (deleted) {
      // The deleted rows stay in the table and index files as dead tuples until vacuumed:
      // vacuum now, so no copy of the text remains there (AVG). Backups and WAL archives
      // follow their own retention (docs/operations.md).
      await this.db.query(`VACUUM (INDEX_CLEANUP ON) ${WORKSHOP_TABLES.join(', ')}`);
    }
    return deleted;
  }

  async pseudonymise(workshopId: string): Promise<void> {
    await this.db.tx(async (q) => {
      const ids = await q.rows<{ id: string }>('SELECT id FROM participants WHERE workshop_id = $1 ORDER BY created_at, id COLLATE "C"', [workshopId]);
      for (const [i, p] of ids.entries()) await q.query('UPDATE participants SET name = $1 WHERE id = $2', [`Deelnemer ${i + 1}`, p.id]);
      await q.query("UPDATE barriers SET author_name = '' WHERE workshop_id = $1", [workshopId]);
      await q.query("UPDATE proposals SET author_name = '' WHERE workshop_id = $1", [workshopId]);
      await q.query("UPDATE alarms SET raised_by_name = '' WHERE workshop_id = $1", [workshopId]);
    });
  }
}

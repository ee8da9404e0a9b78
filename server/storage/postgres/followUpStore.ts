import type { ProgressActor, ProgressEntry } from '../../../shared/followUp';
import type { ProposalStatus } from '../../../shared/method';
import type { ReportSelection } from '../../../shared/progressReport';
import type { FollowUpStore, OwnerLinkRecord, ProgressChange, ProgressPageRecord, ProgressRow } from '../followUpStore';
import { changed, type Db } from './db';

interface LinkRow {
  token_hash: string;
  proposal_id: string;
  workshop_id: string;
  owner: string;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
}

interface EntryRow {
  id: number;
  proposal_id: string;
  workshop_id: string;
  at: number;
  actor: ProgressActor;
  actor_name: string;
  status: ProposalStatus | null;
  note: string;
  due_date: string | null;
  due_reason: string;
  owner: string | null;
}

interface PageRow {
  id: string;
  token_hash: string | null;
  audience: 'link' | 'employees';
  selection_json: string;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
}

const toLink = (r: LinkRow): OwnerLinkRecord => ({
  tokenHash: r.token_hash,
  proposalId: r.proposal_id,
  workshopId: r.workshop_id,
  owner: r.owner,
  createdBy: r.created_by,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

const toEntry = (r: EntryRow): ProgressEntry => ({
  id: r.id,
  proposalId: r.proposal_id,
  at: r.at,
  actor: r.actor,
  actorName: r.actor_name,
  status: r.status,
  note: r.note,
  dueDate: r.due_date,
  dueReason: r.due_reason,
  owner: r.owner,
});

const toPage = (r: PageRow): ProgressPageRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  audience: r.audience,
  // Written by this module from a validated selection only.
  selection: JSON.parse(r.selection_json) as ReportSelection,
  createdBy: r.created_by,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** The PostgreSQL engine of FollowUpStore; same results and order as SqliteFollowUpStore. */
export class PgFollowUpStore implements FollowUpStore {
  constructor(private readonly db: Db) {}

  async createLink(l: OwnerLinkRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO owner_links (token_hash, proposal_id, workshop_id, owner, created_by, created_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [l.tokenHash, l.proposalId, l.workshopId, l.owner, l.createdBy, l.createdAt, l.revokedAt],
    );
  }

  async findLink(tokenHash: string): Promise<OwnerLinkRecord | undefined> {
    const row = await this.db.one<LinkRow>('SELECT * FROM owner_links WHERE token_hash = $1', [tokenHash]);
    return row && toLink(row);
  }

  async latestLink(proposalId: string): Promise<OwnerLinkRecord | undefined> {
    const row = await this.db.one<LinkRow>(
      'SELECT * FROM owner_links WHERE proposal_id = $1 ORDER BY created_at DESC, seq DESC LIMIT 1',
      [proposalId],
    );
    return row && toLink(row);
  }

  async retentionOf(workshopId: string): Promise<number | null> {
    const row = await this.db.one<{ retention_until: number | null }>('SELECT retention_until FROM workshops WHERE id = $1', [workshopId]);
    return row?.retention_until ?? null;
  }

  async revokeLinks(proposalId: string, at: number): Promise<number> {
    return changed(
      await this.db.query('UPDATE owner_links SET revoked_at = $1 WHERE proposal_id = $2 AND revoked_at IS NULL', [at, proposalId]),
    );
  }

  async recordProgress(c: ProgressChange): Promise<ProgressEntry | undefined> {
    return this.db.tx(async (q) => {
      // The row is locked: two changes to one proposal (from two instances) are recorded one after the other.
      const before = await q.one<{ status: ProposalStatus; due_date: string; owner: string }>(
        'SELECT status, due_date, owner FROM proposals WHERE workshop_id = $1 AND id = $2 AND removed = 0 FOR UPDATE',
        [c.workshopId, c.proposalId],
      );
      if (!before) return undefined;
      // Only what really changes is recorded as a change; the note is kept either way.
      const status = c.status !== undefined && c.status !== before.status ? c.status : null;
      const dueDate = c.dueDate !== undefined && c.dueDate !== before.due_date ? c.dueDate : null;
      const owner = c.owner !== undefined && c.owner !== before.owner ? c.owner : null;
      await q.query(
        `UPDATE proposals SET status = COALESCE($1, status), due_date = COALESCE($2, due_date), owner = COALESCE($3, owner)
         WHERE workshop_id = $4 AND id = $5`,
        [status, dueDate, owner, c.workshopId, c.proposalId],
      );
      const row = await q.one<EntryRow>(
        `INSERT INTO proposal_progress (proposal_id, workshop_id, at, actor, actor_name, status, note, due_date, due_reason, owner)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [c.proposalId, c.workshopId, c.at, c.actor, c.actorName, status, c.note, dueDate, dueDate === null ? '' : c.dueReason, owner],
      );
      return toEntry(row!);
    });
  }

  async history(proposalId: string): Promise<ProgressEntry[]> {
    return (await this.db.rows<EntryRow>('SELECT * FROM proposal_progress WHERE proposal_id = $1 ORDER BY id', [proposalId])).map(toEntry);
  }

  async progressBetween(from: number, to: number): Promise<ProgressRow[]> {
    const rows = await this.db.rows<EntryRow>('SELECT * FROM proposal_progress WHERE at >= $1 AND at < $2 ORDER BY at, id', [from, to]);
    return rows.map((r) => ({ ...toEntry(r), workshopId: r.workshop_id }));
  }

  async createProgressPage(p: ProgressPageRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO progress_pages (id, token_hash, audience, selection_json, created_by, created_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [p.id, p.tokenHash, p.audience, JSON.stringify(p.selection), p.createdBy, p.createdAt, p.revokedAt],
    );
  }

  async progressPages(): Promise<ProgressPageRecord[]> {
    return (await this.db.rows<PageRow>('SELECT * FROM progress_pages ORDER BY created_at DESC, seq DESC')).map(toPage);
  }

  async findProgressPageByToken(tokenHash: string): Promise<ProgressPageRecord | undefined> {
    const row = await this.db.one<PageRow>('SELECT * FROM progress_pages WHERE token_hash = $1', [tokenHash]);
    return row && toPage(row);
  }

  async revokeProgressPage(id: string, at: number): Promise<boolean> {
    return changed(await this.db.query('UPDATE progress_pages SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])) > 0;
  }
}

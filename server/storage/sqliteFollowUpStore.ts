import type Database from 'better-sqlite3';
import type { ProgressActor, ProgressEntry } from '../../shared/followUp';
import type { ProposalStatus } from '../../shared/method';
import type { FollowUpStore, OwnerLinkRecord, ProgressChange, ProgressPageRecord, ProgressRow } from './followUpStore';
import type { ReportSelection } from '../../shared/progressReport';

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

export class SqliteFollowUpStore implements FollowUpStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      insertLink: db.prepare(
        'INSERT INTO owner_links (token_hash, proposal_id, workshop_id, owner, created_by, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      findLink: db.prepare('SELECT * FROM owner_links WHERE token_hash = ?'),
      latestLink: db.prepare('SELECT * FROM owner_links WHERE proposal_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1'),
      revoke: db.prepare('UPDATE owner_links SET revoked_at = ? WHERE proposal_id = ? AND revoked_at IS NULL'),
      retention: db.prepare('SELECT retention_until FROM workshops WHERE id = ?'),
      proposal: db.prepare('SELECT status, due_date, owner FROM proposals WHERE workshop_id = ? AND id = ? AND removed = 0'),
      update: db.prepare(
        'UPDATE proposals SET status = COALESCE(?, status), due_date = COALESCE(?, due_date), owner = COALESCE(?, owner) WHERE workshop_id = ? AND id = ?',
      ),
      insertEntry: db.prepare(
        `INSERT INTO proposal_progress (proposal_id, workshop_id, at, actor, actor_name, status, note, due_date, due_reason, owner)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      entry: db.prepare('SELECT * FROM proposal_progress WHERE id = ?'),
      history: db.prepare('SELECT * FROM proposal_progress WHERE proposal_id = ? ORDER BY id'),
      insertPage: db.prepare(
        'INSERT INTO progress_pages (id, token_hash, audience, selection_json, created_by, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      pages: db.prepare('SELECT * FROM progress_pages ORDER BY created_at DESC, rowid DESC'),
      pageByToken: db.prepare('SELECT * FROM progress_pages WHERE token_hash = ?'),
      revokePage: db.prepare('UPDATE progress_pages SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      between: db.prepare('SELECT * FROM proposal_progress WHERE at >= ? AND at < ? ORDER BY at, id'),
    };
  }

  async createLink(l: OwnerLinkRecord): Promise<void> {
    this.q.insertLink.run(l.tokenHash, l.proposalId, l.workshopId, l.owner, l.createdBy, l.createdAt, l.revokedAt);
  }

  async findLink(tokenHash: string): Promise<OwnerLinkRecord | undefined> {
    const row = this.q.findLink.get(tokenHash) as LinkRow | undefined;
    return row && toLink(row);
  }

  async latestLink(proposalId: string): Promise<OwnerLinkRecord | undefined> {
    const row = this.q.latestLink.get(proposalId) as LinkRow | undefined;
    return row && toLink(row);
  }

  async retentionOf(workshopId: string): Promise<number | null> {
    return (this.q.retention.get(workshopId) as { retention_until: number | null } | undefined)?.retention_until ?? null;
  }

  async revokeLinks(proposalId: string, at: number): Promise<number> {
    return this.q.revoke.run(at, proposalId).changes;
  }

  async recordProgress(c: ProgressChange): Promise<ProgressEntry | undefined> {
    return this.db.transaction(() => {
      const before = this.q.proposal.get(c.workshopId, c.proposalId) as
        | { status: ProposalStatus; due_date: string; owner: string }
        | undefined;
      if (!before) return undefined;
      // Only what really changes is recorded as a change; the note is kept either way.
      const status = c.status !== undefined && c.status !== before.status ? c.status : null;
      const dueDate = c.dueDate !== undefined && c.dueDate !== before.due_date ? c.dueDate : null;
      const owner = c.owner !== undefined && c.owner !== before.owner ? c.owner : null;
      this.q.update.run(status, dueDate, owner, c.workshopId, c.proposalId);
      const id = Number(
        this.q.insertEntry.run(
          c.proposalId,
          c.workshopId,
          c.at,
          c.actor,
          c.actorName,
          status,
          c.note,
          dueDate,
          dueDate === null ? '' : c.dueReason,
          owner,
        ).lastInsertRowid,
      );
      return toEntry(this.q.entry.get(id) as EntryRow);
    })();
  }

  async history(proposalId: string): Promise<ProgressEntry[]> {
    return (this.q.history.all(proposalId) as EntryRow[]).map(toEntry);
  }

  async progressBetween(from: number, to: number): Promise<ProgressRow[]> {
    return (this.q.between.all(from, to) as EntryRow[]).map((r) => ({ ...toEntry(r), workshopId: r.workshop_id }));
  }

  async createProgressPage(p: ProgressPageRecord): Promise<void> {
    this.q.insertPage.run(p.id, p.tokenHash, p.audience, JSON.stringify(p.selection), p.createdBy, p.createdAt, p.revokedAt);
  }

  async progressPages(): Promise<ProgressPageRecord[]> {
    return (this.q.pages.all() as PageRow[]).map(toPage);
  }

  async findProgressPageByToken(tokenHash: string): Promise<ProgressPageRecord | undefined> {
    const row = this.q.pageByToken.get(tokenHash) as PageRow | undefined;
    return row && toPage(row);
  }

  async revokeProgressPage(id: string, at: number): Promise<boolean> {
    return this.q.revokePage.run(at, id).changes > 0;
  }
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

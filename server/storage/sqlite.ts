import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { templateSchema } from '../../shared/schemas';
import { SqliteKnowledgeStore } from './sqliteKnowledgeStore';
import { SqliteMethodStore } from './sqliteMethodStore';
import type {
  AccountRecord,
  ParticipantRecord,
  Storage,
  StoredDoc,
  WorkshopRecord,
} from './storage';

/**
 * Schema migrations, applied in order; `user_version` records how far a
 * database has come. Append, never edit a released step.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE invites (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    invited_by TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE workshops (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    join_code TEXT NOT NULL UNIQUE,
    template_json TEXT NOT NULL,
    owner_id TEXT NOT NULL REFERENCES accounts(id),
    created_at INTEGER NOT NULL,
    screen_token_version INTEGER NOT NULL DEFAULT 1
  );
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX participants_workshop ON participants(workshop_id);
  CREATE TABLE yjs_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    data BLOB NOT NULL
  );
  CREATE INDEX yjs_updates_workshop ON yjs_updates(workshop_id, id);
  CREATE TABLE yjs_snapshots (
    workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    updated_at INTEGER NOT NULL
  );
  `,
  // 2: the workshop method (issue 3).
  `
  ALTER TABLE workshops ADD COLUMN control_json TEXT;
  CREATE TABLE barriers (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    card_ids_json TEXT NOT NULL DEFAULT '[]',
    heading TEXT NOT NULL DEFAULT '',
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL DEFAULT '',
    merged_into TEXT,
    removed INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX barriers_workshop ON barriers(workshop_id, created_at);
  CREATE TABLE votes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    voter_id TEXT NOT NULL,
    barrier_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX votes_voter ON votes(workshop_id, voter_id, barrier_id);
  CREATE INDEX votes_barrier ON votes(workshop_id, barrier_id);
  -- Accepted vote operations, so a retried opId counts once.
  CREATE TABLE vote_ops (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    voter_id TEXT NOT NULL,
    op_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    barrier_id TEXT NOT NULL,
    PRIMARY KEY (workshop_id, voter_id, op_id)
  );
  CREATE TABLE proposals (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    barrier_id TEXT,
    card_id TEXT,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    due_date TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL DEFAULT '',
    removed INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX proposals_workshop ON proposals(workshop_id, created_at);
  CREATE TABLE alarms (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    raised_by TEXT NOT NULL,
    raised_by_name TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
  );
  CREATE INDEX alarms_workshop ON alarms(workshop_id, created_at);
  CREATE TABLE placement_rounds (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    card_ids_json TEXT NOT NULL,
    mode TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX rounds_workshop ON placement_rounds(workshop_id, created_at);
  CREATE TABLE placements (
    round_id TEXT NOT NULL REFERENCES placement_rounds(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    x REAL NOT NULL,
    y REAL NOT NULL,
    PRIMARY KEY (round_id, participant_id, card_id)
  );
  `,
  // 3: the knowledge centre (issue 4): register, recorded boards, search, ledger, retention.
  `
  ALTER TABLE workshops ADD COLUMN retention_until INTEGER;
  ALTER TABLE barriers ADD COLUMN ledger_id TEXT;
  CREATE INDEX barriers_ledger ON barriers(ledger_id);
  CREATE TABLE register_items (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    -- kind + lowercased title without accents: the same entry is not registered twice.
    title_key TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX register_title_key ON register_items(title_key);
  -- Each workshop's board as last recorded (from its Yjs document): history and search.
  CREATE TABLE card_records (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    card_id TEXT NOT NULL,
    register_id TEXT REFERENCES register_items(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    x REAL NOT NULL,
    y REAL NOT NULL,
    tx REAL,
    ty REAL,
    PRIMARY KEY (workshop_id, card_id)
  );
  CREATE INDEX card_records_register ON card_records(register_id);

  -- Search: one row per searchable item, kept by triggers so it cannot drift;
  -- an FTS5 index over it (external content). Accents are folded, so "cafe" finds "café".
  CREATE TABLE search_items (
    rowid INTEGER PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    item_type TEXT NOT NULL,
    item_id TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE UNIQUE INDEX search_items_item ON search_items(item_type, item_id, workshop_id);
  CREATE INDEX search_items_workshop ON search_items(workshop_id);
  CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, content = 'search_items', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
  );
  -- Deleted text leaves no trace in the index (AVG: a deleted workshop is gone).
  INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 1);
  CREATE TRIGGER search_items_ai AFTER INSERT ON search_items BEGIN
    INSERT INTO search_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
  END;
  CREATE TRIGGER search_items_ad AFTER DELETE ON search_items BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
  END;
  CREATE TRIGGER search_items_au AFTER UPDATE ON search_items BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO search_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
  END;

  CREATE TRIGGER search_workshop_ai AFTER INSERT ON workshops BEGIN
    INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    VALUES (new.id, 'workshop', new.id, rb_clean(new.title), '');
  END;
  CREATE TRIGGER search_workshop_au AFTER UPDATE OF title ON workshops BEGIN
    UPDATE search_items SET title = rb_clean(new.title) WHERE item_type = 'workshop' AND item_id = new.id AND workshop_id = new.id;
  END;
  INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    SELECT id, 'workshop', id, rb_clean(title), '' FROM workshops;

  CREATE TRIGGER search_card_ai AFTER INSERT ON card_records BEGIN
    INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    VALUES (new.workshop_id, 'card', new.card_id, rb_clean(new.title), rb_clean(new.department || ' ' || new.description));
  END;
  CREATE TRIGGER search_card_au AFTER UPDATE ON card_records BEGIN
    UPDATE search_items SET title = rb_clean(new.title), body = rb_clean(new.department || ' ' || new.description)
    WHERE item_type = 'card' AND item_id = old.card_id AND workshop_id = old.workshop_id;
  END;
  CREATE TRIGGER search_card_ad AFTER DELETE ON card_records BEGIN
    DELETE FROM search_items WHERE item_type = 'card' AND item_id = old.card_id AND workshop_id = old.workshop_id;
  END;

  -- Barriers and proposals are indexed while live (not removed, not merged).
  CREATE TRIGGER search_barrier_ai AFTER INSERT ON barriers WHEN new.removed = 0 AND new.merged_into IS NULL BEGIN
    INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    VALUES (new.workshop_id, 'barrier', new.id, rb_clean(new.text), rb_clean(new.heading));
  END;
  CREATE TRIGGER search_barrier_au AFTER UPDATE OF text, heading, removed, merged_into ON barriers BEGIN
    DELETE FROM search_items WHERE item_type = 'barrier' AND item_id = old.id AND workshop_id = old.workshop_id;
    INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    SELECT new.workshop_id, 'barrier', new.id, rb_clean(new.text), rb_clean(new.heading)
    WHERE new.removed = 0 AND new.merged_into IS NULL;
  END;
  CREATE TRIGGER search_barrier_ad AFTER DELETE ON barriers BEGIN
    DELETE FROM search_items WHERE item_type = 'barrier' AND item_id = old.id AND workshop_id = old.workshop_id;
  END;
  CREATE TRIGGER search_proposal_ai AFTER INSERT ON proposals WHEN new.removed = 0 BEGIN
    INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    VALUES (new.workshop_id, 'proposal', new.id, rb_clean(new.text), rb_clean(new.owner));
  END;
  CREATE TRIGGER search_proposal_au AFTER UPDATE OF text, owner, removed ON proposals BEGIN
    DELETE FROM search_items WHERE item_type = 'proposal' AND item_id = old.id AND workshop_id = old.workshop_id;
    INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    SELECT new.workshop_id, 'proposal', new.id, rb_clean(new.text), rb_clean(new.owner) WHERE new.removed = 0;
  END;
  CREATE TRIGGER search_proposal_ad AFTER DELETE ON proposals BEGIN
    DELETE FROM search_items WHERE item_type = 'proposal' AND item_id = old.id AND workshop_id = old.workshop_id;
  END;
  INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    SELECT workshop_id, 'barrier', id, rb_clean(text), rb_clean(heading) FROM barriers WHERE removed = 0 AND merged_into IS NULL;
  INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    SELECT workshop_id, 'proposal', id, rb_clean(text), rb_clean(owner) FROM proposals WHERE removed = 0;
  `,
];

/**
 * Text as the search index holds it: control characters become spaces, so the
 * match marks of shared/knowledge.ts (\u0002, \u0003) are never in content.
 */
export function cleanForIndex(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

interface WorkshopRow {
  id: string;
  title: string;
  join_code: string;
  template_json: string;
  owner_id: string;
  created_at: number;
  screen_token_version: number;
}

interface AccountRow {
  id: string;
  name: string;
  email: string;
  password_hash: string;
  created_at: number;
}

function toAccount(row: AccountRow | undefined): AccountRecord | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

function toWorkshop(row: WorkshopRow | undefined): WorkshopRecord | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    title: row.title,
    joinCode: row.join_code,
    template: templateSchema.parse(JSON.parse(row.template_json)),
    ownerId: row.owner_id,
    createdAt: row.created_at,
    screenTokenVersion: row.screen_token_version,
  };
}

export const DATABASE_FILE = 'regiebord.sqlite';

/** Opens (and migrates) the database in `dataDir`, creating the folder when needed. */
export function openSqliteStorage(dataDir: string): SqliteStorage {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  // WAL: readers never block the writer. synchronous=NORMAL in WAL mode keeps
  // every committed transaction across a process crash (kill -9); only a power
  // loss can lose the last transactions. See docs/operations.md.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Freed pages are overwritten with zeros: a deleted workshop leaves no text in the file.
  db.pragma('secure_delete = ON');
  // Used by the search triggers (migration 3); registered before migrating.
  db.function('rb_clean', { deterministic: true }, (text: unknown) => cleanForIndex(String(text ?? '')));
  migrate(db);
  return new SqliteStorage(db);
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export class SqliteStorage implements Storage {
  private readonly stmt;
  readonly method: SqliteMethodStore;
  readonly knowledge: SqliteKnowledgeStore;

  constructor(readonly db: Database.Database) {
    this.method = new SqliteMethodStore(db);
    this.knowledge = new SqliteKnowledgeStore(db);
    this.stmt = {
      countAccounts: db.prepare('SELECT COUNT(*) AS n FROM accounts'),
      insertAccount: db.prepare(
        'INSERT INTO accounts (id, name, email, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      accountByEmail: db.prepare('SELECT * FROM accounts WHERE email = ?'),
      accountById: db.prepare('SELECT * FROM accounts WHERE id = ?'),
      insertSession: db.prepare('INSERT INTO sessions (token_hash, account_id, expires_at) VALUES (?, ?, ?)'),
      sessionAccount: db.prepare(
        `SELECT a.* FROM sessions s JOIN accounts a ON a.id = s.account_id
         WHERE s.token_hash = ? AND s.expires_at > ?`,
      ),
      deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
      deleteExpiredSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
      insertInvite: db.prepare('INSERT INTO invites (token_hash, email, invited_by, expires_at) VALUES (?, ?, ?, ?)'),
      inviteByToken: db.prepare('SELECT email, expires_at FROM invites WHERE token_hash = ?'),
      deleteInvite: db.prepare('DELETE FROM invites WHERE token_hash = ?'),
      insertWorkshop: db.prepare(
        `INSERT INTO workshops (id, title, join_code, template_json, owner_id, created_at, screen_token_version)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      workshopById: db.prepare('SELECT * FROM workshops WHERE id = ?'),
      workshopByCode: db.prepare('SELECT * FROM workshops WHERE join_code = ?'),
      listWorkshops: db.prepare(
        `SELECT w.*, a.name AS owner_name FROM workshops w JOIN accounts a ON a.id = w.owner_id
         ORDER BY w.created_at DESC`,
      ),
      insertParticipant: db.prepare(
        'INSERT INTO participants (id, workshop_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      participantByToken: db.prepare(
        'SELECT id, workshop_id, name, created_at, removed FROM participants WHERE token_hash = ?',
      ),
      renameParticipant: db.prepare('UPDATE participants SET name = ? WHERE id = ?'),
      snapshot: db.prepare('SELECT data FROM yjs_snapshots WHERE workshop_id = ?'),
      updates: db.prepare('SELECT id, data FROM yjs_updates WHERE workshop_id = ? ORDER BY id'),
      insertUpdate: db.prepare('INSERT INTO yjs_updates (workshop_id, data) VALUES (?, ?)'),
      upsertSnapshot: db.prepare(
        `INSERT INTO yjs_snapshots (workshop_id, data, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(workshop_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      ),
      deleteUpdatesUpTo: db.prepare('DELETE FROM yjs_updates WHERE workshop_id = ? AND id <= ?'),
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  async countAccounts(): Promise<number> {
    return (this.stmt.countAccounts.get() as { n: number }).n;
  }

  async createAccount(a: AccountRecord): Promise<void> {
    this.stmt.insertAccount.run(a.id, a.name, a.email, a.passwordHash, a.createdAt);
  }

  async createFirstAccount(a: AccountRecord): Promise<boolean> {
    return this.db.transaction(() => {
      if ((this.stmt.countAccounts.get() as { n: number }).n > 0) return false;
      this.stmt.insertAccount.run(a.id, a.name, a.email, a.passwordHash, a.createdAt);
      return true;
    })();
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | undefined> {
    return toAccount(this.stmt.accountByEmail.get(email) as AccountRow | undefined);
  }

  async findAccount(id: string): Promise<AccountRecord | undefined> {
    return toAccount(this.stmt.accountById.get(id) as AccountRow | undefined);
  }

  async createSession(tokenHash: string, accountId: string, expiresAt: number): Promise<void> {
    this.stmt.deleteExpiredSessions.run(Date.now());
    this.stmt.insertSession.run(tokenHash, accountId, expiresAt);
  }

  async findSessionAccount(tokenHash: string, now: number): Promise<AccountRecord | undefined> {
    return toAccount(this.stmt.sessionAccount.get(tokenHash, now) as AccountRow | undefined);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.stmt.deleteSession.run(tokenHash);
  }

  async createInvite(tokenHash: string, email: string, invitedBy: string, expiresAt: number): Promise<void> {
    this.stmt.insertInvite.run(tokenHash, email, invitedBy, expiresAt);
  }

  async takeInvite(tokenHash: string, now: number): Promise<string | undefined> {
    return this.db.transaction(() => {
      const row = this.stmt.inviteByToken.get(tokenHash) as { email: string; expires_at: number } | undefined;
      if (!row) return undefined;
      this.stmt.deleteInvite.run(tokenHash);
      return row.expires_at > now ? row.email : undefined;
    })();
  }

  async createWorkshop(w: WorkshopRecord): Promise<void> {
    this.stmt.insertWorkshop.run(
      w.id,
      w.title,
      w.joinCode,
      JSON.stringify(w.template),
      w.ownerId,
      w.createdAt,
      w.screenTokenVersion,
    );
  }

  async findWorkshop(id: string): Promise<WorkshopRecord | undefined> {
    return toWorkshop(this.stmt.workshopById.get(id) as WorkshopRow | undefined);
  }

  async findWorkshopByJoinCode(code: string): Promise<WorkshopRecord | undefined> {
    return toWorkshop(this.stmt.workshopByCode.get(code) as WorkshopRow | undefined);
  }

  async listWorkshops(): Promise<(WorkshopRecord & { ownerName: string })[]> {
    const rows = this.stmt.listWorkshops.all() as (WorkshopRow & { owner_name: string })[];
    return rows.map((row) => ({ ...toWorkshop(row)!, ownerName: row.owner_name }));
  }

  async createParticipant(p: ParticipantRecord, tokenHash: string): Promise<void> {
    this.stmt.insertParticipant.run(p.id, p.workshopId, p.name, tokenHash, p.createdAt);
  }

  async findParticipantByToken(tokenHash: string): Promise<ParticipantRecord | undefined> {
    const row = this.stmt.participantByToken.get(tokenHash) as
      | { id: string; workshop_id: string; name: string; created_at: number; removed: number }
      | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      workshopId: row.workshop_id,
      name: row.name,
      createdAt: row.created_at,
      removed: row.removed !== 0,
    };
  }

  async renameParticipant(id: string, name: string): Promise<void> {
    this.stmt.renameParticipant.run(name, id);
  }

  async loadDoc(workshopId: string): Promise<StoredDoc> {
    const snap = this.stmt.snapshot.get(workshopId) as { data: Buffer } | undefined;
    const rows = this.stmt.updates.all(workshopId) as { id: number; data: Buffer }[];
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastUpdateId: rows.length ? rows[rows.length - 1]!.id : 0,
    };
  }

  async appendUpdates(workshopId: string, updates: Uint8Array[]): Promise<number> {
    return this.db.transaction(() => {
      let last = 0;
      for (const u of updates) {
        last = Number(this.stmt.insertUpdate.run(workshopId, Buffer.from(u)).lastInsertRowid);
      }
      return last;
    })();
  }

  async compactDoc(workshopId: string, snapshot: Uint8Array, upToId: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.upsertSnapshot.run(workshopId, Buffer.from(snapshot), Date.now());
      this.stmt.deleteUpdatesUpTo.run(workshopId, upToId);
    })();
  }

  async getMeta(key: string): Promise<string | undefined> {
    return (this.stmt.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.stmt.setMeta.run(key, value);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

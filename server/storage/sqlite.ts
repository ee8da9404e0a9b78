import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { templateSchema } from '../../shared/schemas';
import { MIGRATIONS, cleanForIndex } from './migrations';
import { stemsOf } from '../knowledge/dutchText';
import { SqliteFollowUpStore } from './sqliteFollowUpStore';
import { SqliteKnowledgeStore } from './sqliteKnowledgeStore';
import { SqliteMethodStore } from './sqliteMethodStore';
import { ACCOUNT_ROLES, localAccountRoles } from './storage';
import type {
  AccountRecord,
  AccountRole,
  CompactionOutcome,
  OidcIdentity,
  ParticipantRecord,
  Storage,
  StoredDoc,
  WorkshopRecord,
} from './storage';

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
  roles: string;
  oidc_issuer: string | null;
  disabled_at: number | null;
}

function toAccount(row: AccountRow | undefined): AccountRecord | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    roles: row.roles.split(',').filter((r): r is AccountRole => (ACCOUNT_ROLES as readonly string[]).includes(r)),
    ...(row.oidc_issuer ? { oidcIssuer: row.oidc_issuer } : {}),
    ...(row.disabled_at !== null ? { disabled: true } : {}),
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
  // Used by the search triggers (migrations 3 and 4); registered before migrating.
  db.function('rb_clean', { deterministic: true }, (text: unknown) => cleanForIndex(String(text ?? '')));
  // The Snowball stems of a text, for the search index's stems column (migration 4).
  db.function('rb_stems', { deterministic: true }, (text: unknown) => stemsOf(String(text ?? '')));
  migrate(db);
  return new SqliteStorage(db);
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    // IMMEDIATE, and the version read again inside: several instances starting together on one
    // data folder run each migration once.
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) !== v) return;
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

export class SqliteStorage implements Storage {
  private readonly stmt;
  readonly method: SqliteMethodStore;
  readonly knowledge: SqliteKnowledgeStore;
  readonly followUp: SqliteFollowUpStore;

  constructor(readonly db: Database.Database) {
    this.method = new SqliteMethodStore(db);
    this.knowledge = new SqliteKnowledgeStore(db);
    this.followUp = new SqliteFollowUpStore(db);
    this.stmt = {
      countAccounts: db.prepare('SELECT COUNT(*) AS n FROM accounts'),
      insertAccount: db.prepare(
        'INSERT INTO accounts (id, name, email, password_hash, created_at, roles) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      accountByEmail: db.prepare('SELECT * FROM accounts WHERE email = ?'),
      accountById: db.prepare('SELECT * FROM accounts WHERE id = ?'),
      accountByOidc: db.prepare('SELECT * FROM accounts WHERE oidc_issuer = ? AND oidc_subject = ?'),
      insertOidcAccount: db.prepare(
        `INSERT INTO accounts (id, name, email, password_hash, created_at, roles, oidc_issuer, oidc_subject)
         VALUES (?, ?, ?, '', ?, ?, ?, ?)`,
      ),
      updateOidcAccount: db.prepare('UPDATE accounts SET name = ?, email = ?, roles = ? WHERE id = ?'),
      listAccounts: db.prepare('SELECT * FROM accounts ORDER BY created_at, id'),
      setAccountRoles: db.prepare('UPDATE accounts SET roles = ? WHERE id = ?'),
      setAccountDisabled: db.prepare('UPDATE accounts SET disabled_at = ? WHERE id = ?'),
      deleteAccountSessions: db.prepare('DELETE FROM sessions WHERE account_id = ?'),
      insertSession: db.prepare('INSERT INTO sessions (token_hash, account_id, expires_at, oidc_id_token) VALUES (?, ?, ?, ?)'),
      sessionAccount: db.prepare(
        `SELECT a.* FROM sessions s JOIN accounts a ON a.id = s.account_id
         WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled_at IS NULL`,
      ),
      deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ? RETURNING oidc_id_token'),
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
    this.stmt.insertAccount.run(a.id, a.name, a.email, a.passwordHash, a.createdAt, localAccountRoles(a));
  }

  async createFirstAccount(a: AccountRecord): Promise<boolean> {
    return this.db.transaction(() => {
      if ((this.stmt.countAccounts.get() as { n: number }).n > 0) return false;
      this.stmt.insertAccount.run(a.id, a.name, a.email, a.passwordHash, a.createdAt, localAccountRoles(a));
      return true;
    }).immediate();
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | undefined> {
    return toAccount(this.stmt.accountByEmail.get(email) as AccountRow | undefined);
  }

  async findAccount(id: string): Promise<AccountRecord | undefined> {
    return toAccount(this.stmt.accountById.get(id) as AccountRow | undefined);
  }

  async upsertOidcAccount(identity: OidcIdentity, newId: string, now: number): Promise<AccountRecord | undefined> {
    return this.db.transaction(() => {
      const existing = this.stmt.accountByOidc.get(identity.issuer, identity.subject) as AccountRow | undefined;
      const owner = this.stmt.accountByEmail.get(identity.email) as AccountRow | undefined;
      if (owner && owner.id !== existing?.id) return undefined;
      const roles = identity.roles.join(',');
      if (existing) this.stmt.updateOidcAccount.run(identity.name, identity.email, roles, existing.id);
      else this.stmt.insertOidcAccount.run(newId, identity.name, identity.email, now, roles, identity.issuer, identity.subject);
      return toAccount(this.stmt.accountById.get(existing?.id ?? newId) as AccountRow);
    })();
  }

  async listAccounts(): Promise<AccountRecord[]> {
    return (this.stmt.listAccounts.all() as AccountRow[]).map((row) => toAccount(row)!);
  }

  async setAccountRoles(id: string, roles: AccountRole[]): Promise<void> {
    this.stmt.setAccountRoles.run(roles.join(','), id);
  }

  async setAccountDisabled(id: string, disabled: boolean, now: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.setAccountDisabled.run(disabled ? now : null, id);
      if (disabled) this.stmt.deleteAccountSessions.run(id);
    })();
  }

  async createSession(tokenHash: string, accountId: string, expiresAt: number, oidcIdToken?: string): Promise<void> {
    this.stmt.deleteExpiredSessions.run(Date.now());
    this.stmt.insertSession.run(tokenHash, accountId, expiresAt, oidcIdToken ?? null);
  }

  async findSessionAccount(tokenHash: string, now: number): Promise<AccountRecord | undefined> {
    return toAccount(this.stmt.sessionAccount.get(tokenHash, now) as AccountRow | undefined);
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    return this.stmt.deleteExpiredSessions.run(now).changes;
  }

  async deleteSession(tokenHash: string): Promise<string | undefined> {
    return (this.stmt.deleteSession.get(tokenHash) as { oidc_id_token: string | null } | undefined)?.oidc_id_token ?? undefined;
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
    }).immediate();
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
    }).immediate();
  }

  async compactDoc(workshopId: string, snapshot: Uint8Array, upToId: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.upsertSnapshot.run(workshopId, Buffer.from(snapshot), Date.now());
      this.stmt.deleteUpdatesUpTo.run(workshopId, upToId);
    }).immediate();
  }

  async compactDocExclusive(workshopId: string, merge: (stored: StoredDoc) => Uint8Array): Promise<CompactionOutcome> {
    // BEGIN IMMEDIATE takes the write lock first: a second process (instances sharing one data
    // folder) waits for it (busy_timeout), then reads what this one left: no updates.
    return this.db.transaction((): CompactionOutcome => {
      const rows = this.stmt.updates.all(workshopId) as { id: number; data: Buffer }[];
      if (rows.length === 0) return 'nothing';
      const snap = this.stmt.snapshot.get(workshopId) as { data: Buffer } | undefined;
      const lastUpdateId = rows[rows.length - 1]!.id;
      const snapshot = merge({ snapshot: snap ? new Uint8Array(snap.data) : null, updates: rows.map((r) => new Uint8Array(r.data)), lastUpdateId });
      this.stmt.upsertSnapshot.run(workshopId, Buffer.from(snapshot), Date.now());
      this.stmt.deleteUpdatesUpTo.run(workshopId, lastUpdateId);
      return 'compacted';
    }).immediate();
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

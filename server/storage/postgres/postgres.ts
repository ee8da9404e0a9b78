import { templateSchema } from '../../../shared/schemas';
import { ACCOUNT_ROLES, localAccountRoles, type AccountRecord, type AccountRole, type CompactionOutcome, type OidcIdentity, type ParticipantRecord, type Storage, type StoredDoc, type WorkshopRecord } from '../storage';
import { Db, lockKey } from './db';
import { PgFollowUpStore } from './followUpStore';
import { PgKnowledgeStore } from './knowledgeStore';
import { PgMethodStore } from './methodStore';
import { PG_MIGRATIONS } from './migrations';

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

/** Several instances may start at once: one migrates, the others wait on this lock. */
const MIGRATION_LOCK = 'regiebord:migrate';

/** Applies the migrations this database has not had yet, each in its own transaction. */
export async function migratePostgres(db: Db): Promise<number> {
  return db.tx(async (q) => {
    await q.lock(MIGRATION_LOCK);
    await q.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at BIGINT NOT NULL)');
    const row = await q.one<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
    const current = row?.v ?? 0;
    if (current > PG_MIGRATIONS.length) {
      throw new Error(`Database schema version ${current} is newer than this Regiebord (${PG_MIGRATIONS.length}).`);
    }
    for (let v = current; v < PG_MIGRATIONS.length; v++) {
      await q.query(PG_MIGRATIONS[v]!);
      await q.query('INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)', [v + 1, Date.now()]);
    }
    return PG_MIGRATIONS.length;
  });
}

/** Connects to `url` (postgres://…) and brings the schema up to date. */
export async function openPostgresStorage(url: string): Promise<PostgresStorage> {
  const db = Db.connect(url);
  try {
    await migratePostgres(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return new PostgresStorage(db);
}

/**
 * The PostgreSQL engine of Storage. Same semantics as SqliteStorage; where
 * SQLite is atomic because it runs one statement at a time, this engine uses
 * a transaction (and a row or advisory lock where a check precedes a write).
 */
/** The advisory lock that one instance at a time holds while it compacts a board. */
export const compactionLockName = (workshopId: string): string => `regiebord:compact:${workshopId}`;

export class PostgresStorage implements Storage {
  readonly method: PgMethodStore;
  readonly knowledge: PgKnowledgeStore;
  readonly followUp: PgFollowUpStore;

  constructor(readonly db: Db) {
    this.method = new PgMethodStore(db);
    this.knowledge = new PgKnowledgeStore(db);
    this.followUp = new PgFollowUpStore(db);
  }

  async countAccounts(): Promise<number> {
    return (await this.db.one<{ n: number }>('SELECT COUNT(*) AS n FROM accounts'))!.n;
  }

  async createAccount(a: AccountRecord): Promise<void> {
    await this.db.query('INSERT INTO accounts (id, name, email, password_hash, created_at, roles) VALUES ($1, $2, $3, $4, $5, $6)', [
      a.id,
      a.name,
      a.email,
      a.passwordHash,
      a.createdAt,
      localAccountRoles(a),
    ]);
  }

  async createFirstAccount(a: AccountRecord): Promise<boolean> {
    return this.db.tx(async (q) => {
      // Two instances racing to create the first account: one wins.
      await q.lock('regiebord:first-account');
      if ((await q.one<{ n: number }>('SELECT COUNT(*) AS n FROM accounts'))!.n > 0) return false;
      await q.query('INSERT INTO accounts (id, name, email, password_hash, created_at, roles) VALUES ($1, $2, $3, $4, $5, $6)', [
        a.id,
        a.name,
        a.email,
        a.passwordHash,
        a.createdAt,
        localAccountRoles(a),
      ]);
      return true;
    });
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | undefined> {
    return toAccount(await this.db.one<AccountRow>('SELECT * FROM accounts WHERE email = $1', [email]));
  }

  async findAccount(id: string): Promise<AccountRecord | undefined> {
    return toAccount(await this.db.one<AccountRow>('SELECT * FROM accounts WHERE id = $1', [id]));
  }

  async upsertOidcAccount(identity: OidcIdentity, newId: string, now: number): Promise<AccountRecord | undefined> {
    return this.db.tx(async (q) => {
      // One sign-in of a person at a time across instances (the first creates the account).
      await q.lock(`regiebord:oidc:${identity.issuer}:${identity.subject}`);
      const existing = await q.one<AccountRow>('SELECT * FROM accounts WHERE oidc_issuer = $1 AND oidc_subject = $2', [
        identity.issuer,
        identity.subject,
      ]);
      const owner = await q.one<AccountRow>('SELECT * FROM accounts WHERE email = $1', [identity.email]);
      if (owner && owner.id !== existing?.id) return undefined;
      const roles = identity.roles.join(',');
      if (existing) {
        await q.query('UPDATE accounts SET name = $1, email = $2, roles = $3 WHERE id = $4', [identity.name, identity.email, roles, existing.id]);
      } else {
        await q.query(
          `INSERT INTO accounts (id, name, email, password_hash, created_at, roles, oidc_issuer, oidc_subject)
           VALUES ($1, $2, $3, '', $4, $5, $6, $7)`,
          [newId, identity.name, identity.email, now, roles, identity.issuer, identity.subject],
        );
      }
      return toAccount(await q.one<AccountRow>('SELECT * FROM accounts WHERE id = $1', [existing?.id ?? newId]));
    });
  }

  async listAccounts(): Promise<AccountRecord[]> {
    return (await this.db.rows<AccountRow>('SELECT * FROM accounts ORDER BY created_at, id')).map((row) => toAccount(row)!);
  }

  async setAccountRoles(id: string, roles: AccountRole[]): Promise<void> {
    await this.db.query('UPDATE accounts SET roles = $1 WHERE id = $2', [roles.join(','), id]);
  }

  async setAccountDisabled(id: string, disabled: boolean, now: number): Promise<void> {
    await this.db.tx(async (q) => {
      await q.query('UPDATE accounts SET disabled_at = $1 WHERE id = $2', [disabled ? now : null, id]);
      if (disabled) await q.query('DELETE FROM sessions WHERE account_id = $1', [id]);
    });
  }

  async createSession(tokenHash: string, accountId: string, expiresAt: number, oidcIdToken?: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE expires_at <= $1', [Date.now()]);
    await this.db.query('INSERT INTO sessions (token_hash, account_id, expires_at, oidc_id_token) VALUES ($1, $2, $3, $4)', [
      tokenHash,
      accountId,
      expiresAt,
      oidcIdToken ?? null,
    ]);
  }

  async findSessionAccount(tokenHash: string, now: number): Promise<AccountRecord | undefined> {
    return toAccount(
      await this.db.one<AccountRow>(
        `SELECT a.* FROM sessions s JOIN accounts a ON a.id = s.account_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.disabled_at IS NULL`,
        [tokenHash, now],
      ),
    );
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    return (await this.db.query('DELETE FROM sessions WHERE expires_at <= $1', [now])).rowCount ?? 0;
  }

  async deleteSession(tokenHash: string): Promise<string | undefined> {
    const row = await this.db.one<{ oidc_id_token: string | null }>('DELETE FROM sessions WHERE token_hash = $1 RETURNING oidc_id_token', [tokenHash]);
    return row?.oidc_id_token ?? undefined;
  }

  async createInvite(tokenHash: string, email: string, invitedBy: string, expiresAt: number): Promise<void> {
    await this.db.query('INSERT INTO invites (token_hash, email, invited_by, expires_at) VALUES ($1, $2, $3, $4)', [
      tokenHash,
      email,
      invitedBy,
      expiresAt,
    ]);
  }

  async takeInvite(tokenHash: string, now: number): Promise<string | undefined> {
    // One statement: of two instances taking the same invite, one gets the row.
    const row = await this.db.one<{ email: string; expires_at: number }>(
      'DELETE FROM invites WHERE token_hash = $1 RETURNING email, expires_at',
      [tokenHash],
    );
    if (!row) return undefined;
    return row.expires_at > now ? row.email : undefined;
  }

  async createWorkshop(w: WorkshopRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO workshops (id, title, join_code, template_json, owner_id, created_at, screen_token_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [w.id, w.title, w.joinCode, JSON.stringify(w.template), w.ownerId, w.createdAt, w.screenTokenVersion],
    );
  }

  async findWorkshop(id: string): Promise<WorkshopRecord | undefined> {
    return toWorkshop(await this.db.one<WorkshopRow>('SELECT * FROM workshops WHERE id = $1', [id]));
  }

  async findWorkshopByJoinCode(code: string): Promise<WorkshopRecord | undefined> {
    return toWorkshop(await this.db.one<WorkshopRow>('SELECT * FROM workshops WHERE join_code = $1', [code]));
  }

  async listWorkshops(): Promise<(WorkshopRecord & { ownerName: string })[]> {
    const rows = await this.db.rows<WorkshopRow & { owner_name: string }>(
      `SELECT w.*, a.name AS owner_name FROM workshops w JOIN accounts a ON a.id = w.owner_id
       ORDER BY w.created_at DESC`,
    );
    return rows.map((row) => ({ ...toWorkshop(row)!, ownerName: row.owner_name }));
  }

  async createParticipant(p: ParticipantRecord, tokenHash: string): Promise<void> {
    await this.db.query(
      'INSERT INTO participants (id, workshop_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
      [p.id, p.workshopId, p.name, tokenHash, p.createdAt],
    );
  }

  async findParticipantByToken(tokenHash: string): Promise<ParticipantRecord | undefined> {
    const row = await this.db.one<{ id: string; workshop_id: string; name: string; created_at: number; removed: number }>(
      'SELECT id, workshop_id, name, created_at, removed FROM participants WHERE token_hash = $1',
      [tokenHash],
    );
    if (!row) return undefined;
    return { id: row.id, workshopId: row.workshop_id, name: row.name, createdAt: row.created_at, removed: row.removed !== 0 };
  }

  async renameParticipant(id: string, name: string): Promise<void> {
    await this.db.query('UPDATE participants SET name = $1 WHERE id = $2', [name, id]);
  }

  async loadDoc(workshopId: string): Promise<StoredDoc> {
    // One statement, so one consistent snapshot: a compaction running at the same
    // time cannot make us miss updates (or see them twice).
    const rows = await this.db.rows<{ id: number | null; data: Buffer }>(
      `SELECT NULL::bigint AS id, data FROM yjs_snapshots WHERE workshop_id = $1
       UNION ALL
       SELECT id, data FROM (SELECT id, data FROM yjs_updates WHERE workshop_id = $1 ORDER BY id) u`,
      [workshopId],
    );
    const snap = rows.find((r) => r.id === null);
    const updates = rows.filter((r) => r.id !== null).sort((a, b) => a.id! - b.id!);
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates: updates.map((r) => new Uint8Array(r.data)),
      lastUpdateId: updates.length ? updates[updates.length - 1]!.id! : 0,
    };
  }

  async appendUpdates(workshopId: string, updates: Uint8Array[]): Promise<number> {
    if (updates.length === 0) return 0;
    // Ids of one workshop's updates become visible in the order they were taken
    // (the lock is held until commit), so "up to id N" in compactDoc never skips
    // an update that commits later with a smaller id.
    return this.db.tx(async (q) => {
      const rows = await q.rows<{ id: number }>(
        `INSERT INTO yjs_updates (workshop_id, data)
         SELECT $1, d FROM unnest($2::bytea[]) WITH ORDINALITY AS u(d, n) ORDER BY n
         RETURNING id`,
        [workshopId, updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))],
      );
      return Math.max(...rows.map((r) => r.id));
    }, `regiebord:doc:${workshopId}`);
  }

  async compactDoc(workshopId: string, snapshot: Uint8Array, upToId: number): Promise<void> {
    await this.db.tx(async (q) => {
      await q.query(
        `INSERT INTO yjs_snapshots (workshop_id, data, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (workshop_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        [workshopId, Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength), Date.now()],
      );
      await q.query('DELETE FROM yjs_updates WHERE workshop_id = $1 AND id <= $2', [workshopId, upToId]);
    }, `regiebord:doc:${workshopId}`);
  }

  async compactDocExclusive(workshopId: string, merge: (stored: StoredDoc) => Uint8Array): Promise<CompactionOutcome> {
    return this.db.tx(async (q): Promise<CompactionOutcome> => {
      // Not waiting: another instance compacting this board now makes ours unnecessary.
      const got = await q.one<{ got: boolean }>(`SELECT pg_try_advisory_xact_lock(${lockKey(compactionLockName(workshopId))}) AS got`);
      if (!got?.got) return 'busy';
      const rows = await q.rows<{ id: number | null; data: Buffer }>(
        `SELECT NULL::bigint AS id, data FROM yjs_snapshots WHERE workshop_id = $1
         UNION ALL
         SELECT id, data FROM yjs_updates WHERE workshop_id = $1`,
        [workshopId],
      );
      const updates = rows.filter((r) => r.id !== null).sort((a, b) => a.id! - b.id!);
      if (updates.length === 0) return 'nothing';
      const snap = rows.find((r) => r.id === null);
      const lastUpdateId = updates[updates.length - 1]!.id!;
      const snapshot = merge({ snapshot: snap ? new Uint8Array(snap.data) : null, updates: updates.map((r) => new Uint8Array(r.data)), lastUpdateId });
      // The board's append lock too, as compactDoc takes it: appends wait only for these two statements.
      await q.lock(`regiebord:doc:${workshopId}`);
      await q.query(
        `INSERT INTO yjs_snapshots (workshop_id, data, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (workshop_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        [workshopId, Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength), Date.now()],
      );
      await q.query('DELETE FROM yjs_updates WHERE workshop_id = $1 AND id <= $2', [workshopId, lastUpdateId]);
      return 'compacted';
    });
  }

  async getMeta(key: string): Promise<string | undefined> {
    return (await this.db.one<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]))?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db.query(
      'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  private closed = false;
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.close();
  }
}


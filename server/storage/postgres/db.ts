import crypto from 'node:crypto';
import pg from 'pg';

/**
 * A thin layer over a `pg` pool: parameterised queries, one-row reads, and
 * transactions on one connection. Nothing else: the SQL stays visible in the
 * stores, as it is in the SQLite engine.
 */

// BIGINT (times in ms, counts, ids) as JavaScript numbers: every value we store
// fits in 2^53. Set on our pools only, not globally for other users of `pg`.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** What a store can run a query on: the pool itself, or the connection of a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can). A NUL in a text parameter
 * becomes U+FFFD, the replacement character, instead of failing the request.
 */
function safeParams(params: unknown[]): unknown[] {
  return params.map((p) => (typeof p === 'string' && p.includes('\u0000') ? p.replace(/\u0000/g, '\uFFFD') : p));
}

export class Db implements Queryable {
  constructor(readonly pool: pg.Pool) {}

  static connect(url: string, max = 10): Db {
    const pool = new pg.Pool({ connectionString: url, max, types });
    // An idle connection that dies (database restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', () => {});
    return new Db(pool);
  }

  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(sql, safeParams(params));
  }

  async rows<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.query<R>(sql, params)).rows;
  }

  async one<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R | undefined> {
    return (await this.query<R>(sql, params)).rows[0];
  }

  /**
   * Runs `fn` in one transaction on one connection; rolls back when it throws.
   * With `lock`, the transaction first takes that advisory lock (sent together
   * with BEGIN: one round trip, which counts when many vote at once).
   */
  async tx<T>(fn: (q: Tx) => Promise<T>, lock?: string): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(lock ? `BEGIN; SELECT pg_advisory_xact_lock(${lockKey(lock)})` : 'BEGIN');
      const result = await fn(new Tx(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export class Tx implements Queryable {
  constructor(private readonly client: pg.PoolClient) {}

  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.client.query<R>(sql, safeParams(params));
  }

  async rows<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.query<R>(sql, params)).rows;
  }

  async one<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R | undefined> {
    return (await this.query<R>(sql, params)).rows[0];
  }

  /** Serialises transactions on the same key (released at commit or rollback). */
  async lock(key: string): Promise<void> {
    await this.client.query(`SELECT pg_advisory_xact_lock(${lockKey(key)})`);
  }
}

/** Rows changed by an UPDATE/DELETE. */
export const changed = (r: pg.QueryResult): number => r.rowCount ?? 0;

/** A 64-bit advisory lock key for a name: a number literal, never user text in SQL. */
export function lockKey(name: string): string {
  return crypto.createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}

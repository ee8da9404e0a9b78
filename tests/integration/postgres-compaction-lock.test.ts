import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockKey } from '../../server/storage/postgres/db';
import { compactionLockName } from '../../server/storage/postgres/postgres';
import { eventually } from '../helpers/poll';
import { mergeAll, twoInstances, WORKSHOP, type TwoInstances } from '../helpers/compaction';

/** PostgreSQL only: the advisory lock that keeps a second instance from compacting (pg_try_advisory_xact_lock). */
describe('compaction lock on PostgreSQL', () => {
  let t: TwoInstances;
  beforeAll(async () => {
    t = await twoInstances();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("while another session holds the board's advisory lock, an instance does not compact; after it, one does", async () => {
    await t.write(t.one, 3);
    const holder = new pg.Client({ connectionString: t.store.databaseUrl });
    await holder.connect();
    try {
      await holder.query(`BEGIN; SELECT pg_advisory_xact_lock(${lockKey(compactionLockName(WORKSHOP))})`);
      expect(await t.one.compactDocExclusive(WORKSHOP, mergeAll)).toBe('busy');
      expect((await t.one.loadDoc(WORKSHOP)).updates).toHaveLength(3);
      await holder.query('COMMIT');
      expect(await t.two.compactDocExclusive(WORKSHOP, mergeAll)).toBe('compacted');
      expect((await t.one.loadDoc(WORKSHOP)).updates).toHaveLength(0);
      expect(await t.storedCards(t.one)).toEqual(new Set(t.written));
    } finally {
      await holder.end();
    }
  });

  it('a killed holder (its connection gone) leaves no lock behind', async () => {
    await t.write(t.two, 2);
    const holder = new pg.Client({ connectionString: t.store.databaseUrl });
    await holder.connect();
    await holder.query(`BEGIN; SELECT pg_advisory_xact_lock(${lockKey(compactionLockName(WORKSHOP))})`);
    expect(await t.one.compactDocExclusive(WORKSHOP, mergeAll)).toBe('busy');
    // Like a SIGKILLed instance: the connection drops without COMMIT or ROLLBACK.
    (holder as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await holder.end().catch(() => {});
    // The server ends the session when it notices; until then the lock is still held.
    await eventually(async () => expect(await t.one.compactDocExclusive(WORKSHOP, mergeAll)).toBe('compacted'), { timeoutMs: 10_000 });
    expect(await t.storedCards(t.two)).toEqual(new Set(t.written));
  });
});

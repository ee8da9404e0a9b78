import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompactionOutcome } from '../../server/storage/storage';
import { mergeAll, twoInstances, WORKSHOP, type TwoInstances } from '../helpers/compaction';

/**
 * Compaction when several instances write one board (issue 15), on the project's engine: exactly
 * one instance compacts at a time (PostgreSQL: an advisory lock per workshop; SQLite: the write
 * lock of BEGIN IMMEDIATE), and no update is lost.
 */
describe('compaction by one instance at a time', () => {
  let t: TwoInstances;
  beforeAll(async () => {
    t = await twoInstances();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('two instances compacting the same board at once: exactly one does it, nothing is lost', async () => {
    for (let round = 0; round < 10; round++) {
      await t.write(round % 2 ? t.one : t.two, 5);
      const outcomes: CompactionOutcome[] = await Promise.all([t.one.compactDocExclusive(WORKSHOP, mergeAll), t.two.compactDocExclusive(WORKSHOP, mergeAll)]);
      // The other found the lock held (PostgreSQL) or, after waiting its turn (SQLite), nothing left.
      expect(outcomes.filter((o) => o === 'compacted'), `round ${round}: ${outcomes.join(', ')}`).toHaveLength(1);
      expect((await t.one.loadDoc(WORKSHOP)).updates).toHaveLength(0);
      expect(await t.storedCards(t.two)).toEqual(new Set(t.written));
    }
  });

  it('compaction while both instances keep appending: every update is in the snapshot or still stored', async () => {
    let writing = true;
    const writers = [t.one, t.two].map(async (storage) => {
      for (let k = 0; k < 15; k++) await t.write(storage, 2);
    });
    const compactors = [t.one, t.two].map(async (storage) => {
      const seen: CompactionOutcome[] = [];
      while (writing) seen.push(await storage.compactDocExclusive(WORKSHOP, mergeAll));
      return seen;
    });
    await Promise.all(writers);
    writing = false;
    const seen = (await Promise.all(compactors)).flat();
    expect(seen).toContain('compacted');
    expect(await t.storedCards(t.one)).toEqual(new Set(t.written));
    expect(await t.storedCards(t.two)).toEqual(new Set(t.written));
  });
});

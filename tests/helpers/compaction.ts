import * as Y from 'yjs';
import { addCard, readCards } from '../../shared/board';
import { LOCHEM_TEMPLATE } from '../../shared/template';
import type { Storage, StoredDoc } from '../../server/storage/storage';
import { testStore, type TestStore } from './engine';

/**
 * Two storages on one database stand for two instances (separate connections, as separate
 * processes have), writing one board: for the compaction tests of issue 15.
 */
export const WORKSHOP = 'compactlockws01';

/** What a compacting instance does with what storage holds: one snapshot of all of it. */
export function mergeAll(stored: StoredDoc): Uint8Array {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

export interface TwoInstances {
  store: TestStore;
  one: Storage;
  two: Storage;
  /** Every card written so far. */
  written: string[];
  /** Adds `count` cards through `storage`, each stored as its own update. */
  write(storage: Storage, count: number): Promise<void>;
  /** Every card id in what storage holds (snapshot plus updates). */
  storedCards(storage: Storage): Promise<Set<string>>;
  close(): Promise<void>;
}

export async function twoInstances(): Promise<TwoInstances> {
  const store = await testStore();
  const one = await store.open();
  const two = await store.open();
  await one.createAccount({ id: 'acc', name: 'Facilitator', email: 'f@example.org', passwordHash: 'x', createdAt: 1 });
  await one.createWorkshop({ id: WORKSHOP, title: 'Compactie', joinCode: '12345678', template: LOCHEM_TEMPLATE, ownerId: 'acc', createdAt: 1, screenTokenVersion: 1 });
  const writer = new Y.Doc();
  const written: string[] = [];
  return {
    store,
    one,
    two,
    written,
    async write(storage, count) {
      const updates: Uint8Array[] = [];
      const onUpdate = (u: Uint8Array) => updates.push(u);
      writer.on('update', onUpdate);
      for (let i = 0; i < count; i++) written.push(addCard(writer, { kind: 'domain', title: `Kaart ${written.length}` }));
      writer.off('update', onUpdate);
      for (const u of updates) await storage.appendUpdates(WORKSHOP, [u]);
    },
    async storedCards(storage) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, mergeAll(await storage.loadDoc(WORKSHOP)));
      const ids = new Set(readCards(doc).map((c) => c.id));
      doc.destroy();
      return ids;
    },
    async close() {
      await one.close();
      await two.close();
      await store.remove();
    },
  };
}

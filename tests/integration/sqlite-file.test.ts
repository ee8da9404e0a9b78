/**
 * SQLite only: these tests read or copy the SQLite file itself (online backup,
 * WAL mode). The integration-postgres project leaves them out (vitest.config.ts):
 * on PostgreSQL, backups are pg_dump's job (docs/operations.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCard, readCards } from '../../shared/board';
import { backupDatabase } from '../../server/ops/backup';
import { DATABASE_FILE, openSqliteStorage } from '../../server/storage/sqlite';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { connectDoc, connectedDoc } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { spawnServer } from '../helpers/process';
import { tempDataDir } from '../helpers/server';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

describe('the SQLite file', () => {
  it('opens an existing database in WAL mode and migrates it idempotently', async () => {
    const dir = tempDataDir();
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const s1 = openSqliteStorage(dir);
    await s1.setMeta('k', 'v');
    await s1.close();
    const s2 = openSqliteStorage(dir);
    expect(await s2.getMeta('k')).toBe('v');
    expect(s2.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await s2.close();
  });
});

describe('backups', () => {
  it('makes an online backup while the server runs, and a restore finds the workshop intact', async () => {
    const dataDir = tempDataDir();
    const restoreDir = tempDataDir();
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    cleanup.push(() => fs.rmSync(restoreDir, { recursive: true, force: true }));
    let server = await spawnServer(dataDir, { LOG_LEVEL: 'error' });
    cleanup.push(() => server.child.kill('SIGKILL'));
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api, 'Te bewaren');
    const { token } = await join(server.url, workshop.joinCode);
    const writer = connectDoc(server.wsUrl, workshop.id, { token });
    cleanup.push(() => writer.destroy());
    await eventually(() => writer.provider.synced);
    addCard(writer.doc, { kind: 'domain', title: 'Bewaard' });
    const observer = await connectedDoc(server.wsUrl, workshop.id, { token: workshop.screenToken });
    cleanup.push(() => observer.destroy());
    await eventually(() => expect(readCards(observer.doc)).toHaveLength(1));

    // Keep writing while the backup runs.
    let writing = true;
    const busy = (async () => {
      for (let i = 0; writing; i++) {
        addCard(writer.doc, { kind: 'project', title: `Tijdens ${i}` });
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const backup = await backupDatabase(dataDir, path.join(restoreDir, DATABASE_FILE));
    writing = false;
    await busy;
    expect(backup.bytes).toBeGreaterThan(0);
    server.child.kill('SIGTERM');
    await server.exited;

    // Restore: start a server on the backup alone.
    server = await spawnServer(restoreDir, { LOG_LEVEL: 'error' });
    const login = await facilitatorClient(server.url);
    const list = await login.get<{ workshops: { id: string; title: string }[] }>('/api/workshops');
    expect(list.body.workshops).toEqual([expect.objectContaining({ id: workshop.id, title: 'Te bewaren' })]);
    const restored = await connectedDoc(server.wsUrl, workshop.id, { token: workshop.screenToken });
    cleanup.push(() => restored.destroy());
    expect(readCards(restored.doc).map((c) => c.title)).toContain('Bewaard');
    // Two server processes start one after the other: allow for a loaded machine.
  }, 90_000);
});

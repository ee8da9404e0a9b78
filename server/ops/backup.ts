import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../storage/sqlite';

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * An online backup with SQLite's backup API: consistent while the server keeps
 * writing (a plain file copy of a WAL database is not). The copy is checked
 * with `PRAGMA integrity_check` before it is reported as done.
 */
export async function backupDatabase(dataDir: string, targetFile: string): Promise<BackupResult> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(source)) throw new Error(`no database at ${source}`);
  fs.mkdirSync(path.dirname(targetFile), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(targetFile);
  } finally {
    db.close();
  }
  const copy = new Database(targetFile, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return { file: targetFile, bytes: fs.statSync(targetFile).size };
}

export function defaultBackupFile(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:T]/g, '-').replace(/\..+$/, '');
  return path.join(dataDir, 'backups', `regiebord-${stamp}.sqlite`);
}

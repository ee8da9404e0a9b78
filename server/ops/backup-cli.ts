/**
 * `npm run backup [-- target-file]`: online backup of DATA_DIR while the server runs.
 * An entry point of its own, so it reads the environment itself.
 */
import path from 'node:path';
import { backupDatabase, defaultBackupFile } from './backup';

const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
const target = process.argv[2] ? path.resolve(process.argv[2]) : defaultBackupFile(dataDir);
try {
  const result = await backupDatabase(dataDir, target);
  console.log(`Back-up gemaakt: ${result.file} (${result.bytes} bytes, integriteit ok)`);
} catch (err) {
  console.error(`Back-up mislukt: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

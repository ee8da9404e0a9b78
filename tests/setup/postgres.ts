import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { ADMIN_DATABASE_URL, ensureTemplateDatabase, reachable } from '../helpers/postgres';

/**
 * Global setup of the integration-postgres project: a PostgreSQL server must
 * answer at TEST_DATABASE_URL / DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 * When it does not, start Debian's cluster where we can (root, pg_ctlcluster),
 * else stop at once and say how to start one.
 */
function startDebianCluster(): boolean {
  if (process.getuid?.() !== 0 || !fs.existsSync('/etc/postgresql')) return false;
  for (const version of fs.readdirSync('/etc/postgresql')) {
    try {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'ignore' });
      return true;
    } catch {
      // Not this one (or already running); try the next.
    }
  }
  return false;
}

export function postgresMissingMessage(url: string): string {
  const where = new URL(url);
  where.password = '';
  return (
    `PostgreSQL is not reachable at ${where.toString()}. The integration-postgres tests need one:\n` +
    `  Debian/Ubuntu: sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n` +
    `  Docker: docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:15\n` +
    `or point TEST_DATABASE_URL (or DATABASE_URL) at a server where this user may create databases.`
  );
}

/** A PostgreSQL server answers at `url` (started here when it can be), or this throws the message above. */
export async function ensurePostgres(url: string, { startCluster = true }: { startCluster?: boolean } = {}): Promise<void> {
  if (await reachable(url)) return;
  if (startCluster && startDebianCluster()) {
    for (let i = 0; i < 50 && !(await reachable(url)); i++) await new Promise((r) => setTimeout(r, 200));
  }
  if (!(await reachable(url))) throw new Error(postgresMissingMessage(url));
}

export default async function setup(): Promise<void> {
  await ensurePostgres(ADMIN_DATABASE_URL);
  await ensureTemplateDatabase();
}

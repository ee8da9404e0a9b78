/**
 * Entry point: reads the environment, starts the server, stops it cleanly.
 * This is the only file of the server that reads process.env (the command-line tools in
 * server/ops are entry points of their own and read the one or two settings they need).
 */
import path from 'node:path';
import { createRegiebord } from './app';
import { createLogger } from './logger';
import { defaultClusterSettings } from './cluster/clusterSettings';
import type { ConfigOverride } from './config';

const SHUTDOWN_DEADLINE_MS = 10_000;

const validSessionHours = (v: string | undefined) => v !== undefined && Number.isFinite(Number(v)) && Number(v) > 0 && Number(v) <= 336;

function readEnv(env: NodeJS.ProcessEnv): ConfigOverride {
  const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
  const override: ConfigOverride = {};
  if (env.PORT) override.port = Number(env.PORT);
  if (env.HOST) override.host = env.HOST;
  if (env.DATA_DIR) override.dataDir = path.resolve(env.DATA_DIR);
  if (env.DATABASE_URL) override.databaseUrl = env.DATABASE_URL;
  if (env.PUBLIC_URL) override.publicUrl = env.PUBLIC_URL;
  if (env.ALLOWED_ORIGINS) override.allowedOrigins = list(env.ALLOWED_ORIGINS);
  if (env.TRUST_PROXY) override.trustProxy = env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1';
  if (env.SECURE_COOKIES) override.secureCookies = env.SECURE_COOKIES === 'auto' ? 'auto' : env.SECURE_COOKIES === 'true';
  if (env.RETENTION_DAYS && Number(env.RETENTION_DAYS) > 0) override.retentionDays = Number(env.RETENTION_DAYS);
  // THEME: a folder name under themes/ (default, voorbeeld) or a path to a folder.
  const themeDir = env.THEME ? (/[/\\]/.test(env.THEME) ? path.resolve(env.THEME) : path.resolve('themes', env.THEME)) : undefined;
  const contact = {
    ...(env.CONTACT_NAME ? { name: env.CONTACT_NAME } : {}),
    ...(env.CONTACT_EMAIL ? { email: env.CONTACT_EMAIL } : {}),
    ...(env.CONTACT_PHONE ? { phone: env.CONTACT_PHONE } : {}),
    ...(env.CONTACT_URL ? { url: env.CONTACT_URL } : {}),
  };
  override.site = { ...(env.SITE_NAME ? { name: env.SITE_NAME } : {}), ...(themeDir ? { themeDir } : {}), contact };
  // Several instances (docs/operations.md): Redis shares socket.io, board updates, rate limits and locks.
  if (env.REDIS_URL) {
    override.cluster = {
      ...defaultClusterSettings,
      redisUrl: env.REDIS_URL,
      ...(env.REDIS_PREFIX ? { keyPrefix: env.REDIS_PREFIX } : {}),
    };
  }
  if (env.DRAIN_DELAY_MS && Number(env.DRAIN_DELAY_MS) >= 0) override.drainDelayMs = Number(env.DRAIN_DELAY_MS);
  // Keep-alive for idle board connections, in ms (0: off); for the bench and for operators.
  if (env.YJS_KEEPALIVE_MS && Number.isFinite(Number(env.YJS_KEEPALIVE_MS))) override.yjs = { keepAliveMs: Number(env.YJS_KEEPALIVE_MS) };
  // Compact a board after this many stored updates (default 500); the cluster test compacts often.
  if (env.YJS_COMPACT_AFTER_UPDATES && Number(env.YJS_COMPACT_AFTER_UPDATES) > 0) {
    override.yjs = { ...override.yjs, compactAfterUpdates: Number(env.YJS_COMPACT_AFTER_UPDATES) };
  }
  if (env.OIDC_ISSUER) {
    override.oidc = {
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID ?? '',
      clientSecret: env.OIDC_CLIENT_SECRET ?? '',
      redirectUrl: env.OIDC_REDIRECT_URL ?? '',
      organisationName: env.OIDC_ORGANISATION_NAME ?? 'uw organisatie',
      groupsClaim: env.OIDC_GROUPS_CLAIM ?? 'groups',
      allowedGroups: list(env.OIDC_ALLOWED_GROUPS),
      facilitatorGroups: list(env.OIDC_FACILITATOR_GROUPS),
      memberGroups: list(env.OIDC_MEMBER_GROUPS),
      adminGroups: list(env.OIDC_ADMIN_GROUPS),
      postLogoutRedirectUrl: env.OIDC_POST_LOGOUT_REDIRECT_URL ?? '',
      // Hours, more than 0 and at most 336 (a password session's 14 days); anything else: the default.
      ...(validSessionHours(env.OIDC_SESSION_HOURS) ? { sessionHours: Number(env.OIDC_SESSION_HOURS) } : {}),
      ...(env.OIDC_LOGOUT_ID_TOKEN_HINT === 'false' ? { logoutIdTokenHint: false } : {}),
    };
  }
  if (env.LOCAL_ACCOUNTS) override.localAccounts = env.LOCAL_ACCOUNTS !== 'false';
  if (env.METRICS_TOKEN || env.METRICS_ALLOW) override.metrics = { token: env.METRICS_TOKEN ?? '', allow: list(env.METRICS_ALLOW) };
  if (env.LOG_FORMAT === 'pretty' || env.LOG_FORMAT === 'json') override.logFormat = env.LOG_FORMAT;
  if (env.LOG_LEVEL === 'silent' || env.LOG_LEVEL === 'error' || env.LOG_LEVEL === 'info') override.logLevel = env.LOG_LEVEL;
  return override;
}

const server = await createRegiebord(readEnv(process.env));
const port = await server.listen();
// Start and stop are always written, whatever LOG_LEVEL says: operators and scripts wait for them.
const lifecycle = createLogger({ level: 'info', format: server.config.logFormat });
lifecycle.info('Regiebord draait / is running', {
  port,
  url: `http://localhost:${port}`,
  // The database URL may hold a password: name the engine, not the URL.
  ...(server.config.databaseUrl ? { database: 'PostgreSQL' } : { dataDir: server.config.dataDir }),
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  lifecycle.info('Regiebord stopt / is stopping', { signal });
  const deadline = setTimeout(() => {
    server.logger.error('Stoppen duurde te lang; gedwongen afsluiten / shutdown took too long, exiting');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS + server.config.drainDelayMs);
  deadline.unref();
  await server.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

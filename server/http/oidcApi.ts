import express, { type Router } from 'express';
import { randomId } from '../../shared/ids';
import { errorBody } from '../../shared/errors';
import type { OidcConfig, OidcSignIn } from '../auth/oidc';
import { OidcError } from '../auth/oidcError';
import { SESSION_COOKIE, clearedSessionCookie, readCookie, sessionCookie } from '../auth/cookies';
import { hashToken, randomToken } from '../auth/tokens';
import type { ServerConfig } from '../config';
import type { Logger } from '../logger';
import type { AccountRole, Storage } from '../storage/storage';
import { HttpError, languageOf } from './errors';
import { requestIdOf } from './requestLog';

/**
 * A session started at the provider lasts a working day (OIDC_SESSION_HOURS), not the 14 days of a
 * password session: the provider stays the one that decides who may come in (its groups, an
 * account it removed), and signing in again there is mostly one click. Here, not in ../auth/oidc,
 * which loads openid-client.
 */
export const DEFAULT_OIDC_SESSION_HOURS = 10;

export function oidcSessionTtlMs(config: OidcConfig): number {
  return (config.sessionHours ?? DEFAULT_OIDC_SESSION_HOURS) * 60 * 60 * 1000;
}

/**
 * The longest ID token kept as a logout hint. It travels in the logout URL's query: a token with
 * hundreds of groups (Entra ID) would make a URL a proxy refuses (414), so such a logout goes
 * without the hint (the provider may ask to confirm).
 */
export const MAX_LOGOUT_HINT_CHARS = 4096;

/** The ID token to keep with the session for the logout hint, if any. */
function logoutHint(config: OidcConfig, idToken: string): string | undefined {
  return config.logoutIdTokenHint !== false && idToken.length <= MAX_LOGOUT_HINT_CHARS ? idToken : undefined;
}

const FLOW_COOKIE = 'rb_oidc';
const CALLBACK_PATH = '/auth/oidc/callback';

/** The flow cookie: only sent back to the callback; Lax, because the provider's redirect is a top-level cross-site GET. */
function flowCookie(value: string, maxAgeS: number, secure: boolean): string {
  return [`${FLOW_COOKIE}=${value}`, `Path=/api${CALLBACK_PATH}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeS}`, ...(secure ? ['Secure'] : [])].join('; ');
}

/** Where a person lands after signing in: facilitators (and administrators) on their dashboard, members in the knowledge centre. */
function landingPath(roles: readonly AccountRole[]): string {
  return roles.includes('facilitator') || roles.includes('admin') ? '/begeleider' : '/kenniscentrum';
}

export interface OidcApiDeps {
  config: ServerConfig;
  storage: Storage;
  logger: Logger;
  /** Undefined when OIDC is not configured. */
  oidc: () => Promise<OidcSignIn | undefined>;
}

/**
 * /api/auth/oidc: whether single sign-on is on (and the button's text), the start of a sign-in,
 * the provider's callback, and logout with RP-initiated logout at the provider.
 */
export function createOidcRouter(deps: OidcApiDeps): Router {
  const { config, storage, logger } = deps;
  const router = express.Router();
  const secure = (req: express.Request) => (config.secureCookies === 'auto' ? req.secure : config.secureCookies);
  const signIn = async () => {
    const oidc = await deps.oidc();
    if (!oidc) throw new HttpError(404, 'OIDC_NOT_CONFIGURED');
    return oidc;
  };

  router.get('/auth/oidc', (_req, res) => {
    res.json({ enabled: config.oidc !== null, organisationName: config.oidc?.organisationName ?? '', localAccounts: config.localAccounts });
  });

  router.get('/auth/oidc/login', async (req, res) => {
    const returnTo = typeof req.query.terug === 'string' ? req.query.terug : undefined;
    const { url, flowId } = await (await signIn()).start(returnTo);
    res.setHeader('Set-Cookie', flowCookie(flowId, 600, secure(req)));
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, url);
  });

  router.get(CALLBACK_PATH, async (req, res) => {
    const oidc = await signIn();
    const callbackUrl = new URL(config.oidc!.redirectUrl);
    callbackUrl.search = new URL(req.originalUrl, 'http://x').search;
    const clearFlow = flowCookie('', 0, secure(req));
    try {
      const { identity, idToken, returnTo } = await oidc.finish(callbackUrl, readCookie(req.get('cookie'), FLOW_COOKIE));
      const account = await storage.upsertOidcAccount(identity, randomId(16), Date.now());
      if (!account) throw new OidcError('EMAIL_TAKEN', 409, 'e-mail belongs to a local account');
      if (account.disabled) throw new OidcError('ACCOUNT_DISABLED', 403, 'account switched off by an administrator');
      const token = randomToken();
      const ttlMs = oidcSessionTtlMs(config.oidc!);
      await storage.createSession(hashToken(token), account.id, Date.now() + ttlMs, logoutHint(config.oidc!, idToken));
      res.setHeader('Set-Cookie', [clearFlow, sessionCookie(token, ttlMs, secure(req))]);
      logger.info('oidc sign-in', { requestId: requestIdOf(res), roles: (account.roles ?? []).join(',') });
      res.redirect(302, returnTo ?? landingPath(account.roles ?? []));
    } catch (err) {
      if (!(err instanceof OidcError)) throw err;
      // The reason for the log (no claims, tokens or names); the browser gets the named code.
      logger.info('oidc sign-in refused', { requestId: requestIdOf(res), code: err.code, reason: err.message.slice(0, 200) });
      res.setHeader('Set-Cookie', clearFlow);
      // A browser goes to the login page, which names the code (and drops it from the address bar);
      // anything else gets the JSON error. The callback's URL (code, state) is never kept in history:
      // a redirect replaces it.
      if (req.accepts(['json', 'html']) === 'html') {
        res.setHeader('Cache-Control', 'no-store');
        res.redirect(303, `/inloggen?fout=${err.code}`);
        return;
      }
      res.status(err.status).json({ error: errorBody(err.code, languageOf(req)) });
    }
  });

  /** Ends the local session; then, where the provider offers it, its session too (RP-initiated logout). */
  router.post('/auth/oidc/logout', async (req, res) => {
    const session = readCookie(req.get('cookie'), SESSION_COOKIE);
    const account = session ? await storage.findSessionAccount(hashToken(session), Date.now()) : undefined;
    const idToken = session ? await storage.deleteSession(hashToken(session)) : undefined;
    res.setHeader('Set-Cookie', clearedSessionCookie(secure(req)));
    // Only a person who signed in at the provider is sent there to end that session too; a local
    // (password) account has nothing to end there.
    const oidc = account?.oidcIssuer ? await deps.oidc() : undefined;
    const base = config.publicUrl || `${req.protocol}://${req.get('host')}`;
    res.json({ logoutUrl: oidc?.logoutUrl(`${base}/`, idToken) ?? null });
  });

  return router;
}

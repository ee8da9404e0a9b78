import express, { type Request, type Response, type Router } from 'express';
import { randomId } from '../../shared/ids';
import { JOIN_CODE_PATTERN, type AccountInfo, type JoinResult } from '../../shared/protocol';
import { acceptInviteBody, createWorkshopBody, inviteBody, joinBody, loginBody, setupBody } from '../../shared/schemas';
import { TEMPLATES } from '../../shared/template';
import type { AccessControl } from '../auth/access';
import { SESSION_COOKIE, clearedSessionCookie, readCookie, sessionCookie } from '../auth/cookies';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords';
import { PARTICIPANT_TOKEN_PREFIX, hashToken, randomToken } from '../auth/tokens';
import type { ServerConfig } from '../config';
import type { ControlStates } from '../method/controlStates';
import { FIRST_ACCOUNT_ROLES, INVITED_ACCOUNT_ROLES, type AccountRecord, type AccountRole, type Storage } from '../storage/storage';
import type { WorkshopService } from '../workshops';
import { HttpError, parseBody } from './errors';
import { FailureLimiter, type FailureLimit } from '../limits';

export interface ApiDeps {
  config: ServerConfig;
  storage: Storage;
  access: AccessControl;
  workshops: WorkshopService;
  controls: ControlStates;
  /** Several instances: failures counted where every instance sees them (Redis); default: in memory. */
  failureLimits?: { join: FailureLimit; login: FailureLimit };
}

function accountInfo(a: AccountRecord): AccountInfo {
  return { id: a.id, name: a.name, email: a.email, roles: a.roles ?? [] };
}

function isSecure(req: Request, config: ServerConfig): boolean {
  return config.secureCookies === 'auto' ? req.secure : config.secureCookies;
}

/** Base URL for links we hand out (QR codes, invites). */
function publicBase(req: Request, config: ServerConfig): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  return `${req.protocol}://${req.get('host')}`;
}

/** Client address for rate limiting only; never stored or logged. */
function clientKey(req: Request): string {
  return req.ip ?? 'unknown';
}

export function createApiRouter(deps: ApiDeps): Router {
  const { config, storage, access, workshops, controls } = deps;
  const router = express.Router();
  const joinLimiter = deps.failureLimits?.join ?? new FailureLimiter(config.joinRateLimit.maxFailures, config.joinRateLimit.windowMs);
  const loginLimiter = deps.failureLimits?.login ?? new FailureLimiter(config.loginRateLimit.maxFailures, config.loginRateLimit.windowMs);

  async function startSession(req: Request, res: Response, account: AccountRecord): Promise<void> {
    const token = randomToken();
    await storage.createSession(hashToken(token), account.id, Date.now() + config.sessionTtlMs);
    res.setHeader('Set-Cookie', sessionCookie(token, config.sessionTtlMs, isSecure(req, config)));
  }

  async function requireAccount(req: Request): Promise<AccountRecord> {
    const account = await access.accountFromCookie(req.get('cookie'));
    if (!account) throw new HttpError(401, 'UNAUTHENTICATED');
    return account;
  }

  async function requireRole(req: Request, role: AccountRole): Promise<AccountRecord> {
    const account = await requireAccount(req);
    if (!account.roles?.includes(role)) throw new HttpError(403, 'NOT_ALLOWED');
    return account;
  }

  /** LOCAL_ACCOUNTS=false: no password sign-in, setup or invitation (the organisation's accounts only). */
  function requireLocalAccounts(): void {
    if (!config.localAccounts) throw new HttpError(403, 'LOCAL_ACCOUNTS_DISABLED');
  }

  // ------------------------------------------------------------ accounts

  router.get('/setup', async (_req, res) => {
    res.json({ needed: (await storage.countAccounts()) === 0 });
  });

  router.post('/setup', async (req, res) => {
    requireLocalAccounts();
    const body = parseBody(setupBody, req.body);
    if ((await storage.countAccounts()) > 0) throw new HttpError(409, 'SETUP_DONE');
    const account: AccountRecord = {
      id: randomId(16),
      name: body.name,
      email: body.email,
      passwordHash: await hashPassword(body.password, config.scryptCost),
      createdAt: Date.now(),
      roles: [...FIRST_ACCOUNT_ROLES],
    };
    if (!(await storage.createFirstAccount(account))) throw new HttpError(409, 'SETUP_DONE');
    await startSession(req, res, account);
    res.status(201).json({ account: accountInfo(account) });
  });

  router.post('/login', async (req, res) => {
    requireLocalAccounts();
    const body = parseBody(loginBody, req.body);
    const key = clientKey(req);
    if (await loginLimiter.isBlocked(key)) throw new HttpError(429, 'RATE_LIMITED');
    const account = await storage.findAccountByEmail(body.email);
    const ok = await verifyPassword(body.password, account?.passwordHash ?? (await dummyPasswordHash(config.scryptCost)));
    if (!account || !ok) {
      await loginLimiter.recordFailure(key);
      throw new HttpError(401, 'INVALID_CREDENTIALS');
    }
    // Told only after the right password: a guesser learns nothing about the account.
    if (account.disabled) throw new HttpError(403, 'ACCOUNT_DISABLED');
    await startSession(req, res, account);
    res.json({ account: accountInfo(account) });
  });

  router.post('/logout', async (req, res) => {
    const session = readCookie(req.get('cookie'), SESSION_COOKIE);
    if (session) await storage.deleteSession(hashToken(session));
    res.setHeader('Set-Cookie', clearedSessionCookie(isSecure(req, config)));
    res.status(204).end();
  });

  router.get('/me', async (req, res) => {
    res.json({ account: accountInfo(await requireAccount(req)) });
  });

  router.post('/invites', async (req, res) => {
    requireLocalAccounts();
    const account = await requireRole(req, 'admin');
    const body = parseBody(inviteBody, req.body);
    if (await storage.findAccountByEmail(body.email)) throw new HttpError(409, 'EMAIL_TAKEN');
    const token = randomToken();
    const expiresAt = Date.now() + config.inviteTtlMs;
    await storage.createInvite(hashToken(token), body.email, account.id, expiresAt);
    // The token goes in the fragment: it never reaches a server log or a Referer.
    res.status(201).json({ inviteUrl: `${publicBase(req, config)}/uitnodiging#${token}`, expiresAt });
  });

  router.post('/invites/accept', async (req, res) => {
    requireLocalAccounts();
    const body = parseBody(acceptInviteBody, req.body);
    const key = clientKey(req);
    if (await loginLimiter.isBlocked(key)) throw new HttpError(429, 'RATE_LIMITED');
    const email = await storage.takeInvite(hashToken(body.token), Date.now());
    if (!email) {
      await loginLimiter.recordFailure(key);
      throw new HttpError(404, 'INVITE_INVALID');
    }
    if (await storage.findAccountByEmail(email)) throw new HttpError(409, 'EMAIL_TAKEN');
    const account: AccountRecord = {
      id: randomId(16),
      name: body.name,
      email,
      passwordHash: await hashPassword(body.password, config.scryptCost),
      createdAt: Date.now(),
      roles: [...INVITED_ACCOUNT_ROLES],
    };
    await storage.createAccount(account);
    await startSession(req, res, account);
    res.status(201).json({ account: accountInfo(account) });
  });

  // ----------------------------------------------------------- workshops

  router.get('/templates', (_req, res) => {
    res.json({ templates: TEMPLATES });
  });

  router.get('/workshops', async (req, res) => {
    const account = await requireRole(req, 'facilitator');
    // A facilitator runs their own workshops; reading everyone's is the knowledge centre's job.
    const list = (await storage.listWorkshops()).filter((w) => w.ownerId === account.id);
    res.json({ workshops: list.map((w) => workshops.summary(w, w.ownerName)) });
  });

  router.post('/workshops', async (req, res) => {
    const account = await requireRole(req, 'facilitator');
    const body = parseBody(createWorkshopBody, req.body);
    const workshop = await workshops.create(account, body);
    res.status(201).json(workshops.detail(workshop, account.name));
  });

  router.get('/workshops/:id', async (req, res) => {
    const result = await access.resolve(req.params.id ?? '', { cookieHeader: req.get('cookie') });
    if (!result.ok) throw new HttpError(result.status, result.code);
    if (result.principal.role !== 'facilitator') throw new HttpError(403, 'NOT_ALLOWED');
    res.json(workshops.detail(result.workshop, result.principal.name));
  });

  // ---------------------------------------------------------------- join

  router.post('/join', async (req, res) => {
    const key = clientKey(req);
    if (await joinLimiter.isBlocked(key)) throw new HttpError(429, 'RATE_LIMITED');
    const body = parseBody(joinBody, req.body);
    const workshop = await storage.findWorkshopByJoinCode(body.code);
    if (!workshop) {
      await joinLimiter.recordFailure(key);
      throw new HttpError(404, 'UNKNOWN_CODE');
    }
    // A finished workshop takes no new people: they would count as participants in its exports.
    if ((await controls.get(workshop.id)).finishedAt) throw new HttpError(409, 'WORKSHOP_FINISHED');
    const token = randomToken(PARTICIPANT_TOKEN_PREFIX);
    const participantId = randomId(16);
    await storage.createParticipant(
      { id: participantId, workshopId: workshop.id, name: body.name, createdAt: Date.now(), removed: false },
      hashToken(token),
    );
    const result: JoinResult = { workshopId: workshop.id, participantId, token };
    res.json(result);
  });

  /** QR code (SVG) for the join page with the code filled in. Public: the code is on the screen anyway. */
  router.get('/join-qr.svg', async (req, res) => {
    const code = typeof req.query.code === 'string' ? req.query.code : '';
    if (!JOIN_CODE_PATTERN.test(code)) throw new HttpError(400, 'INVALID_PAYLOAD', 'code');
    // qrcode is loaded with the first QR code asked for, not held by an idle server.
    const { default: QRCode } = await import('qrcode');
    const svg = await QRCode.toString(`${publicBase(req, config)}/doe-mee?code=${code}`, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    res.type('image/svg+xml').setHeader('Cache-Control', 'private, max-age=3600');
    res.send(svg);
  });

  router.use((_req, _res, next) => next(new HttpError(404, 'NOT_FOUND')));
  return router;
}

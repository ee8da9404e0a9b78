import type { ErrorCode } from '../../shared/errors';
import type { AccountRecord, Storage, WorkshopRecord } from '../storage/storage';
import { SESSION_COOKIE, readCookie } from './cookies';
import {
  PARTICIPANT_TOKEN_PREFIX,
  SCREEN_TOKEN_PREFIX,
  hashToken,
  sameToken,
  screenToken,
} from './tokens';

/** Who is on the other end of a connection, for one workshop. */
export type Principal =
  | { role: 'facilitator'; workshopId: string; accountId: string; name: string }
  | { role: 'participant'; workshopId: string; participantId: string; name: string }
  | { role: 'screen'; workshopId: string };

export type AccessResult =
  | { ok: true; principal: Principal; workshop: WorkshopRecord; viaCookie: boolean }
  | { ok: false; status: 401 | 403 | 404; code: ErrorCode };

export interface Credentials {
  cookieHeader?: string | undefined;
  token?: string | undefined;
}

/** The one place that turns a cookie or token into a role. REST, socket.io and Yjs all use it. */
export class AccessControl {
  constructor(
    private readonly storage: Storage,
    private readonly screenSecret: string,
  ) {}

  async accountFromCookie(cookieHeader: string | undefined): Promise<AccountRecord | undefined> {
    const session = readCookie(cookieHeader, SESSION_COOKIE);
    if (!session) return undefined;
    return this.storage.findSessionAccount(hashToken(session), Date.now());
  }

  screenTokenFor(workshop: WorkshopRecord): string {
    return screenToken(this.screenSecret, workshop.id, workshop.screenTokenVersion);
  }

  /**
   * A token, when given, decides the role (so a facilitator can test the phone
   * view in the same browser); otherwise the session cookie.
   */
  async resolve(workshopId: string, creds: Credentials): Promise<AccessResult> {
    const workshop = await this.storage.findWorkshop(workshopId);
    if (!workshop) {
      // Same answer as a bad token when unauthenticated: do not reveal which ids exist.
      return creds.token || creds.cookieHeader
        ? { ok: false, status: 404, code: 'NOT_FOUND' }
        : { ok: false, status: 401, code: 'UNAUTHENTICATED' };
    }
    if (creds.token) return this.resolveToken(workshop, creds.token);

    const account = await this.accountFromCookie(creds.cookieHeader);
    if (!account) return { ok: false, status: 401, code: 'UNAUTHENTICATED' };
    if (account.id !== workshop.ownerId || !account.roles?.includes('facilitator')) return { ok: false, status: 403, code: 'NOT_ALLOWED' };
    return {
      ok: true,
      workshop,
      viaCookie: true,
      principal: { role: 'facilitator', workshopId, accountId: account.id, name: account.name },
    };
  }

  private async resolveToken(workshop: WorkshopRecord, token: string): Promise<AccessResult> {
    const refused = { ok: false, status: 401, code: 'UNAUTHENTICATED' } as const;
    if (token.startsWith(SCREEN_TOKEN_PREFIX)) {
      if (!sameToken(token, this.screenTokenFor(workshop))) return refused;
      return { ok: true, workshop, viaCookie: false, principal: { role: 'screen', workshopId: workshop.id } };
    }
    if (token.startsWith(PARTICIPANT_TOKEN_PREFIX)) {
      const participant = await this.storage.findParticipantByToken(hashToken(token));
      // A token for workshop A never opens workshop B.
      if (!participant || participant.workshopId !== workshop.id || participant.removed) return refused;
      return {
        ok: true,
        workshop,
        viaCookie: false,
        principal: {
          role: 'participant',
          workshopId: workshop.id,
          participantId: participant.id,
          name: participant.name,
        },
      };
    }
    return refused;
  }
}


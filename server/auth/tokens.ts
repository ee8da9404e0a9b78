import crypto from 'node:crypto';

/**
 * Bearer tokens. Participants and sessions get random tokens of which only a
 * SHA-256 hash is stored; a leaked database does not reveal usable tokens.
 * Shared-screen tokens are derived (HMAC) from a server secret, the workshop id
 * and a version, so the facilitator can show the link again at any time and
 * rotating the version revokes every old link.
 */
export const PARTICIPANT_TOKEN_PREFIX = 'p.';
export const SCREEN_TOKEN_PREFIX = 's.';

export function randomToken(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function screenToken(secret: string, workshopId: string, version: number): string {
  const mac = crypto.createHmac('sha256', secret).update(`screen:${workshopId}:${version}`).digest('base64url');
  return SCREEN_TOKEN_PREFIX + mac;
}

export function sameToken(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/** Join codes: 8 digits, uniformly random. Uniqueness is checked by the caller. */
export function randomJoinCode(): string {
  return String(crypto.randomInt(0, 100_000_000)).padStart(8, '0');
}

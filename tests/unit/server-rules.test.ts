import { describe, expect, it } from 'vitest';
import { FailureLimiter, TokenBucket } from '../../server/limits';
import { hashPassword, verifyPassword } from '../../server/auth/passwords';
import { readCookie, sessionCookie } from '../../server/auth/cookies';
import { isOriginAllowed } from '../../server/auth/origin';
import { screenToken } from '../../server/auth/tokens';
import { makeConfig } from '../../server/config';

describe('failure limiter', () => {
  it('blocks after the maximum failures within the window, and forgets after it', () => {
    const limiter = new FailureLimiter(3, 1000);
    for (let i = 0; i < 3; i++) {
      expect(limiter.isBlocked('ip', i)).toBe(false);
      limiter.recordFailure('ip', i);
    }
    expect(limiter.isBlocked('ip', 10)).toBe(true);
    expect(limiter.isBlocked('other', 10)).toBe(false);
    expect(limiter.isBlocked('ip', 1003)).toBe(false);
  });
});

describe('token bucket', () => {
  it('allows a burst, then the rate, and refills over time', () => {
    const bucket = new TokenBucket(2, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(400)).toBe(false);
    expect(bucket.take(500)).toBe(true);
    expect(bucket.take(10_000)).toBe(true);
    expect([bucket.take(10_000), bucket.take(10_000), bucket.take(10_000)]).toEqual([true, true, false]);
  });
});

describe('passwords', () => {
  it('verifies the right password only', async () => {
    const hash = await hashPassword('een lang wachtwoord', 1024);
    expect(await verifyPassword('een lang wachtwoord', hash)).toBe(true);
    expect(await verifyPassword('een ander wachtwoord', hash)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('cookies, origins and screen tokens', () => {
  it('reads cookies', () => {
    expect(readCookie('a=1; rb_session=abc%20d; b=2', 'rb_session')).toBe('abc d');
    expect(readCookie('a=1', 'rb_session')).toBeUndefined();
    expect(readCookie('rb_session=%E0%A4%A', 'rb_session')).toBeUndefined();
    expect(sessionCookie('x', 1000, true)).toMatch(/HttpOnly; SameSite=Lax; Max-Age=1; Secure$/);
  });

  it.each([
    ['http://localhost:3000', 'localhost:3000', [], '', true],
    ['http://evil.example', 'localhost:3000', [], '', false],
    ['https://regiebord.lochem.nl', 'internal:3000', [], 'https://regiebord.lochem.nl/', true],
    ['https://intranet.lochem.nl', 'localhost:3000', ['https://intranet.lochem.nl'], '', true],
    ['null', 'localhost:3000', [], '', false],
  ])('origin %s on host %s -> %s', (origin, host, allowed, publicUrl, expected) => {
    expect(isOriginAllowed(origin, host, makeConfig({ allowedOrigins: allowed, publicUrl }))).toBe(expected);
  });

  it('derives screen tokens per workshop and version', () => {
    const a = screenToken('secret', 'workshop1', 1);
    expect(a).toBe(screenToken('secret', 'workshop1', 1));
    expect(a).not.toBe(screenToken('secret', 'workshop2', 1));
    expect(a).not.toBe(screenToken('secret', 'workshop1', 2));
    expect(a).not.toBe(screenToken('other', 'workshop1', 1));
  });
});

import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, errorBody } from '../../shared/errors';
import { createWorkshopBody, joinBody, setupBody, socketAuth } from '../../shared/schemas';
import { randomId, ID_PATTERN } from '../../shared/ids';

describe('join body', () => {
  it.each([
    [{ code: '12345678', name: 'An' }, { code: '12345678', name: 'An' }],
    [{ code: '1234 5678' }, { code: '12345678', name: '' }],
    [{ code: ' 12 34 56 78 ', name: '  Piet  ' }, { code: '12345678', name: 'Piet' }],
  ])('accepts %j', (input, out) => {
    expect(joinBody.parse(input)).toEqual(out);
  });

  it.each([[{ code: '1234567' }], [{ code: 'abcdefgh' }], [{ code: 12345678 }], [{ code: '12345678', name: 'x'.repeat(41) }], [null]])(
    'rejects %j',
    (input) => {
      expect(joinBody.safeParse(input).success).toBe(false);
    },
  );
});

describe('other bodies', () => {
  it('normalises e-mail and demands a long password', () => {
    expect(setupBody.parse({ name: 'A', email: ' A@Lochem.NL ', password: '0123456789' }).email).toBe('a@lochem.nl');
    expect(setupBody.safeParse({ name: 'A', email: 'a@lochem.nl', password: 'short' }).success).toBe(false);
  });

  it('accepts a template id or a whole template', () => {
    expect(createWorkshopBody.safeParse({ title: 'X' }).success).toBe(true);
    expect(createWorkshopBody.safeParse({ title: 'X', template: { id: 'x' } }).success).toBe(false);
    expect(createWorkshopBody.safeParse({ title: '' }).success).toBe(false);
  });

  it('checks socket auth', () => {
    expect(socketAuth.safeParse({ protocolVersion: 1, workshopId: 'abcdefgh12' }).success).toBe(true);
    expect(socketAuth.safeParse({ protocolVersion: 1, workshopId: '../etc' }).success).toBe(false);
  });
});

describe('errors and ids', () => {
  it('has a Dutch and an English message for every code', () => {
    for (const [code, m] of Object.entries(ERROR_MESSAGES)) {
      expect(m.nl.length, code).toBeGreaterThan(5);
      expect(m.en.length, code).toBeGreaterThan(5);
      expect(m.nl).not.toBe(m.en);
    }
    expect(errorBody('NOT_FOUND', 'en')).toEqual({ code: 'NOT_FOUND', message: 'We could not find that.' });
  });

  it('makes url-safe random ids without repeats', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => randomId()));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
  });
});

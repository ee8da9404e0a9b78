import { describe, expect, it } from 'vitest';
import { buildMatch, contentStems, fold, stem, stemsOf } from '../../server/knowledge/dutchText';

/** Snowball Dutch stemming for search (issue 19): the word as written and its inflections meet in one stem. */
describe('Dutch stemming (Snowball)', () => {
  it.each([
    ['mandaten', 'mandaat'],
    ['drempels', 'drempel'],
    ['gemeenten', 'gemeente'],
    ['woningen', 'woning'],
    ['samenwerkingen', 'samenwerking'],
  ])('%s and %s share a stem', (a, b) => {
    expect(stem(fold(a))).toBe(stem(fold(b)));
  });

  it('folds accents before stemming: coördinatie and coordinatie are one word', () => {
    expect(fold('Coördinatie')).toBe('coordinatie');
    expect(stem(fold('coördinatie'))).toBe(stem(fold('coordinatie')));
    expect(stemsOf('Coördinatie van mandaten')).toBe(stemsOf('coordinatie van mandaat'));
  });

  it('keeps short words and numbers as they are', () => {
    expect(stem('wet')).toBe('wet');
    expect(stem('2026')).toBe('2026');
  });

  it('matches the typed word or its stem as a quoted prefix, so no input is FTS5 syntax', () => {
    expect(buildMatch('mandaten')).toBe('("mandaten"* OR "mandat"*)');
    expect(buildMatch('subsidies')).toBe('("subsidies"* OR "subsidie"*)');
    expect(buildMatch('drempel')).toBe('"drempel"*');
    expect(buildMatch('"OR" NEAR(')).toBe('"or"* AND "near"*');
    expect(buildMatch('  ...  ')).toBeNull();
  });

  it('finds the same content words in inflected texts (ledger suggestions)', () => {
    expect([...contentStems('De mandaten van de gemeenten')].sort()).toEqual([...contentStems('Het mandaat van een gemeente')].sort());
  });
});

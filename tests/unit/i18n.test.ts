import { describe, expect, it } from 'vitest';
import { nl } from '../../client/src/i18n/nl';
import { en } from '../../client/src/i18n/en';
import { formatNumber, formatPercent, positionVars } from '../../client/src/i18n/format';
import { formatDate } from '../../client/src/method/proposalText';

/**
 * Every text in Dutch and English. The type system already refuses a key that is missing in
 * either language (en is a Record of nl's keys); this checks what types cannot: no empty
 * texts, no leftover keys, and the same {placeholders} on both sides.
 */
describe('every UI text in Dutch and English', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('has the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it.each(Object.keys(nl))('%s: both texts filled in, same placeholders', (key) => {
    const nlText = (nl as Record<string, string>)[key]!;
    const enText = (en as Record<string, string>)[key]!;
    expect(nlText.trim(), 'nl').not.toBe('');
    expect(enText.trim(), 'en').not.toBe('');
    expect(placeholders(enText)).toEqual(placeholders(nlText));
  });
});

describe('numbers and dates follow the language (Intl)', () => {
  const cases: [what: string, nlText: string, enText: string][] = [
    ['percent', formatPercent(0.35, 'nl'), formatPercent(0.35, 'en')],
    ['number', formatNumber(1234.5, 'nl'), formatNumber(1234.5, 'en')],
    ['due date', formatDate('2027-03-01', 'nl'), formatDate('2027-03-01', 'en')],
  ];
  const expected: Record<string, [string, string]> = {
    percent: ['35%', '35%'],
    number: ['1.234,5', '1,234.5'],
    'due date': ['1 maart 2027', '1 March 2027'],
  };
  it.each(cases)('%s', (what, nlText, enText) => {
    expect([nlText, enText]).toEqual(expected[what]);
  });

  it('gives a card position as whole percentages from the left and the top', () => {
    expect(positionVars({ x: 0.204, y: 0.5 }, 'nl')).toEqual({ x: '20%', y: '50%' });
  });
});

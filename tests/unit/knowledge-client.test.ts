import { describe, expect, it } from 'vitest';
import { CARD_KINDS, CARD_TEXT_MAX, CARD_TITLE_MAX } from '../../shared/board';
import { MATCH_END, MATCH_START } from '../../shared/knowledge';
import { matchRoute } from '../../client/src/router';
import * as limits from '../../client/src/views/knowledge/limits';
import { splitMarks } from '../../client/src/views/knowledge/marks';

const S = MATCH_START;
const E = MATCH_END;

describe('search marks become text parts, never HTML', () => {
  it.each([
    ['no marks', 'Geen loket', [{ text: 'Geen loket', match: false }]],
    [
      'a match in the middle',
      `Geen ${S}één${E} ${S}loket${E} voor café`,
      [
        { text: 'Geen ', match: false },
        { text: 'één', match: true },
        { text: ' ', match: false },
        { text: 'loket', match: true },
        { text: ' voor café', match: false },
      ],
    ],
    ['a match at the start and end', `${S}Drempels${E}`, [{ text: 'Drempels', match: true }]],
    ['markup stays text', `<b>${S}x${E}</b>`, [{ text: '<b>', match: false }, { text: 'x', match: true }, { text: '</b>', match: false }]],
    ['an unclosed mark keeps its text', `a ${S}b`, [{ text: 'a ', match: false }, { text: 'b', match: true }]],
    ['a stray end keeps its text', `a${E}b`, [{ text: 'a', match: false }, { text: 'b', match: false }]],
    ['empty', '', []],
  ])('%s', (_name, input, parts) => {
    expect(splitMarks(input)).toEqual(parts);
  });
});

describe('knowledge centre routes', () => {
  it.each([
    ['/kenniscentrum', { name: 'knowledge', section: 'workshops' }],
    ['/kenniscentrum/', { name: 'knowledge', section: 'workshops' }],
    ['/kenniscentrum/zoeken', { name: 'knowledge', section: 'search' }],
    ['/kenniscentrum/register', { name: 'knowledge', section: 'register' }],
    ['/kenniscentrum/register/abcd1234efgh', { name: 'knowledge', section: 'entry', id: 'abcd1234efgh' }],
    ['/kenniscentrum/drempels', { name: 'knowledge', section: 'ledger' }],
    ['/kenniscentrum/voorstellen', { name: 'knowledge', section: 'tracker' }],
    ['/rapport/abcd1234efgh', { name: 'report', id: 'abcd1234efgh' }],
    ['/rapport/ABC', { name: 'notFound' }],
    ['/kenniscentrum/register/../x', { name: 'notFound' }],
    ['/kenniscentrum/onbekend', { name: 'notFound' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });
});

describe('the register form uses the card limits of shared/board.ts', () => {
  it('has the same kinds and maximum lengths', () => {
    expect([...limits.CARD_KINDS]).toEqual([...CARD_KINDS]);
    expect(limits.CARD_TITLE_MAX).toBe(CARD_TITLE_MAX);
    expect(limits.CARD_TEXT_MAX).toBe(CARD_TEXT_MAX);
  });
});

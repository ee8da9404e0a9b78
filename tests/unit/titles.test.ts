import { describe, expect, it } from 'vitest';
import { copyTitle, sameTitle } from '../../shared/knowledge';
import { WORKSHOP_TITLE_MAX } from '../../shared/protocol';

describe('confirming a deletion by typing the title', () => {
  it.each([
    ['Lochem – werksessie 2', 'Lochem - werksessie 2'],
    ['Lochem — werksessie', 'Lochem-werksessie'],
    ['Lochem\u00a0 werksessie', 'lochem werksessie'],
    ['„Regie” in Lochem', '"Regie" in Lochem'],
    ['  Lochem  ', 'Lochem'],
  ])('accepts %j for %j', (title, typed) => {
    expect(sameTitle(typed, title)).toBe(true);
  });

  it.each([
    ['Lochem werksessie 2', 'Lochem werksessie'],
    ['Lochem-Noord', 'LochemNoord'],
    ['Zutphen', ''],
  ])('refuses %j typed as %j', (title, typed) => {
    expect(sameTitle(typed, title)).toBe(false);
  });
});

describe('the title of a copy', () => {
  it('adds " (kopie)" and stays within the title limit', () => {
    expect(copyTitle('Werksessie Lochem', WORKSHOP_TITLE_MAX)).toBe('Werksessie Lochem (kopie)');
    const long = 'x'.repeat(WORKSHOP_TITLE_MAX);
    const copy = copyTitle(long, WORKSHOP_TITLE_MAX);
    expect(copy).toHaveLength(WORKSHOP_TITLE_MAX);
    expect(copy.endsWith(' (kopie)')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  LOCHEM_TEMPLATE,
  NSOB_TEMPLATE,
  TEMPLATES,
  clampUnit,
  cornerCentre,
  cornerOf,
  quadrantOf,
} from '../../shared/template';
import { templateSchema } from '../../shared/schemas';

describe('quadrant of a position (Lochem template)', () => {
  const cases: [x: number, y: number, label: string][] = [
    [0, 0, 'Retro in Control'],
    [0.49, 0.49, 'Retro in Control'],
    [0.5, 0.1, 'Manoeuvres in de Markt'],
    [1, 0, 'Manoeuvres in de Markt'],
    [0.1, 0.5, 'Maatschappelijke Carrousel'],
    [0, 1, 'Maatschappelijke Carrousel'],
    [0.5, 0.5, 'Flashmob'],
    [1, 1, 'Flashmob'],
  ];
  it.each(cases)('(%s, %s) is in %s', (x, y, label) => {
    expect(quadrantOf(LOCHEM_TEMPLATE, { x, y }).label).toBe(label);
  });

  it('puts each corner centre back in its own corner', () => {
    for (const q of LOCHEM_TEMPLATE.quadrants) expect(cornerOf(cornerCentre(q.corner))).toBe(q.corner);
  });
});

describe('templates are valid data', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s passes the schema', (_id, t) => {
    expect(templateSchema.parse(t)).toEqual(t);
  });

  it('rejects a template with a corner twice', () => {
    const broken = {
      ...NSOB_TEMPLATE,
      quadrants: NSOB_TEMPLATE.quadrants.map((q) => ({ ...q, corner: 'top-left' })),
    };
    expect(templateSchema.safeParse(broken).success).toBe(false);
  });
});

describe('clampUnit', () => {
  it.each([
    [-1, 0],
    [0.3, 0.3],
    [2, 1],
    [Number.NaN, 0.5],
    [Number.POSITIVE_INFINITY, 0.5],
  ])('%s -> %s', (input, out) => {
    expect(clampUnit(input)).toBe(out);
  });
});

import type { Position } from '../../shared/template';

/** A 390×844 touch phone, as the density tests hold it. */
export const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'nl-NL' } as const;

/** Real Lochem-like titles, long Dutch compounds included (they must never be cut mid-word). */
export const DENSITY_TITLES = [
  'Energietransitie',
  'Zonnepark Laarberg',
  'Sociaal domein',
  'Omgevingsvisie',
  'Beheer openbare ruimte',
  'Warmtenet Lochem-Oost',
  'Jeugdzorg en onderwijs',
  'Mobiliteitsplan',
  'Woningbouwprogramma',
  'Klimaatadaptatie',
  'Dorpshuizen',
  'Participatiebeleid',
  'Vrijetijdseconomie',
  'Afvalinzameling',
  'Bedrijventerrein',
  'Arbeidsmarktregio',
];

/** Card i's title: the list again with a number once it runs out ("Sociaal domein 2"). */
export function densityTitle(i: number, titles: readonly string[] = DENSITY_TITLES): string {
  const n = titles.length;
  return `${titles[i % n]}${i >= n ? ` ${Math.floor(i / n) + 1}` : ''}`;
}

/**
 * Clustered like a real board: a stack on one point, some on the edges, two crowds. Deterministic.
 * With `unplacedEvery`, every such card is still in the tray (null).
 */
export function clusteredPositions(n: number, unplacedEvery?: number): (Position | null)[] {
  let s = n;
  const rand = () => ((s = (s * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => {
    if (unplacedEvery && i % unplacedEvery === unplacedEvery - 1) return null;
    if (i % 6 === 0) return { x: 0.5, y: 0.5 };
    if (i % 6 === 1) return { x: i % 4 < 2 ? 0 : 1, y: Math.round(rand() * 100) / 100 };
    if (i % 6 === 2) return { x: Math.round(rand() * 100) / 100, y: i % 4 < 2 ? 0 : 1 };
    const c = i % 2 ? { x: 0.3, y: 0.3 } : { x: 0.72, y: 0.68 };
    return { x: c.x + (rand() - 0.5) * 0.15, y: c.y + (rand() - 0.5) * 0.15 };
  });
}

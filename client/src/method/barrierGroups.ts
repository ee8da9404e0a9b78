import type { Barrier } from '../../../shared/method';

export interface BarrierGroup {
  heading: string;
  barriers: Barrier[];
}

/** Barriers under their headings (clusters), in the order the headings first appear; no heading last. */
export function groupBarriers(barriers: Barrier[]): BarrierGroup[] {
  const groups = new Map<string, Barrier[]>();
  for (const b of barriers) {
    const list = groups.get(b.heading);
    if (list) list.push(b);
    else groups.set(b.heading, [b]);
  }
  const out = [...groups].map(([heading, list]) => ({ heading, barriers: list }));
  return [...out.filter((g) => g.heading), ...out.filter((g) => !g.heading)];
}

/** The titles of the cards a barrier is linked to (cards that were removed are left out). */
export function linkedTitles(cardIds: string[], titles: ReadonlyMap<string, string>): string[] {
  return cardIds.map((id) => titles.get(id)).filter((x): x is string => Boolean(x));
}

import { useEffect, useRef } from 'react';
import type { CardView } from '../../../shared/board';
import { cornerOf, quadrantOf, type QuadrantCorner, type Template } from '../../../shared/template';
import type { Translate } from '../i18n';

/**
 * Tells screen-reader users what changed on the board: new cards and cards
 * that moved to another quadrant. The first complete board (after loading)
 * is the baseline and is not announced.
 */
export function useCardAnnouncements(
  cards: CardView[],
  template: Template,
  loaded: boolean,
  announce: (text: string) => void,
  t: Translate,
): void {
  const known = useRef<Map<string, QuadrantCorner> | null>(null);

  useEffect(() => {
    if (!loaded) return;
    const next = new Map<string, QuadrantCorner>();
    for (const card of cards) next.set(card.id, cornerOf(card));
    const prev = known.current;
    known.current = next;
    if (!prev) return;
    for (const card of cards) {
      const before = prev.get(card.id);
      const now = next.get(card.id);
      if (before === undefined) announce(t('announce.newCard', { title: card.title }));
      else if (before !== now) announce(t('announce.moved', { title: card.title, quadrant: quadrantOf(template, card).label }));
    }
  }, [cards, template, loaded, announce, t]);
}

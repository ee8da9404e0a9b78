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
  // 'tray': the card is not placed yet (in no quadrant).
  const known = useRef<Map<string, QuadrantCorner | 'tray'> | null>(null);

  useEffect(() => {
    if (!loaded) return;
    const next = new Map<string, QuadrantCorner | 'tray'>();
    for (const card of cards) next.set(card.id, card.pos ? cornerOf(card.pos) : 'tray');
    const prev = known.current;
    known.current = next;
    if (!prev) return;
    for (const card of cards) {
      const before = prev.get(card.id);
      const now = next.get(card.id);
      if (before === undefined) announce(t('announce.newCard', { title: card.title }));
      else if (before !== now && card.pos) {
        const quadrant = quadrantOf(template, card.pos).label;
        announce(t(before === 'tray' ? 'density.announce.placed' : 'announce.moved', { title: card.title, quadrant }));
      }
    }
  }, [cards, template, loaded, announce, t]);
}

import type { nlDensity } from './nl.density';

/** English texts for the board at real density (see nl.density.ts). */
export const enDensity: Record<keyof typeof nlDensity, string> = {
  'density.tray.title': 'Not placed yet ({count})',
  'density.tray.hint': 'Choose a card, then tap the board where it belongs.',
  'density.tray.hintScreen': 'These cards are not on the board yet.',
  'density.tray.hintView': 'These cards are not on the board yet. You cannot place them now.',
  'density.unplaced': 'Not placed yet',
  'density.unplacedName': '{title}, {kind}, not placed yet',
  'density.selectedUnplaced': 'Not on the board yet.',
  'density.placeIn': 'Put in quadrant',
  'density.chooseQuadrant': 'Choose a quadrant',
  'density.listItemUnplaced': '{kind}, not placed yet',
  'density.announce.placed': '{title} is now in {quadrant}',
};

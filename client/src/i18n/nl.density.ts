/**
 * Dutch texts for the board at real density: the tray of unplaced cards, the card
 * finder on the phone, labels, numbered markers and trajectories. Part of nl.ts.
 */
export const nlDensity = {
  'density.tray.title': 'Nog niet geplaatst ({count})',
  'density.tray.hint': 'Kies een kaart en tik dan op het bord waar hij hoort.',
  'density.tray.hintScreen': 'Deze kaarten staan nog niet op het bord.',
  'density.tray.hintView': 'Deze kaarten staan nog niet op het bord. Nu kun je ze niet neerzetten.',
  'density.unplaced': 'Nog niet geplaatst',
  'density.unplacedName': '{title}, {kind}, nog niet geplaatst',
  'density.selectedUnplaced': 'Staat nog niet op het bord.',
  'density.placeIn': 'Zet in kwadrant',
  'density.chooseQuadrant': 'Kies een kwadrant',
  'density.listItemUnplaced': '{kind}, nog niet geplaatst',
  'density.announce.placed': '{title} staat nu in {quadrant}',
};

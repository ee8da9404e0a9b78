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
  'density.legend.title': 'Kaarten op het bord ({count})',
  'density.list.search': 'Zoek een kaart',
  'density.list.searchHint': 'Typ een deel van de naam. Kies dan een kaart: het bord zoomt erop in.',
  'density.list.found': '{count} van {total} kaarten gevonden',
  'density.list.none': 'Geen kaart gevonden met „{query}”.',
  'density.list.mine': 'Mijn kaarten ({count})',
  'density.list.group': '{quadrant} ({count})',
  'density.zoom.label': 'Zoomen op het bord',
  'density.zoom.in': 'Inzoomen',
  'density.zoom.out': 'Uitzoomen',
  'density.zoom.fit': 'Hele bord',
  'density.zoom.level': 'Zoom:',
  'density.zoom.hint': 'Zoom in met twee vingers of met de knoppen onder het bord. Veeg over het lege bord om te schuiven.',
  'density.placeOnCard': 'Tik je op een andere kaart? Dan zet je de gekozen kaart daar neer.',
};

import type { ExportCard, WorkshopExport } from '../../shared/export';
import type { Position } from '../../shared/template';
import { exportFixture } from './exportFixture';

/**
 * Titles as a Lochem workshop writes them: short and long, with a few emoji and one in Arabic
 * (a card a participant typed in their own language).
 */
const TITLES = [
  'Energietransitie en warmtenetten in de kernen',
  'Sociaal domein',
  'Omgevingswet 🏗️ en vergunningen',
  'Jeugdzorg',
  'Wijkteams Gorssel en Eefde',
  'Fietsplan 🚲',
  'Schuldhulpverlening',
  'Dorpsbudgetten voor initiatieven uit de kernen',
  'Woningbouw voor starters en ouderen',
  'Recreatie en toerisme',
  'مركز الحي',
  'Mantelzorgondersteuning',
  'Afvalinzameling ♻️',
  'Bibliotheek als ontmoetingsplek',
  'Zonneparken op landbouwgrond',
  'Onderwijshuisvesting',
  'Digitale dienstverlening en één loket',
  'Sportakkoord',
  'Armoedebeleid',
  'Buurtbus Barchem–Lochem',
  'Cultuur en erfgoed',
  'Groenbeheer en biodiversiteit 🌳',
  'Veiligheid en handhaving',
  'Vrijwilligerscentrale',
  'Klimaatadaptatie en wateroverlast',
  'Economische zaken en MKB',
  'Statushouders en inburgering',
  'Openbare verlichting',
  'Participatiebeleid',
  'Regionale samenwerking Achterhoek',
];

/** A fixed pseudo-random sequence, so every run draws the same board. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/**
 * The export fixture with `count` cards at real density: the fixture's five, then six at one
 * point, one at each edge and corner, a tight cluster, a few spread out, three not placed yet,
 * and a dozen with a target (three sharing one target point).
 */
export function densityExport(count: number): WorkshopExport {
  const model = exportFixture();
  const random = seeded(count);
  const cards: ExportCard[] = [...model.cards];
  const edges: Position[] = [
    { x: 0, y: 0.5 },
    { x: 1, y: 0.45 },
    { x: 0.5, y: 0 },
    { x: 0.55, y: 1 },
    { x: 0, y: 0 },
    { x: 1, y: 1 },
    { x: 1, y: 0 },
  ];
  let i = cards.length;
  while (cards.length < count) {
    const k = cards.length - model.cards.length;
    const unplaced = k >= 3 && k < 6;
    let pos: Position;
    if (k < 6) pos = { x: 0.3, y: 0.3 };
    else if (k < 6 + edges.length) pos = edges[k - 6]!;
    else if (k % 3 === 0) pos = { x: 0.2 + random() * 0.6, y: 0.15 + random() * 0.7 };
    else pos = { x: 0.68 + random() * 0.1, y: 0.6 + random() * 0.1 };
    const target: Position | null =
      k % 5 === 1 ? (k < 20 ? { x: 0.85, y: 0.2 } : { x: 0.1 + random() * 0.8, y: 0.1 + random() * 0.8 }) : null;
    const title = `${TITLES[k % TITLES.length]!}${k >= TITLES.length ? ` ${Math.floor(k / TITLES.length) + 1}` : ''}`;
    i++;
    cards.push({
      id: `carddense${String(i).padStart(3, '0')}`,
      kind: k % 4 === 0 ? 'project' : 'domain',
      title,
      department: '',
      description: '',
      // Unplaced: no position (version 2 of the model).
      x: unplaced ? null : pos.x,
      y: unplaced ? null : pos.y,
      target,
      registerId: null,
      createdAt: model.cards.at(-1)!.createdAt + i * 1000,
    });
  }
  return { ...model, cards };
}

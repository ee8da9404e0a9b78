import { EXPORT_KIND, EXPORT_VERSION, type ExportBarrier, type ExportCard, type WorkshopExport } from '../../shared/export';
import type { Alarm, Proposal } from '../../shared/method';
import { defaultPhases } from '../../shared/phases';
import { placementStats } from '../../shared/placement';
import { LOCHEM_TEMPLATE, type Position } from '../../shared/template';

/**
 * Texts that try to break out of every export format: HTML and script,
 * Markdown links and emphasis, and each character a spreadsheet reads as the
 * start of a formula (OWASP "CSV injection").
 */
export const HOSTILE_TEXTS = [
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '**bold** [x](javascript:alert(1))',
  '=HYPERLINK("http://evil")',
  '+1',
  '-1',
  '@SUM(1)',
  '\tx',
  '\rx',
] as const;

/** A cell with every CSV special character at once: it must come back unchanged. */
export const TRICKY_CSV_TEXT = 'Regels; "te streng"\nen te traag';

export interface ExportFixtureOptions {
  /** Add a card, a barrier and a proposal for each of HOSTILE_TEXTS. */
  hostile?: boolean;
  /** A named workshop: participant and author names are in the model. */
  named?: boolean;
  /** Extra barriers with 0 votes after the usual three (for page flow). */
  extraBarriers?: number;
}

const CREATED_AT = Date.UTC(2013, 5, 3, 12, 0); // 3 June 2013, 14:00 in Lochem

/**
 * A realistic finished workshop of the Lochem action group, as the server's
 * export model would give it: five cards (four with a target), a revealed
 * placement round and an open one, barriers with 5, 3 and 0 votes, three
 * proposals, a confirmed and a dismissed alarm. Anonymous unless `named`.
 */
export function exportFixture(options: ExportFixtureOptions = {}): WorkshopExport {
  const named = options.named ?? false;
  const author = (name: string) => (named ? name : '');
  let clock = CREATED_AT;
  const tick = () => (clock += 60_000);

  const card = (
    id: string,
    kind: ExportCard['kind'],
    title: string,
    now: Position,
    target: Position | null,
  ): ExportCard => ({
    id,
    kind,
    title,
    department: kind === 'project' ? 'Openbare Werken' : '',
    description: '',
    x: now.x,
    y: now.y,
    target,
    registerId: null,
    createdAt: tick(),
  });

  const cards: ExportCard[] = [
    card('cardklimaat1', 'domain', 'Klimaatbeleid', { x: 0.2, y: 0.25 }, { x: 0.75, y: 0.7 }),
    card('cardwegen001', 'domain', 'Beheer van wegen', { x: 0.32, y: 0.15 }, { x: 0.7, y: 0.3 }),
    card('cardterras01', 'project', 'Subsidieregeling café-terrassen', { x: 0.65, y: 0.35 }, { x: 0.3, y: 0.7 }),
    card('cardzorg0001', 'project', 'Coördinatie zorgvraag en -aanbod in de Lochemse kernen', { x: 0.25, y: 0.8 }, null),
    card('cardreinteg1', 'domain', 'Re-integratie en inkomensondersteuning', { x: 0.8, y: 0.2 }, { x: 0.81, y: 0.21 }),
  ];

  const barrier = (
    id: string,
    text: string,
    votes: number,
    rank: number,
    cardIds: string[],
    heading: string,
    by: string,
  ): ExportBarrier => ({ id, text, heading, cardIds, authorName: author(by), createdAt: tick(), votes, rank, variants: [] });

  const barriers: ExportBarrier[] = [
    barrier('barloket0001', 'Geen één loket voor initiatiefnemers', 5, 1, ['cardterras01'], 'Organisatie', 'Anne de Vries'),
    barrier(
      'barregels001',
      'Regels voor terrassen zijn te streng',
      3,
      2,
      ['cardterras01', 'cardklimaat1'],
      TRICKY_CSV_TEXT,
      'Jan Jansen',
    ),
    barrier('barwethoud01', 'Wethouder wil zelf blijven beslissen', 0, 3, [], '', 'Anne de Vries'),
  ];
  for (let i = 0; i < (options.extraBarriers ?? 0); i++) {
    barriers.push(barrier(`barextra${String(i).padStart(4, '0')}`, `Extra drempel nummer ${i + 1}`, 0, 3, [], '', 'Jan Jansen'));
  }

  const proposal = (p: Omit<Proposal, 'authorName' | 'createdAt'>, by: string): Proposal => ({
    ...p,
    authorName: author(by),
    createdAt: tick(),
  });
  const proposals: Proposal[] = [
    proposal(
      {
        id: 'propoloket01',
        barrierId: 'barloket0001',
        cardId: null,
        text: 'Eén digitaal loket voor alle initiatieven uit de kernen',
        kind: 'versnellen',
        owner: 'Afdeling Publiekszaken',
        dueDate: '2013-09-01',
        status: 'in-uitvoering',
      },
      'Anne de Vries',
    ),
    proposal(
      {
        id: 'propoenergie',
        barrierId: null,
        cardId: 'cardklimaat1',
        text: 'LochemEnergie vaste partner maken bij het klimaatbeleid',
        kind: 'verdiepen',
        owner: 'Wethouder duurzaamheid',
        dueDate: '',
        status: 'open',
      },
      'Jan Jansen',
    ),
    proposal(
      {
        id: 'propregels01',
        barrierId: 'barregels001',
        cardId: 'cardterras01',
        text: 'Terrasregels samen met ondernemers herschrijven',
        kind: 'versnellen',
        owner: '',
        dueDate: '2014-06-30',
        status: 'open',
      },
      'Anne de Vries',
    ),
  ];

  const alarms: Alarm[] = [
    {
      id: 'alarmloket01',
      targetType: 'barrier',
      targetId: 'barloket0001',
      reason: 'Initiatiefnemers haken nu al af',
      status: 'confirmed',
      raisedByName: author('Jan Jansen'),
      createdAt: tick(),
    },
    {
      id: 'alarmvaag001',
      targetType: 'proposal',
      targetId: 'propoenergie',
      reason: 'Te vaag: wie belt LochemEnergie?',
      status: 'dismissed',
      raisedByName: author('Anne de Vries'),
      createdAt: tick(),
    },
  ];

  if (options.hostile) {
    HOSTILE_TEXTS.forEach((text, i) => {
      const id = `hostile${String(i).padStart(3, '0')}`;
      cards.push(card(`card${id}`, 'project', text, { x: 0.1 + i * 0.08, y: 0.6 }, { x: 0.9, y: 0.9 }));
      barriers.push(barrier(`bar${id}`, text, 0, 3, [`card${id}`], text, text));
      proposals.push(
        proposal(
          { id: `prop${id}`, barrierId: `bar${id}`, cardId: null, text, kind: 'verdiepen', owner: text, dueDate: '', status: 'open' },
          text,
        ),
      );
    });
  }

  const terrasPoints: Position[] = [
    { x: 0.6, y: 0.3 },
    { x: 0.7, y: 0.4 },
    { x: 0.2, y: 0.7 },
    { x: 0.65, y: 0.35 },
  ];
  const klimaatPoints: Position[] = [
    { x: 0.2, y: 0.2 },
    { x: 0.25, y: 0.3 },
    { x: 0.22, y: 0.24 },
  ];
  const phases = defaultPhases();
  phases.find((p) => p.kind === 'koers')!.title = 'Koers bepalen';
  phases.find((p) => p.kind === 'welkom')!.skipped = true;

  return {
    kind: EXPORT_KIND,
    version: EXPORT_VERSION,
    exportedAt: new Date(CREATED_AT + 3 * 60 * 60 * 1000).toISOString(),
    workshop: {
      title: 'Werksessie Regiegemeente: café-terrassen en één loket',
      createdAt: CREATED_AT,
      finishedAt: CREATED_AT + 2 * 60 * 60 * 1000,
      template: LOCHEM_TEMPLATE,
      phases,
      currentPhaseId: 'afronden',
      settings: { named, vote: { budget: 3, capPerBarrier: 2 } },
    },
    participants: { count: 23, names: named ? ['Anne de Vries', 'Jan Jansen'] : [] },
    cards,
    rounds: [
      {
        id: 'roundnow0001',
        mode: 'now',
        status: 'revealed',
        createdAt: CREATED_AT + 10 * 60_000,
        results: [
          { cardId: 'cardterras01', points: terrasPoints, stats: placementStats(terrasPoints) },
          { cardId: 'cardklimaat1', points: klimaatPoints, stats: placementStats(klimaatPoints) },
          { cardId: 'cardwegen001', points: [], stats: null },
        ],
      },
      { id: 'roundtarget1', mode: 'target', status: 'open', createdAt: CREATED_AT + 20 * 60_000, results: [] },
    ],
    barriers,
    voters: 4,
    proposals,
    alarms,
  };
}

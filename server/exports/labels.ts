import type { CardKind } from '../../shared/board';
import type { ExportLang } from '../../shared/export';
import type { AlarmTarget, ProposalKind, ProposalStatus, RoundMode } from '../../shared/method';
import type { Phase, PhaseKind } from '../../shared/phases';

/**
 * Every word the reports use, in Dutch (B1: short, common words) and English.
 * Phase, proposal and spread words are the same as in the app
 * (client/src/i18n/*.method.ts), so a report reads like the board it came from.
 */
export interface ExportLabels {
  locale: string;
  reportTitle: string;
  date: string;
  exportedAt: string;
  template: string;
  steps: string;
  participants: string;
  participantCount: (n: number) => string;
  participantNames: string;
  anonymous: string;

  board: string;
  boardAlt: (title: string) => string;
  boardDesc: (cards: number, arrows: number) => string;
  cardsTitle: string;
  cardsNone: string;
  cardKind: Record<CardKind, string>;
  noTarget: string;
  cardLine: (n: number, title: string, from: string, to: string | null) => string;
  cardTo: (quadrant: string) => string;
  legend: string;
  legendDomain: string;
  legendProject: string;
  legendTarget: string;
  moreCards: (n: number) => string;

  roundsTitle: string;
  roundMode: Record<RoundMode, string>;
  roundNumber: (n: number) => string;
  roundOpen: string;
  roundResult: (count: number, quadrant: string, spread: string, pct: number) => string;
  roundNoPlacements: string;
  spread: Record<SpreadLevel, string>;
  unknownCard: string;

  barriersTitle: string;
  barriersNone: string;
  voters: (n: number) => string;
  votes: (n: number) => string;
  rank: string;
  barrier: string;
  heading: string;
  voteCount: string;
  linkedCards: string;
  /** Wordings of merged barriers. */
  variants: string;
  author: string;

  proposalsTitle: string;
  proposalsNone: string;
  proposal: string;
  kind: string;
  proposalKind: Record<ProposalKind, string>;
  owner: string;
  noOwner: string;
  due: string;
  noDate: string;
  status: string;
  proposalStatus: Record<ProposalStatus, string>;
  linkedTo: string;
  aboutBarrier: string;
  aboutCard: string;

  alarmsTitle: string;
  alarmsNone: string;
  alarmOn: Record<AlarmTarget, string>;
  reason: string;
  removedItem: string;

  page: (n: number, total: number) => string;
  generatedBy: string;
  phaseTitle: Record<PhaseKind, string>;
}

const nl: ExportLabels = {
  locale: 'nl-NL',
  reportTitle: 'Verslag van de werksessie',
  date: 'Datum',
  exportedAt: 'Gemaakt op',
  template: 'Model',
  steps: 'Stappen',
  participants: 'Deelnemers',
  participantCount: (n) => (n === 1 ? '1 deelnemer' : `${n} deelnemers`),
  participantNames: 'Namen',
  anonymous: 'De werksessie was anoniem. Daarom staan er geen namen in dit verslag.',

  board: 'Bord',
  boardAlt: (title) => `Het bord van de werksessie ${title}`,
  boardDesc: (cards, arrows) =>
    `Vier kwadranten met ${cards === 1 ? '1 kaart' : `${cards} kaarten`}. ` +
    `${arrows === 1 ? '1 pijl laat' : `${arrows} pijlen laten`} zien waar een kaart straks moet staan. ` +
    'De lijst met kaarten staat ook in tekst in het verslag.',
  cardsTitle: 'Kaarten op het bord',
  cardsNone: 'Er staan geen kaarten op het bord.',
  cardKind: { domain: 'Domein', project: 'Project' },
  noTarget: 'nog geen doel',
  cardLine: (n, title, from, to) => `${n}. ${title}: nu in ${from}, ${to ? `moet naar ${to}` : 'nog geen doel'}`,
  cardTo: (q) => `moet naar ${q}`,
  legend: 'Uitleg',
  legendDomain: 'Domein: waar het nu staat',
  legendProject: 'Project: waar het nu staat',
  legendTarget: 'Pijl en ring: waar het heen moet',
  moreCards: (n) => (n === 1 ? '… en nog 1 kaart' : `… en nog ${n} kaarten`),

  roundsTitle: 'Plaatsingsrondes',
  roundMode: { now: 'Waar staat het nu?', target: 'Waar moet het heen?' },
  roundNumber: (n) => `Ronde ${n}`,
  roundOpen: 'Deze ronde is nog niet onthuld. De uitkomst staat er daarom niet bij.',
  roundResult: (count, quadrant, spread, pct) =>
    `${count} keer geplaatst, gemiddeld in ${quadrant}; ${spread} (${pct}%)`,
  roundNoPlacements: 'Niemand heeft deze kaart geplaatst.',
  spread: { small: 'weinig verschil', medium: 'enig verschil', large: 'veel verschil' },
  unknownCard: '(kaart verwijderd)',

  barriersTitle: 'Drempels, op aantal stemmen',
  barriersNone: 'Er zijn geen drempels.',
  voters: (n) => (n === 1 ? '1 persoon heeft gestemd.' : `${n} mensen hebben gestemd.`),
  votes: (n) => (n === 1 ? '1 stem' : `${n} stemmen`),
  rank: 'Plaats',
  barrier: 'Drempel',
  heading: 'Kopje',
  voteCount: 'Stemmen',
  linkedCards: 'Hoort bij kaarten',
  variants: 'Ook verwoord als',
  author: 'Van',

  proposalsTitle: 'Voorstellen',
  proposalsNone: 'Er zijn geen voorstellen.',
  proposal: 'Voorstel',
  kind: 'Soort',
  proposalKind: { versnellen: 'Versnellen', verdiepen: 'Verdiepen' },
  owner: 'Eigenaar',
  noOwner: 'nog niemand',
  due: 'Klaar op',
  noDate: 'geen datum',
  status: 'Status',
  proposalStatus: { open: 'open', 'in-uitvoering': 'in uitvoering', gereed: 'gereed', vervallen: 'vervallen' },
  linkedTo: 'Hoort bij',
  aboutBarrier: 'Drempel',
  aboutCard: 'Kaart',

  alarmsTitle: 'Alarm geslagen',
  alarmsNone: 'Er is geen alarm bevestigd.',
  alarmOn: { barrier: 'Bij drempel', proposal: 'Bij voorstel' },
  reason: 'Waarom',
  removedItem: '(verwijderd)',

  page: (n, total) => `Pagina ${n} van ${total}`,
  generatedBy: 'Gemaakt met Regiebord',
  phaseTitle: {
    welkom: 'Welkom',
    positioneren: 'Positioneren (nu)',
    koers: 'Koers (straks)',
    drempels: 'Drempels',
    stemmen: 'Stemmen',
    voorstellen: 'Voorstellen',
    afronden: 'Afronden',
  },
};

const en: ExportLabels = {
  locale: 'en-GB',
  reportTitle: 'Workshop report',
  date: 'Date',
  exportedAt: 'Made on',
  template: 'Model',
  steps: 'Steps',
  participants: 'Participants',
  participantCount: (n) => (n === 1 ? '1 participant' : `${n} participants`),
  participantNames: 'Names',
  anonymous: 'The workshop was anonymous. That is why this report has no names.',

  board: 'Board',
  boardAlt: (title) => `The board of the workshop ${title}`,
  boardDesc: (cards, arrows) =>
    `Four quadrants with ${cards === 1 ? '1 card' : `${cards} cards`}. ` +
    `${arrows === 1 ? '1 arrow shows' : `${arrows} arrows show`} where a card should go. ` +
    'The report also lists the cards as text.',
  cardsTitle: 'Cards on the board',
  cardsNone: 'There are no cards on the board.',
  cardKind: { domain: 'Domain', project: 'Project' },
  noTarget: 'no target yet',
  cardLine: (n, title, from, to) => `${n}. ${title}: now in ${from}, ${to ? `should go to ${to}` : 'no target yet'}`,
  cardTo: (q) => `should go to ${q}`,
  legend: 'Legend',
  legendDomain: 'Domain: where it is now',
  legendProject: 'Project: where it is now',
  legendTarget: 'Arrow and ring: where it should go',
  moreCards: (n) => (n === 1 ? '… and 1 more card' : `… and ${n} more cards`),

  roundsTitle: 'Placement rounds',
  roundMode: { now: 'Where is it now?', target: 'Where should it go?' },
  roundNumber: (n) => `Round ${n}`,
  roundOpen: 'This round has not been revealed, so its outcome is not shown.',
  roundResult: (count, quadrant, spread, pct) => `placed ${count} times, on average in ${quadrant}; ${spread} (${pct}%)`,
  roundNoPlacements: 'Nobody placed this card.',
  spread: { small: 'little disagreement', medium: 'some disagreement', large: 'much disagreement' },
  unknownCard: '(card removed)',

  barriersTitle: 'Barriers, by number of votes',
  barriersNone: 'There are no barriers.',
  voters: (n) => (n === 1 ? '1 person voted.' : `${n} people voted.`),
  votes: (n) => (n === 1 ? '1 vote' : `${n} votes`),
  rank: 'Rank',
  barrier: 'Barrier',
  heading: 'Heading',
  voteCount: 'Votes',
  linkedCards: 'Linked cards',
  variants: 'Also worded as',
  author: 'By',

  proposalsTitle: 'Proposals',
  proposalsNone: 'There are no proposals.',
  proposal: 'Proposal',
  kind: 'Kind',
  proposalKind: { versnellen: 'Accelerate', verdiepen: 'Deepen' },
  owner: 'Owner',
  noOwner: 'nobody yet',
  due: 'Done by',
  noDate: 'no date',
  status: 'Status',
  proposalStatus: { open: 'open', 'in-uitvoering': 'in progress', gereed: 'done', vervallen: 'dropped' },
  linkedTo: 'Linked to',
  aboutBarrier: 'Barrier',
  aboutCard: 'Card',

  alarmsTitle: 'Alarms raised',
  alarmsNone: 'No alarm was confirmed.',
  alarmOn: { barrier: 'On barrier', proposal: 'On proposal' },
  reason: 'Why',
  removedItem: '(removed)',

  page: (n, total) => `Page ${n} of ${total}`,
  generatedBy: 'Made with Regiebord',
  phaseTitle: {
    welkom: 'Welcome',
    positioneren: 'Positioning (now)',
    koers: 'Course (later)',
    drempels: 'Barriers',
    stemmen: 'Voting',
    voorstellen: 'Proposals',
    afronden: 'Wrap-up',
  },
};

export const LABELS: Record<ExportLang, ExportLabels> = { nl, en };

export function labelsFor(lang: ExportLang): ExportLabels {
  return LABELS[lang];
}

/** A phase's own title, or the default title of its kind when the facilitator left it empty. */
export function phaseTitle(phase: Phase, lang: ExportLang): string {
  return phase.title.trim() || LABELS[lang].phaseTitle[phase.kind];
}

export type SpreadLevel = 'small' | 'medium' | 'large';

/** The same thresholds as the app's round results (client/src/method/spread.ts, spreadKey). */
export function spreadLevel(spread: number): SpreadLevel {
  if (spread < 0.08) return 'small';
  if (spread < 0.18) return 'medium';
  return 'large';
}

/** The Dutch reader's calendar: dates are shown as on the wall in Lochem, whatever the server's zone. */
export const REPORT_TIME_ZONE = 'Europe/Amsterdam';

/** A moment (ms since epoch) as a long date, e.g. "3 juni 2013". */
export function formatDate(ms: number, lang: ExportLang): string {
  return new Intl.DateTimeFormat(LABELS[lang].locale, { dateStyle: 'long', timeZone: REPORT_TIME_ZONE }).format(ms);
}

/** A moment as date and time, e.g. "3 juni 2013 om 14:05". */
export function formatDateTime(ms: number, lang: ExportLang): string {
  return new Intl.DateTimeFormat(LABELS[lang].locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: REPORT_TIME_ZONE,
  }).format(ms);
}

/**
 * A due date as stored (yyyy-mm-dd, a calendar day without a zone) in the reader's words;
 * empty stays empty, anything else is shown as it is.
 */
export function formatDueDate(iso: string, lang: ExportLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(LABELS[lang].locale, { dateStyle: 'long', timeZone: 'UTC' }).format(ms);
}

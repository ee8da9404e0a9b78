import type { ExportLang } from '../../shared/export';
import type { ProposalStatus } from '../../shared/method';
import { PROPOSAL_STATUSES } from '../../shared/method';
import type { ProgressReport, ReportRecurringBarrier } from '../../shared/progressReport';
import { formatDate, formatDateTime, formatDueDate, labelsFor } from './labels';

/**
 * The council's progress report as a list of blocks (title, headings,
 * paragraphs, tables, the picture), worked out once from the report model so
 * that the Word document and the PDF cannot differ. B1 Dutch by default:
 * short sentences, common words; English on request.
 */
export type Block =
  | { type: 'title'; text: string }
  | { type: 'h1' | 'h2'; text: string }
  | { type: 'p' | 'muted'; text: string }
  | { type: 'bullets'; items: string[] }
  | { type: 'table'; head: string[]; rows: string[][] }
  | { type: 'picture'; alt: string };

interface Words {
  title: string;
  subtitle: string;
  scope: (label: string, kind: ProgressReport['selection']['kind']) => string;
  period: (from: string, to: string) => string;
  asOf: (today: string) => string;
  summary: string;
  summaryLines: (r: ProgressReport) => string[];
  workshopsTitle: string;
  workshopsIntro: string;
  workshopsNone: string;
  workshopHead: string[];
  movementsTitle: string;
  movementsIntro: string;
  movementsNone: string;
  movementHead: string[];
  pictureAlt: (n: number) => string;
  yes: string;
  no: string;
  domain: string;
  project: string;
  barriersTitle: string;
  barriersIntro: string;
  barriersNone: string;
  barrierHead: string[];
  outcome: Record<ReportRecurringBarrier['outcome'], string>;
  proposalsTitle: string;
  byStatusTitle: string;
  statusHead: string[];
  byOwnerTitle: string;
  ownerHead: string[];
  noOwner: string;
  overdueTitle: string;
  overdueNone: string;
  overdueHead: string[];
  alarmsTitle: string;
  alarmsIntro: (dismissed: number) => string;
  alarmsNone: string;
  alarmHead: string[];
  alarmOn: { barrier: string; proposal: string };
  noAction: string;
  privacy: string;
  generated: (when: string) => string;
}

const nl: Words = {
  title: 'Voortgangsrapportage Regisserend Lochem',
  subtitle: 'Voor de gemeenteraad, als bijlage bij een raadsinformatiebrief',
  scope: (label, kind) => (kind === 'all' ? 'Over: alle werksessies' : kind === 'entry' ? `Over: ${label}` : `Over het thema: ${label}`),
  period: (from, to) => `Periode: ${from} tot en met ${to}`,
  asOf: (today) => `De stand van de actiepunten is van ${today}.`,
  summary: 'Samenvatting',
  summaryLines: (r) => [
    `In deze periode waren er ${r.totals.workshops} werksessies met samen ${r.totals.participants} deelnemers.`,
    `Er kwamen ${r.totals.entries} domeinen en projecten aan bod. Bij ${r.totals.entriesChangedQuadrant} daarvan veranderde de rol van de gemeente.`,
    `${r.totals.recurringBarriers} drempels kwamen in meer dan één werksessie terug.`,
    `Er zijn ${r.totals.proposals} actiepunten: ${r.totals.proposalsByStatus.gereed} klaar, ${r.totals.proposalsByStatus['in-uitvoering']} bezig, ${r.totals.proposalsByStatus.open} nog niet begonnen en ${r.totals.proposalsByStatus.vervallen} vervallen. ${r.totals.overdue} actiepunten zijn te laat.`,
    `Er gingen ${r.totals.alarms} alarmbellen af.`,
  ],
  workshopsTitle: 'Werksessies',
  workshopsIntro: 'Deze werksessies zijn gehouden. We tellen de deelnemers, we noemen geen namen.',
  workshopsNone: 'Er waren geen werksessies in deze periode.',
  workshopHead: ['Werksessie', 'Datum', 'Deelnemers', 'Kaarten', 'Drempels', 'Actiepunten'],
  movementsTitle: 'Hoe domeinen en projecten bewogen',
  movementsIntro:
    'Regiebord werkt met vier rollen van de gemeente. Per domein of project ziet u de rol in de eerste en in de laatste werksessie, en de rol waar we naartoe willen (koers).',
  movementsNone: 'Er stonden geen domeinen of projecten uit het register op de borden.',
  movementHead: ['Domein of project', 'Eerste werksessie', 'Nu', 'Koers', 'Laatste werksessie', 'Nu', 'Koers', 'Rol veranderd'],
  pictureAlt: (n) => `Het bord van de laatste werksessie met ${n} domeinen en projecten: waar ze nu staan en waar ze naartoe moeten.`,
  yes: 'ja',
  no: 'nee',
  domain: 'domein',
  project: 'project',
  barriersTitle: 'Drempels die terugkomen',
  barriersIntro: 'Deze drempels kwamen in meer dan één werksessie naar voren. Zo ziet u wat ermee is gedaan.',
  barriersNone: 'Geen drempel kwam in meer dan één werksessie terug.',
  barrierHead: ['Drempel', 'Werksessies', 'Stemmen', 'Actiepunten', 'Wat werd ervan'],
  outcome: {
    resolved: 'opgelost: alle actiepunten zijn klaar',
    'in-progress': 'mee bezig',
    'no-action': 'nog geen actiepunt',
    dropped: 'actiepunten vervallen',
  },
  proposalsTitle: 'Actiepunten',
  byStatusTitle: 'Per stand',
  statusHead: ['Stand', 'Aantal'],
  byOwnerTitle: 'Per eigenaar',
  ownerHead: ['Eigenaar', 'Totaal', 'Nog niet begonnen', 'Bezig', 'Klaar', 'Vervallen', 'Te laat'],
  noOwner: '(nog geen eigenaar)',
  overdueTitle: 'Te laat',
  overdueNone: 'Geen actiepunt is te laat.',
  overdueHead: ['Actiepunt', 'Eigenaar', 'Klaar op', 'Stand', 'Laatste toelichting'],
  alarmsTitle: 'Alarmbellen',
  alarmsIntro: (dismissed) =>
    `Een alarmbel betekent: hier gaat iets mis, de stuurgroep moet kijken. Alleen alarmbellen die de begeleider bevestigde staan hier.${dismissed > 0 ? ` ${dismissed} andere zijn na overleg niet doorgezet.` : ''}`,
  alarmsNone: 'Er gingen geen alarmbellen af.',
  alarmHead: ['Alarmbel', 'Over', 'Werksessie', 'Wat is er gedaan'],
  alarmOn: { barrier: 'drempel', proposal: 'actiepunt' },
  noAction: 'nog niets',
  privacy: 'In dit rapport staan geen namen van deelnemers.',
  generated: (when) => `Gemaakt met Regiebord op ${when}`,
};

const en: Words = {
  title: 'Progress report Regisserend Lochem',
  subtitle: 'For the municipal council, to attach to a council information letter',
  scope: (label, kind) => (kind === 'all' ? 'About: all workshops' : kind === 'entry' ? `About: ${label}` : `About the theme: ${label}`),
  period: (from, to) => `Period: ${from} up to and including ${to}`,
  asOf: (today) => `The state of the action points is as of ${today}.`,
  summary: 'Summary',
  summaryLines: (r) => [
    `In this period there were ${r.totals.workshops} workshops with ${r.totals.participants} participants in all.`,
    `${r.totals.entries} domains and projects were discussed. For ${r.totals.entriesChangedQuadrant} of them the municipality's role changed.`,
    `${r.totals.recurringBarriers} barriers came back in more than one workshop.`,
    `There are ${r.totals.proposals} action points: ${r.totals.proposalsByStatus.gereed} done, ${r.totals.proposalsByStatus['in-uitvoering']} in progress, ${r.totals.proposalsByStatus.open} not started and ${r.totals.proposalsByStatus.vervallen} dropped. ${r.totals.overdue} action points are late.`,
    `${r.totals.alarms} alarms were raised.`,
  ],
  workshopsTitle: 'Workshops',
  workshopsIntro: 'These workshops were held. Participants are counted, not named.',
  workshopsNone: 'There were no workshops in this period.',
  workshopHead: ['Workshop', 'Date', 'Participants', 'Cards', 'Barriers', 'Action points'],
  movementsTitle: 'How domains and projects moved',
  movementsIntro:
    "Regiebord works with four roles of the municipality. For each domain or project you see the role in the first and in the latest workshop, and the role we aim for (course).",
  movementsNone: 'No domains or projects from the register were on the boards.',
  movementHead: ['Domain or project', 'First workshop', 'Now', 'Course', 'Latest workshop', 'Now', 'Course', 'Role changed'],
  pictureAlt: (n) => `The board of the latest workshop with ${n} domains and projects: where they are now and where they should go.`,
  yes: 'yes',
  no: 'no',
  domain: 'domain',
  project: 'project',
  barriersTitle: 'Barriers that come back',
  barriersIntro: 'These barriers came up in more than one workshop. This shows what was done about them.',
  barriersNone: 'No barrier came back in more than one workshop.',
  barrierHead: ['Barrier', 'Workshops', 'Votes', 'Action points', 'What became of it'],
  outcome: {
    resolved: 'resolved: every action point is done',
    'in-progress': 'in progress',
    'no-action': 'no action point yet',
    dropped: 'action points dropped',
  },
  proposalsTitle: 'Action points',
  byStatusTitle: 'By status',
  statusHead: ['Status', 'Number'],
  byOwnerTitle: 'By owner',
  ownerHead: ['Owner', 'Total', 'Not started', 'In progress', 'Done', 'Dropped', 'Late'],
  noOwner: '(no owner yet)',
  overdueTitle: 'Late',
  overdueNone: 'No action point is late.',
  overdueHead: ['Action point', 'Owner', 'Due', 'Status', 'Latest note'],
  alarmsTitle: 'Alarms',
  alarmsIntro: (dismissed) =>
    `An alarm means: something goes wrong here, the steering group must look at it. Only alarms the facilitator confirmed are listed.${dismissed > 0 ? ` ${dismissed} others were not taken further after discussion.` : ''}`,
  alarmsNone: 'No alarms were raised.',
  alarmHead: ['Alarm', 'About', 'Workshop', 'What was done'],
  alarmOn: { barrier: 'barrier', proposal: 'action point' },
  noAction: 'nothing yet',
  privacy: 'This report contains no names of participants.',
  generated: (when) => `Made with Regiebord on ${when}`,
};

export const PROGRESS_WORDS: Record<ExportLang, Words> = { nl, en };

export function statusWord(status: ProposalStatus, lang: ExportLang): string {
  return labelsFor(lang).proposalStatus[status];
}

/** The report as blocks, in reading order. */
export function progressBlocks(r: ProgressReport, lang: ExportLang): Block[] {
  const W = PROGRESS_WORDS[lang];
  const day = (iso: string) => formatDueDate(iso, lang);
  const status = (s: ProposalStatus) => statusWord(s, lang);
  const out: Block[] = [];

  out.push({ type: 'title', text: W.title });
  out.push({ type: 'muted', text: W.subtitle });
  out.push({ type: 'p', text: W.scope(r.selection.label, r.selection.kind) });
  out.push({ type: 'p', text: W.period(day(r.period.from), day(r.period.to)) });
  out.push({ type: 'p', text: W.asOf(day(r.today)) });

  out.push({ type: 'h1', text: W.summary });
  out.push({ type: 'bullets', items: W.summaryLines(r) });

  out.push({ type: 'h1', text: W.workshopsTitle });
  if (r.workshops.length === 0) out.push({ type: 'p', text: W.workshopsNone });
  else {
    out.push({ type: 'p', text: W.workshopsIntro });
    out.push({
      type: 'table',
      head: W.workshopHead,
      rows: r.workshops.map((w) => [w.title, formatDate(w.date, lang), String(w.participants), String(w.cards), String(w.barriers), String(w.proposals)]),
    });
  }

  out.push({ type: 'h1', text: W.movementsTitle });
  if (r.movements.length === 0) out.push({ type: 'p', text: W.movementsNone });
  else {
    out.push({ type: 'p', text: W.movementsIntro });
    out.push({ type: 'picture', alt: W.pictureAlt(r.movements.length) });
    out.push({
      type: 'table',
      head: W.movementHead,
      rows: r.movements.map((m) => [
        `${m.title} (${m.kind === 'domain' ? W.domain : W.project})`,
        `${m.first.workshopTitle}, ${formatDate(m.first.workshopDate, lang)}`,
        m.first.nowQuadrant,
        m.first.targetQuadrant ?? '–',
        `${m.latest.workshopTitle}, ${formatDate(m.latest.workshopDate, lang)}`,
        m.latest.nowQuadrant,
        m.latest.targetQuadrant ?? '–',
        m.quadrantChanged ? W.yes : W.no,
      ]),
    });
  }

  out.push({ type: 'h1', text: W.barriersTitle });
  if (r.recurringBarriers.length === 0) out.push({ type: 'p', text: W.barriersNone });
  else {
    out.push({ type: 'p', text: W.barriersIntro });
    out.push({
      type: 'table',
      head: W.barrierHead,
      rows: r.recurringBarriers.map((b) => [
        b.text,
        b.workshops.map((w) => `${w.title} (${formatDate(w.date, lang)})`).join('; '),
        String(b.totalVotes),
        b.proposals.length === 0 ? '–' : b.proposals.map((p) => `${p.text} (${status(p.status)})`).join('; '),
        W.outcome[b.outcome],
      ]),
    });
  }

  out.push({ type: 'h1', text: W.proposalsTitle });
  out.push({ type: 'h2', text: W.byStatusTitle });
  out.push({ type: 'table', head: W.statusHead, rows: PROPOSAL_STATUSES.map((s) => [status(s), String(r.totals.proposalsByStatus[s])]) });
  out.push({ type: 'h2', text: W.byOwnerTitle });
  out.push({
    type: 'table',
    head: W.ownerHead,
    rows: r.owners.map((o) => [
      o.owner || W.noOwner,
      String(o.total),
      String(o.byStatus.open),
      String(o.byStatus['in-uitvoering']),
      String(o.byStatus.gereed),
      String(o.byStatus.vervallen),
      String(o.overdue),
    ]),
  });
  out.push({ type: 'h2', text: W.overdueTitle });
  if (r.overdue.length === 0) out.push({ type: 'p', text: W.overdueNone });
  else
    out.push({
      type: 'table',
      head: W.overdueHead,
      rows: r.overdue.map((p) => [p.text, p.owner || W.noOwner, day(p.dueDate), status(p.status), p.lastNote || '–']),
    });

  out.push({ type: 'h1', text: W.alarmsTitle });
  if (r.alarms.length === 0) out.push({ type: 'p', text: W.alarmsNone });
  else {
    out.push({ type: 'p', text: W.alarmsIntro(r.totals.alarmsDismissed) });
    out.push({
      type: 'table',
      head: W.alarmHead,
      rows: r.alarms.map((a) => [
        a.reason,
        `${W.alarmOn[a.on]}: ${a.about || '–'}`,
        a.workshopTitle,
        a.actions.length === 0 ? W.noAction : a.actions.map((p) => `${p.text} (${status(p.status)})`).join('; '),
      ]),
    });
  }
  out.push({ type: 'muted', text: W.privacy });
  out.push({ type: 'muted', text: W.generated(formatDateTime(r.generatedAt, lang)) });
  return out;
}

import type { CardKind } from './board';
import { isOverdue } from './knowledge';
import type { AlarmStatus, AlarmTarget, ProposalStatus } from './method';
import { PROPOSAL_STATUSES } from './method';
import { quadrantOf, type Position, type Template } from './template';

/**
 * The council's progress report (voortgangsrapportage, Regisserend Lochem §8)
 * and the organisation's progress page: one pure function from stored data to
 * one typed model, which the Word document, the PDF, the knowledge centre's
 * page and the intranet page all render. No participant names go in: people
 * are counted, never named. Owners of action points are roles or managers
 * named by the stuurgroep, and are in it.
 */

export const REPORT_SELECTION_KINDS = ['all', 'entry', 'theme'] as const;
export type ReportSelection =
  | { kind: 'all' }
  /** One domain or project of the register. */
  | { kind: 'entry'; registerId: string }
  /** A theme: every register entry with this department (afdeling/thema), case and accents aside. */
  | { kind: 'theme'; theme: string };

// ------------------------------------------------------------------ input

export interface ReportWorkshopInput {
  id: string;
  title: string;
  createdAt: number;
  template: Template;
  participantCount: number;
  cards: { registerId: string | null; kind: CardKind; title: string; now: Position; target: Position | null }[];
}

export interface ReportRegisterInput {
  id: string;
  kind: CardKind;
  title: string;
  department: string;
}

export interface ReportBarrierInput {
  id: string;
  workshopId: string;
  text: string;
  votes: number;
  ledgerId: string | null;
}

export interface ReportProposalInput {
  id: string;
  workshopId: string;
  barrierId: string | null;
  text: string;
  owner: string;
  dueDate: string;
  status: ProposalStatus;
}

export interface ReportAlarmInput {
  id: string;
  workshopId: string;
  targetType: AlarmTarget;
  targetId: string;
  reason: string;
  status: AlarmStatus;
  createdAt: number;
}

export interface ReportProgressInput {
  proposalId: string;
  at: number;
  status: ProposalStatus | null;
  note: string;
}

export interface ProgressReportInput {
  workshops: ReportWorkshopInput[];
  register: ReportRegisterInput[];
  barriers: ReportBarrierInput[];
  proposals: ReportProposalInput[];
  alarms: ReportAlarmInput[];
  /** Every recorded change, oldest first. */
  progress: ReportProgressInput[];
}

export interface ProgressReportOptions {
  /** yyyy-mm-dd, both days included. */
  from: string;
  to: string;
  selection: ReportSelection;
  /** yyyy-mm-dd: "overdue" and "now" are as of this day. */
  today: string;
  generatedAt: number;
}

// ------------------------------------------------------------------ model

export interface ReportPlace {
  workshopTitle: string;
  workshopDate: number;
  now: Position;
  target: Position | null;
  /** Quadrant ids and labels in that workshop's template. */
  nowQuadrant: string;
  targetQuadrant: string | null;
}

export interface ReportMovement {
  registerId: string;
  title: string;
  kind: CardKind;
  department: string;
  /** In how many of the selected workshops it was on the board. */
  workshops: number;
  first: ReportPlace;
  latest: ReportPlace;
  /** The now position changed quadrant between the first and the latest workshop. */
  quadrantChanged: boolean;
  /** The latest now position is in the quadrant the first workshop aimed at. */
  reachedTarget: boolean;
}

export interface ReportRecurringBarrier {
  text: string;
  /** Workshops (selected ones) in which it came up. */
  workshops: { title: string; date: number; votes: number }[];
  totalVotes: number;
  proposals: { text: string; owner: string; status: ProposalStatus }[];
  /** What became of it: every proposal done, some under way, none yet. */
  outcome: 'resolved' | 'in-progress' | 'no-action' | 'dropped';
}

export interface ReportOwnerRow {
  owner: string;
  total: number;
  byStatus: Record<ProposalStatus, number>;
  overdue: number;
}

export interface ReportProposalRow {
  id: string;
  text: string;
  owner: string;
  dueDate: string;
  status: ProposalStatus;
  workshopTitle: string;
  /** The latest progress note, or empty. */
  lastNote: string;
}

export interface ReportAlarm {
  reason: string;
  on: AlarmTarget;
  /** The barrier's or proposal's text; empty when it was removed. */
  about: string;
  workshopTitle: string;
  date: number;
  /** What was done: the proposals on it (or the proposal itself) with their status. */
  actions: { text: string; status: ProposalStatus }[];
}

export interface ProgressReport {
  period: { from: string; to: string };
  selection: ReportSelection & { label: string };
  today: string;
  generatedAt: number;
  /** Template used for the picture: the latest selected workshop's (quadrant names). */
  template: Template | null;
  totals: {
    workshops: number;
    participants: number;
    entries: number;
    entriesChangedQuadrant: number;
    recurringBarriers: number;
    proposals: number;
    proposalsByStatus: Record<ProposalStatus, number>;
    overdue: number;
    alarms: number;
    alarmsDismissed: number;
    changesInPeriod: number;
  };
  workshops: { title: string; date: number; participants: number; cards: number; barriers: number; proposals: number }[];
  movements: ReportMovement[];
  recurringBarriers: ReportRecurringBarrier[];
  owners: ReportOwnerRow[];
  overdue: ReportProposalRow[];
  proposals: ReportProposalRow[];
  alarms: ReportAlarm[];
}

// ------------------------------------------------------------------ rules

const DAY_MS = 86_400_000;

/** Start of `from` and end of `to` in ms (UTC days; a day either side is the user's choice of dates). */
export function periodBounds(from: string, to: string): { start: number; end: number } {
  return { start: Date.parse(`${from}T00:00:00Z`), end: Date.parse(`${to}T00:00:00Z`) + DAY_MS };
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').trim().toLocaleLowerCase('nl');
}

function emptyByStatus(): Record<ProposalStatus, number> {
  return Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, 0])) as Record<ProposalStatus, number>;
}

function place(w: ReportWorkshopInput, card: ReportWorkshopInput['cards'][number]): ReportPlace {
  return {
    workshopTitle: w.title,
    workshopDate: w.createdAt,
    now: card.now,
    target: card.target,
    nowQuadrant: quadrantOf(w.template, card.now).label,
    targetQuadrant: card.target ? quadrantOf(w.template, card.target).label : null,
  };
}

/** Pure: the progress report over a period and a selection. */
export function buildProgressReport(input: ProgressReportInput, options: ProgressReportOptions): ProgressReport {
  const { start, end } = periodBounds(options.from, options.to);
  const sel = options.selection;
  const registerById = new Map(input.register.map((e) => [e.id, e]));

  // Which register entries the selection is about (all: every entry on a selected board).
  const entryIds: Set<string> | null =
    sel.kind === 'all'
      ? null
      : new Set(
          input.register
            .filter((e) => (sel.kind === 'entry' ? e.id === sel.registerId : e.department !== '' && fold(e.department) === fold(sel.theme)))
            .map((e) => e.id),
        );
  const inSelection = (registerId: string | null) => registerId !== null && (entryIds === null || entryIds.has(registerId));

  const workshops = input.workshops
    .filter((w) => w.createdAt >= start && w.createdAt < end)
    .filter((w) => entryIds === null || w.cards.some((c) => inSelection(c.registerId)))
    .sort((a, b) => a.createdAt - b.createdAt);
  const workshopIds = new Set(workshops.map((w) => w.id));
  const workshopById = new Map(workshops.map((w) => [w.id, w]));

  // Movements: first and latest place of every selected entry.
  const places = new Map<string, ReportPlace[]>();
  for (const w of workshops) {
    for (const c of w.cards) {
      if (!inSelection(c.registerId)) continue;
      const list = places.get(c.registerId!) ?? [];
      // One place per workshop (the first card of that entry on the board).
      if (!list.some((p) => p.workshopDate === w.createdAt && p.workshopTitle === w.title)) list.push(place(w, c));
      places.set(c.registerId!, list);
    }
  }
  const movements: ReportMovement[] = [...places.entries()]
    .map(([registerId, list]) => {
      const entry = registerById.get(registerId);
      const first = list[0]!;
      const latest = list[list.length - 1]!;
      return {
        registerId,
        title: entry?.title ?? '',
        kind: entry?.kind ?? 'domain',
        department: entry?.department ?? '',
        workshops: list.length,
        first,
        latest,
        quadrantChanged: first.nowQuadrant !== latest.nowQuadrant,
        reachedTarget: list.length > 1 && first.targetQuadrant !== null && latest.nowQuadrant === first.targetQuadrant,
      };
    })
    .sort((a, b) => Number(b.quadrantChanged) - Number(a.quadrantChanged) || a.title.localeCompare(b.title, 'nl'));

  const proposals = input.proposals.filter((p) => workshopIds.has(p.workshopId));
  const lastNote = new Map<string, string>();
  for (const e of input.progress) if (e.note) lastNote.set(e.proposalId, e.note);
  const row = (p: ReportProposalInput): ReportProposalRow => ({
    id: p.id,
    text: p.text,
    owner: p.owner,
    dueDate: p.dueDate,
    status: p.status,
    workshopTitle: workshopById.get(p.workshopId)?.title ?? '',
    lastNote: lastNote.get(p.id) ?? '',
  });

  // Recurring barriers: ledger groups that came up in two or more selected workshops.
  const groups = new Map<string, ReportBarrierInput[]>();
  for (const b of input.barriers) {
    if (!b.ledgerId || !workshopIds.has(b.workshopId)) continue;
    groups.set(b.ledgerId, [...(groups.get(b.ledgerId) ?? []), b]);
  }
  const recurringBarriers: ReportRecurringBarrier[] = [...groups.values()]
    .filter((list) => new Set(list.map((b) => b.workshopId)).size >= 2)
    .map((list) => {
      const sorted = [...list].sort((a, b) => workshopById.get(a.workshopId)!.createdAt - workshopById.get(b.workshopId)!.createdAt);
      const ids = new Set(sorted.map((b) => b.id));
      const linked = proposals.filter((p) => p.barrierId !== null && ids.has(p.barrierId));
      const live = linked.filter((p) => p.status !== 'vervallen');
      const outcome: ReportRecurringBarrier['outcome'] =
        linked.length === 0
          ? 'no-action'
          : live.length === 0
            ? 'dropped'
            : live.every((p) => p.status === 'gereed')
              ? 'resolved'
              : 'in-progress';
      return {
        text: sorted[sorted.length - 1]!.text,
        workshops: sorted.map((b) => ({ title: workshopById.get(b.workshopId)!.title, date: workshopById.get(b.workshopId)!.createdAt, votes: b.votes })),
        totalVotes: sorted.reduce((n, b) => n + b.votes, 0),
        proposals: linked.map((p) => ({ text: p.text, owner: p.owner, status: p.status })),
        outcome,
      };
    })
    .sort((a, b) => b.workshops.length - a.workshops.length || b.totalVotes - a.totalVotes);

  const proposalsByStatus = emptyByStatus();
  const owners = new Map<string, ReportOwnerRow>();
  for (const p of proposals) {
    proposalsByStatus[p.status]++;
    const key = p.owner.trim();
    const o = owners.get(key) ?? { owner: key, total: 0, byStatus: emptyByStatus(), overdue: 0 };
    o.total++;
    o.byStatus[p.status]++;
    if (isOverdue(p, options.today)) o.overdue++;
    owners.set(key, o);
  }
  const overdue = proposals.filter((p) => isOverdue(p, options.today)).map(row).sort((a, b) => a.dueDate.localeCompare(b.dueDate));

  const barrierText = new Map(input.barriers.map((b) => [b.id, b.text]));
  const proposalById = new Map(input.proposals.map((p) => [p.id, p]));
  const raised = input.alarms.filter((a) => workshopIds.has(a.workshopId));
  const alarms: ReportAlarm[] = raised
    .filter((a) => a.status === 'confirmed')
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((a) => {
      const about = a.targetType === 'barrier' ? (barrierText.get(a.targetId) ?? '') : (proposalById.get(a.targetId)?.text ?? '');
      const actions =
        a.targetType === 'barrier'
          ? proposals.filter((p) => p.barrierId === a.targetId)
          : [proposalById.get(a.targetId)].filter((p): p is ReportProposalInput => p !== undefined);
      return {
        reason: a.reason,
        on: a.targetType,
        about,
        workshopTitle: workshopById.get(a.workshopId)?.title ?? '',
        date: a.createdAt,
        actions: actions.map((p) => ({ text: p.text, status: p.status })),
      };
    });

  const selectedProposalIds = new Set(proposals.map((p) => p.id));
  const label =
    sel.kind === 'all' ? '' : sel.kind === 'entry' ? (registerById.get(sel.registerId)?.title ?? '') : sel.theme;

  return {
    period: { from: options.from, to: options.to },
    selection: { ...sel, label },
    today: options.today,
    generatedAt: options.generatedAt,
    template: workshops.length > 0 ? workshops[workshops.length - 1]!.template : null,
    totals: {
      workshops: workshops.length,
      participants: workshops.reduce((n, w) => n + w.participantCount, 0),
      entries: movements.length,
      entriesChangedQuadrant: movements.filter((m) => m.quadrantChanged).length,
      recurringBarriers: recurringBarriers.length,
      proposals: proposals.length,
      proposalsByStatus,
      overdue: overdue.length,
      alarms: alarms.length,
      alarmsDismissed: raised.filter((a) => a.status === 'dismissed').length,
      changesInPeriod: input.progress.filter((e) => selectedProposalIds.has(e.proposalId) && e.at >= start && e.at < end).length,
    },
    workshops: workshops.map((w) => ({
      title: w.title,
      date: w.createdAt,
      participants: w.participantCount,
      cards: w.cards.length,
      barriers: input.barriers.filter((b) => b.workshopId === w.id).length,
      proposals: proposals.filter((p) => p.workshopId === w.id).length,
    })),
    movements,
    recurringBarriers,
    owners: [...owners.values()].sort((a, b) => b.total - a.total || a.owner.localeCompare(b.owner, 'nl')),
    overdue,
    proposals: proposals.map(row),
    alarms,
  };
}

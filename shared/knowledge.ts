import type { CardKind } from './board';
import type { PhaseKind } from './phases';
import type { PlacementStats } from './placement';
import { quadrantOf, type LocalizedText, type Position, type Template } from './template';
import type { ProposalKind, ProposalStatus, RoundMode } from './method';

/**
 * The knowledge centre (kenniscentrum): what lasts after a workshop. These are
 * the shapes of its REST answers (see docs/api.md) and its pure rules. The
 * request body schemas are in shared/schemas/knowledge.ts.
 */

export const REGISTER_TEXT_MAX = 600;

/** An organisation-wide policy domain or project. Cards on boards refer to one. */
export interface RegisterEntry {
  id: string;
  kind: CardKind;
  title: string;
  department: string;
  description: string;
  createdAt: number;
  /** In how many workshops it has been on the board. */
  workshopCount: number;
}

/** Where a workshop came from: a copy of one here, or a JSON import (of one here, when found). */
export interface WorkshopOrigin {
  kind: 'copy' | 'import';
  /** The workshop it was copied from, or the one here the export was made of; null when not here (any more). */
  workshopId: string | null;
  /** That workshop's title at the time. */
  title: string;
}

/** A copy's or import's proposed title: the original's with " (kopie)", within the title limit. */
export function copyTitle(title: string, max: number): string {
  const suffix = ' (kopie)';
  return title.length + suffix.length <= max ? title + suffix : title.slice(0, max - suffix.length).trimEnd() + suffix;
}

/**
 * A title typed again to confirm a deletion: the same when it differs only in
 * dashes (- – — ‐ −), quotes, spaces (also non-breaking) or case.
 */
export function sameTitle(typed: string, title: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g, '-')
      .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
      .replace(/[\u201c-\u201f\u2033]/g, '"')
      .replace(/\s*-\s*/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .toLocaleLowerCase('nl');
  return norm(typed) === norm(title);
}

/** One workshop as the knowledge centre lists it. */
export interface KnowledgeWorkshop {
  id: string;
  title: string;
  createdAt: number;
  /** Closed by the facilitator (read-only); null while it runs. */
  finishedAt: number | null;
  templateId: string;
  templateName: LocalizedText;
  participantCount: number;
  /** The phase the workshop is in (or ended in). */
  phase: { id: string; kind: PhaseKind; title: string };
  ownerName: string;
  /** The logged-in account facilitates this workshop (may change or delete it). */
  mine: boolean;
  /** Made here from scratch: null. */
  origin: WorkshopOrigin | null;
  /** After this moment (ms) the daily retention job deletes it. */
  retentionUntil: number;
  cardCount: number;
  barrierCount: number;
  proposalCount: number;
}

export const SEARCH_TYPES = ['workshop', 'card', 'barrier', 'proposal'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/**
 * Marks around a matched word in `title` and `snippet`. The search index holds
 * no control characters (they become spaces when indexed), so the client can
 * split on these and render the match as <mark> without HTML.
 */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

export interface SearchHit {
  type: SearchType;
  workshopId: string;
  workshopTitle: string;
  workshopCreatedAt: number;
  /** The card, barrier or proposal id; the workshop id for a workshop hit. */
  itemId: string;
  /** With MATCH_START/MATCH_END around matched words. */
  title: string;
  /** Context from the rest of the item (department, heading, owner ...), with marks; may be empty. */
  snippet: string;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** Server time spent, in ms. */
  tookMs: number;
}

/** A card of a register entry in one workshop: where it stood and should go. */
export interface HistoryPoint {
  workshopId: string;
  workshopTitle: string;
  workshopCreatedAt: number;
  template: Template;
  cardId: string;
  title: string;
  now: Position;
  target: Position | null;
  /** Revealed placement rounds that included this card. */
  rounds: { mode: RoundMode; stats: PlacementStats | null; createdAt: number }[];
}

export interface RegisterDetail {
  entry: RegisterEntry;
  /** Oldest workshop first. */
  history: HistoryPoint[];
}

/** What moved for one entry between two workshops. */
export interface Movement {
  registerId: string;
  title: string;
  kind: CardKind;
  from: { now: Position; target: Position | null; quadrant: string } | null;
  to: { now: Position; target: Position | null; quadrant: string } | null;
  /** Distance the now position moved, in board units; null when it is in only one of the two. */
  moved: number | null;
  quadrantChanged: boolean;
}

export interface Comparison {
  from: { id: string; title: string; createdAt: number };
  to: { id: string; title: string; createdAt: number };
  /** Largest move first; entries in only one workshop last. */
  movements: Movement[];
}

export interface ComparableCard {
  registerId: string;
  title: string;
  kind: CardKind;
  now: Position;
  target: Position | null;
}

/** Pure: what moved between two workshops' boards, matched by register entry. */
export function compareBoards(
  fromCards: readonly ComparableCard[],
  fromTemplate: Template,
  toCards: readonly ComparableCard[],
  toTemplate: Template,
): Movement[] {
  const side = (c: ComparableCard | undefined, t: Template) =>
    c ? { now: c.now, target: c.target, quadrant: quadrantOf(t, c.now).label } : null;
  const fromById = new Map(fromCards.map((c) => [c.registerId, c]));
  const toById = new Map(toCards.map((c) => [c.registerId, c]));
  const ids = [...new Set([...fromById.keys(), ...toById.keys()])];
  const movements = ids.map((id): Movement => {
    const a = fromById.get(id);
    const b = toById.get(id);
    const from = side(a, fromTemplate);
    const to = side(b, toTemplate);
    return {
      registerId: id,
      title: (b ?? a)!.title,
      kind: (b ?? a)!.kind,
      from,
      to,
      moved: a && b ? Math.hypot(b.now.x - a.now.x, b.now.y - a.now.y) : null,
      quadrantChanged: !!from && !!to && from.quadrant !== to.quadrant,
    };
  });
  return movements.sort((m, n) => (n.moved ?? -1) - (m.moved ?? -1));
}

export interface LedgerBarrier {
  barrierId: string;
  workshopId: string;
  workshopTitle: string;
  workshopCreatedAt: number;
  text: string;
  votes: number;
}

/** Barriers the facilitators linked as the same drempel across workshops; oldest first. */
export interface LedgerGroup {
  ledgerId: string;
  barriers: LedgerBarrier[];
  totalVotes: number;
}

/** Two barriers in different workshops that read alike and are not linked yet. */
export interface LedgerSuggestion {
  a: LedgerBarrier;
  b: LedgerBarrier;
  /** 0..1, higher is more alike. */
  similarity: number;
}

export interface Ledger {
  groups: LedgerGroup[];
  suggestions: LedgerSuggestion[];
}

export interface TrackedProposal {
  id: string;
  workshopId: string;
  workshopTitle: string;
  workshopCreatedAt: number;
  text: string;
  kind: ProposalKind;
  owner: string;
  dueDate: string;
  status: ProposalStatus;
  /** Title of the linked card, or empty. */
  cardTitle: string;
  /** Text of the linked barrier, or empty. */
  barrierText: string;
  /** Reasons of confirmed alarms on this proposal. */
  alarms: string[];
  overdue: boolean;
}

/** Open work: not done and not dropped. */
export function isOpenStatus(status: ProposalStatus): boolean {
  return status === 'open' || status === 'in-uitvoering';
}

/** Overdue: open, with a due date before today (yyyy-mm-dd, local date of the caller). */
export function isOverdue(p: { status: ProposalStatus; dueDate: string }, today: string): boolean {
  return isOpenStatus(p.status) && p.dueDate !== '' && p.dueDate < today;
}

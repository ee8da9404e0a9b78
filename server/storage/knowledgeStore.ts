import type { CardKind } from '../../shared/board';
import type { ControlState } from '../../shared/control';
import type { SearchType, WorkshopOrigin } from '../../shared/knowledge';
import type { Alarm, Proposal } from '../../shared/method';
import type { Position, Template } from '../../shared/template';

export interface RegisterRecord {
  id: string;
  kind: CardKind;
  title: string;
  department: string;
  description: string;
  createdAt: number;
}

/** One card of a workshop's board as last recorded from its Yjs document. */
export interface CardRecord {
  cardId: string;
  registerId: string | null;
  kind: CardKind;
  title: string;
  department: string;
  description: string;
  x: number;
  y: number;
  target: Position | null;
}

export interface WorkshopRow {
  id: string;
  title: string;
  createdAt: number;
  template: Template;
  ownerId: string;
  ownerName: string;
  control: ControlState | undefined;
  retentionUntil: number | null;
  origin: WorkshopOrigin | null;
  participantCount: number;
  cardCount: number;
  barrierCount: number;
  proposalCount: number;
}

export interface SearchRow {
  type: SearchType;
  workshopId: string;
  workshopTitle: string;
  workshopCreatedAt: number;
  itemId: string;
  title: string;
  snippet: string;
}

export interface HistoryRow extends CardRecord {
  workshopId: string;
  workshopTitle: string;
  workshopCreatedAt: number;
  template: Template;
}

export interface LedgerRow {
  barrierId: string;
  workshopId: string;
  workshopTitle: string;
  workshopCreatedAt: number;
  text: string;
  ledgerId: string | null;
  votes: number;
}

export interface TrackerRow extends Proposal {
  workshopId: string;
  workshopTitle: string;
  workshopCreatedAt: number;
  cardTitle: string;
  barrierText: string;
  alarms: Alarm[];
}

/**
 * What lasts across workshops: the register of domains and projects, the
 * recorded boards, search, the barrier ledger, the proposal tracker, and
 * deleting for good (retention, AVG).
 */
export interface KnowledgeStore {
  listRegister(): Promise<(RegisterRecord & { workshopCount: number })[]>;
  findRegister(id: string): Promise<RegisterRecord | undefined>;
  /** By kind and title, ignoring case and accents. */
  findRegisterByTitle(kind: CardKind, title: string): Promise<RegisterRecord | undefined>;
  createRegister(entry: RegisterRecord): Promise<void>;
  updateRegister(id: string, fields: Partial<Pick<RegisterRecord, 'kind' | 'title' | 'department' | 'description'>>): Promise<boolean>;
  /** Oldest workshop first. */
  historyOf(registerId: string): Promise<HistoryRow[]>;

  /** Replaces a workshop's recorded board in one transaction. */
  replaceCardRecords(workshopId: string, cards: CardRecord[]): Promise<void>;
  cardRecords(workshopId: string): Promise<CardRecord[]>;

  knowledgeWorkshops(): Promise<WorkshopRow[]>;
  /**
   * FTS5 match expression (already built from the user's words) → hits, best first.
   * `type` narrows to one kind of item.
   */
  search(match: string, type: SearchType | undefined, limit: number): Promise<SearchRow[]>;

  ledgerRows(): Promise<LedgerRow[]>;
  /** Puts the barriers in one ledger group (joining the groups they were in); returns the group id. */
  linkBarriers(barrierIds: string[], newGroupId: string): Promise<string>;
  unlinkBarrier(barrierId: string): Promise<boolean>;

  trackerRows(): Promise<TrackerRow[]>;
  /** The workshop a proposal belongs to, or undefined. */
  proposalWorkshop(proposalId: string): Promise<string | undefined>;

  setRetention(workshopId: string, until: number): Promise<void>;
  /** Where a copy or an import came from (see WorkshopOrigin). */
  setOrigin(workshopId: string, origin: WorkshopOrigin): Promise<void>;
  rename(workshopId: string, title: string): Promise<void>;
  /** A workshop made here (not an import) with this title and creation time: the original of an export. */
  findOriginal(title: string, createdAt: number): Promise<string | null>;
  /** Workshops whose retention date (or created + defaultMs when none is set) lies before `now`. */
  expiredWorkshops(now: number, defaultMs: number): Promise<string[]>;
  /** Deletes a workshop and everything of it, for good. */
  deleteWorkshop(workshopId: string): Promise<boolean>;
  /** Removes participants' names (they become "Deelnemer 1..n") and author names; keeps content. */
  pseudonymise(workshopId: string): Promise<void>;
}

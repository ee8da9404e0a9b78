import type { CardKind } from './board';
import type { Phase } from './phases';
import type { PlacementStats } from './placement';
import type { Position, Template } from './template';
import type { Alarm, Proposal, RoundMode, RoundStatus } from './method';
import type { WorkshopSettings } from './control';

/**
 * The whole outcome of one workshop as plain data: what every export format
 * (pdf, md, csv, svg, png, the HTML report) renders, and the JSON export
 * itself. The JSON imports back into a new workshop with identical content
 * (ids are renumbered on import; references stay consistent).
 *
 * Privacy: nobody's individual votes or placements are in it, only totals and
 * anonymous points; names appear only in a named workshop.
 * The format is described in docs/exports.md; bump EXPORT_VERSION when it changes.
 */
export const EXPORT_KIND = 'regiebord-workshop';
export const EXPORT_VERSION = 1;

export const EXPORT_FORMATS = ['pdf', 'docx', 'md', 'csv', 'json', 'svg', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_LANGS = ['nl', 'en'] as const;
export type ExportLang = (typeof EXPORT_LANGS)[number];

export interface ExportCard {
  id: string;
  kind: CardKind;
  title: string;
  department: string;
  description: string;
  /** Now position, [0,1] from the quadrant area's top-left. */
  x: number;
  y: number;
  /** Target position (Koers), or null. */
  target: Position | null;
  /** The register entry (organisation-wide domain or project) this card refers to. */
  registerId: string | null;
  createdAt: number;
}

export interface ExportRoundResult {
  cardId: string;
  /** Anonymous placements, sorted by position (never in participant order). */
  points: Position[];
  stats: PlacementStats | null;
}

export interface ExportRound {
  id: string;
  mode: RoundMode;
  status: RoundStatus;
  createdAt: number;
  /** One per card of the round, widest disagreement first. */
  results: ExportRoundResult[];
}

export interface ExportBarrier {
  id: string;
  text: string;
  heading: string;
  cardIds: string[];
  /** Empty unless the workshop is named. */
  authorName: string;
  createdAt: number;
  votes: number;
  /** 1-based rank by votes (ties share a rank); barriers with 0 votes are included. */
  rank: number;
  /** The wordings of barriers merged into this one, oldest first. */
  variants: string[];
}

export interface WorkshopExport {
  kind: typeof EXPORT_KIND;
  version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  workshop: {
    title: string;
    /** ms since epoch. */
    createdAt: number;
    /** When the facilitator closed the workshop; null while it runs. */
    finishedAt: number | null;
    template: Template;
    phases: Phase[];
    currentPhaseId: string;
    settings: WorkshopSettings;
  };
  participants: {
    count: number;
    /** Only in a named workshop; empty otherwise. */
    names: string[];
  };
  cards: ExportCard[];
  rounds: ExportRound[];
  /** Ranked by votes, most first; ties keep the order they were added in. */
  barriers: ExportBarrier[];
  /** How many different people voted. */
  voters: number;
  proposals: Proposal[];
  /** All alarms; reports show the confirmed ones. */
  alarms: Alarm[];
}

/** What a download is called: the title made safe for a file name, plus the date. */
export function exportFileName(title: string, createdAt: number, format: ExportFormat): string {
  const safe =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'werksessie';
  const date = new Date(createdAt).toISOString().slice(0, 10);
  return `regiebord-${safe}-${date}.${format}`;
}

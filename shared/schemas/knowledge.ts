import { z } from 'zod';
import { CARD_KINDS, CARD_TEXT_MAX, CARD_TITLE_MAX } from '../board';
import {
  EXPORT_FORMATS,
  EXPORT_KIND,
  EXPORT_LANGS,
  EXPORT_VERSION,
  type ExportBarrier,
  type ExportCard,
  type ExportRound,
  type WorkshopExport,
} from '../export';
import { ID_PATTERN } from '../ids';
import {
  ALARM_REASON_MAX,
  ALARM_STATUSES,
  ALARM_TARGETS,
  BARRIER_TEXT_MAX,
  HEADING_MAX,
  MAX_LINKED_CARDS,
  OWNER_MAX,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  PROPOSAL_TEXT_MAX,
  ROUND_MODES,
  ROUND_STATUSES,
  type Alarm,
  type Proposal,
} from '../method';
import { WORKSHOP_TITLE_MAX } from '../protocol';
import { SEARCH_TYPES } from '../knowledge';
import type { Equal, Expect } from './check';
import { workshopSettingsSchema } from './control';
import { phaseListSchema } from './phases';
import { templateSchema } from './template';

const id = z.string().regex(ID_PATTERN);
const unit = z.number().min(0).max(1);
const position = z.object({ x: unit, y: unit });
const isoDate = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/);
const time = z.number().int().min(0).max(8.64e15);
/**
 * Imported text is kept byte for byte (export → import → export is identical): not
 * trimmed, only refused when there is nothing but white space.
 */
const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, { message: 'empty' });

// ------------------------------------------------------------------ register

export const registerEntryBody = z.object({
  kind: z.enum(CARD_KINDS),
  title: z.string().trim().min(1).max(CARD_TITLE_MAX),
  department: z.string().trim().max(CARD_TITLE_MAX).default(''),
  description: z.string().trim().max(CARD_TEXT_MAX).default(''),
});
export type RegisterEntryBody = z.output<typeof registerEntryBody>;

export const registerEntryPatch = registerEntryBody.partial();
export type RegisterEntryPatch = z.output<typeof registerEntryPatch>;

/** Preparing a workshop: cards from the register, and new ones (which join the register). */
export const addCardsBody = z
  .object({
    registerIds: z.array(id).max(100).default([]),
    cards: z.array(registerEntryBody).max(100).default([]),
  })
  .refine((b) => b.registerIds.length + b.cards.length > 0, { message: 'nothing to add' });
export type AddCardsBody = z.output<typeof addCardsBody>;

// ----------------------------------------------------------------- workshops

export const duplicateBody = z.object({
  title: z.string().trim().min(1).max(WORKSHOP_TITLE_MAX).optional(),
});

export const workshopPatchBody = z.object({
  /** ms since epoch; at most ten years ahead. */
  retentionUntil: time.optional(),
  title: z.string().trim().min(1).max(WORKSHOP_TITLE_MAX).optional(),
});

/** The title of an imported workshop, as a query parameter (the body is the export itself). */
export const importQuery = z.object({ title: z.string().trim().min(1).max(WORKSHOP_TITLE_MAX).optional() });

/** Hard delete needs the workshop's title typed again, as a confirmation. */
export const deleteWorkshopBody = z.object({ confirmTitle: z.string().max(WORKSHOP_TITLE_MAX + 10) });

export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS),
  lang: z.enum(EXPORT_LANGS).default('nl'),
  table: z.enum(['barriers', 'proposals']).default('barriers'),
});

// ---------------------------------------------------------------- knowledge

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  type: z.enum(SEARCH_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const compareQuery = z.object({ from: id, to: id });

export const ledgerLinkBody = z.object({ barrierIds: z.array(id).min(2).max(50) });
export const ledgerUnlinkBody = z.object({ barrierId: id });

export const trackerQuery = z.object({
  owner: z.string().trim().max(OWNER_MAX).optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** yyyy-mm-dd, the caller's today (for "overdue"); the server's date when left out. */
  today: isoDate.optional(),
});

export const trackerPatchBody = z
  .object({
    status: z.enum(PROPOSAL_STATUSES).optional(),
    owner: z.string().trim().max(OWNER_MAX).optional(),
    dueDate: isoDate.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

// ------------------------------------------------------------ import (JSON)

const exportCardSchema = z.object({
  id,
  kind: z.enum(CARD_KINDS),
  title: nonBlank(CARD_TITLE_MAX),
  department: z.string().max(CARD_TITLE_MAX),
  description: z.string().max(CARD_TEXT_MAX),
  x: unit,
  y: unit,
  target: position.nullable(),
  registerId: id.nullable(),
  createdAt: time,
}) satisfies z.ZodType<ExportCard>;

const exportRoundSchema = z.object({
  id,
  mode: z.enum(ROUND_MODES),
  status: z.enum(ROUND_STATUSES),
  createdAt: time,
  results: z
    .array(
      z.object({
        cardId: id,
        points: z.array(position).max(2000),
        stats: z.object({ count: z.number().int().min(0), mean: position, spread: z.number().min(0).max(2) }).nullable(),
      }),
    )
    .max(200),
}) satisfies z.ZodType<ExportRound>;

const exportBarrierSchema = z.object({
  id,
  text: nonBlank(BARRIER_TEXT_MAX),
  heading: z.string().max(HEADING_MAX),
  cardIds: z.array(id).max(MAX_LINKED_CARDS),
  authorName: z.string().max(80),
  createdAt: time,
  votes: z.number().int().min(0).max(100_000),
  rank: z.number().int().min(1),
  /** Absent in exports made before merged wordings were kept. */
  variants: z.array(nonBlank(BARRIER_TEXT_MAX)).max(200).default([]),
}) satisfies z.ZodType<ExportBarrier>;

const proposalSchema = z.object({
  id,
  barrierId: id.nullable(),
  cardId: id.nullable(),
  text: nonBlank(PROPOSAL_TEXT_MAX),
  kind: z.enum(PROPOSAL_KINDS),
  owner: z.string().max(OWNER_MAX),
  dueDate: isoDate,
  status: z.enum(PROPOSAL_STATUSES),
  authorName: z.string().max(80),
  createdAt: time,
}) satisfies z.ZodType<Proposal>;

const alarmSchema = z.object({
  id,
  targetType: z.enum(ALARM_TARGETS),
  targetId: id,
  reason: z.string().max(ALARM_REASON_MAX),
  status: z.enum(ALARM_STATUSES),
  raisedByName: z.string().max(80),
  createdAt: time,
}) satisfies z.ZodType<Alarm>;

/** A JSON export, checked before it is imported into a new workshop. */
export const workshopExportSchema = z.object({
  kind: z.literal(EXPORT_KIND),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string().max(40),
  workshop: z.object({
    title: nonBlank(WORKSHOP_TITLE_MAX),
    createdAt: time,
    finishedAt: time.nullable(),
    template: templateSchema,
    phases: phaseListSchema,
    currentPhaseId: z.string().max(40),
    settings: workshopSettingsSchema,
  }),
  participants: z.object({
    count: z.number().int().min(0).max(5000),
    names: z.array(z.string().max(80)).max(5000),
  }),
  cards: z.array(exportCardSchema).max(5000),
  rounds: z.array(exportRoundSchema).max(200),
  barriers: z.array(exportBarrierSchema).max(2000),
  voters: z.number().int().min(0).max(5000),
  proposals: z.array(proposalSchema).max(2000),
  alarms: z.array(alarmSchema).max(2000),
}) satisfies z.ZodType<WorkshopExport>;

type _Checks = [
  Expect<Equal<z.output<typeof exportCardSchema>, ExportCard>>,
  Expect<Equal<z.output<typeof exportBarrierSchema>, ExportBarrier>>,
  Expect<Equal<z.output<typeof workshopExportSchema>, WorkshopExport>>,
];

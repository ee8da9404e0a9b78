import { z } from 'zod';
import {
  DEFAULT_SCREEN,
  DEFAULT_TRAJECTORIES,
  SCREEN_FOCUSES,
  SCREEN_ID_MAX,
  SCREEN_LIST_KEY_MAX,
  SCREENS_COUNTED,
  SCREEN_PAGE_MAX,
  SPOTLIGHT_TYPES,
  TIMER_MAX_MS,
  TIMER_STATUSES,
  type ControlState,
  type ScreenControl,
  type Spotlight,
  type TimerState,
  type TrajectoryFocus,
  type WorkshopSettings,
} from '../control';
import { ID_PATTERN } from '../ids';
import type { Equal, Expect } from './check';
import { phaseListSchema } from './phases';
import { voteSettingsSchema } from './voting';

export const spotlightSchema = z
  .object({ type: z.enum(SPOTLIGHT_TYPES), id: z.string().regex(ID_PATTERN) })
  .nullable() satisfies z.ZodType<Spotlight>;

export const timerSchema = z.object({
  status: z.enum(TIMER_STATUSES),
  /** When running: the moment (server clock, ms since epoch) it reaches zero. */
  endsAt: z.number().nullable(),
  /** When idle or paused: the time left, in ms. */
  remainingMs: z.number().min(0).max(TIMER_MAX_MS),
}) satisfies z.ZodType<TimerState>;

export const screenControlSchema = z.object({
  page: z.number().int().min(0).max(SCREEN_PAGE_MAX),
  focus: z.enum(SCREEN_FOCUSES),
  // Absent in states stored before automatic paging and measured pages.
  auto: z.boolean().default(false),
  turnedAt: z.number().default(0),
  pages: z.number().int().min(1).max(SCREEN_PAGE_MAX + 1).default(1),
  list: z.string().max(SCREEN_LIST_KEY_MAX).default(''),
  measuredBy: z
    .array(z.object({ screen: z.string().max(SCREEN_ID_MAX), pages: z.number().int().min(1).max(SCREEN_PAGE_MAX + 1) }))
    .max(SCREENS_COUNTED)
    .default([]),
}) satisfies z.ZodType<ScreenControl, unknown>;

export const trajectoryFocusSchema = z.discriminatedUnion('show', [
  z.object({ show: z.literal('all') }).strict(),
  z.object({ show: z.literal('largest') }).strict(),
  z.object({ show: z.literal('card'), cardId: z.string().regex(ID_PATTERN) }).strict(),
]) satisfies z.ZodType<TrajectoryFocus>;

export const workshopSettingsSchema = z.object({
  /** Named workshop: authors and participant names may be shown. Anonymous by default. */
  named: z.boolean(),
  vote: voteSettingsSchema,
}) satisfies z.ZodType<WorkshopSettings>;

/** The control state as stored (SQLite) and after every change; see server/method/controlStates.ts. */
export const controlStateSchema = z.object({
  phases: phaseListSchema,
  currentPhaseId: z.string(),
  locked: z.boolean(),
  /** Vote totals visible to participants and the shared screen. */
  resultsRevealed: z.boolean(),
  /** Absent in workshops stored before voting could close: a revealed result had closed it. */
  votingClosed: z.boolean().optional(),
  screen: screenControlSchema.default(DEFAULT_SCREEN),
  /** Absent in workshops stored before the trajectory filter existed: all arrows. */
  trajectories: trajectoryFocusSchema.default(DEFAULT_TRAJECTORIES),
  spotlight: spotlightSchema,
  timer: timerSchema,
  settings: workshopSettingsSchema,
  /** Absent in workshops stored before finishing existed. */
  finishedAt: z.number().nullable().default(null),
})
  .transform(({ votingClosed, ...s }) => ({ ...s, votingClosed: votingClosed ?? s.resultsRevealed })) satisfies z.ZodType<ControlState>;

type _Checks = [
  Expect<Equal<z.output<typeof spotlightSchema>, Spotlight>>,
  Expect<Equal<z.output<typeof timerSchema>, TimerState>>,
  Expect<Equal<z.output<typeof trajectoryFocusSchema>, TrajectoryFocus>>,
  Expect<Equal<z.output<typeof workshopSettingsSchema>, WorkshopSettings>>,
  Expect<Equal<z.output<typeof controlStateSchema>, ControlState>>,
];

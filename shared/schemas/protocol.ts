// REST bodies and socket.io payloads. Their types are in shared/protocol.ts; see docs/api.md and docs/protocol.md.
import { z } from 'zod';
import { SCREEN_FOCUSES, SCREEN_LIST_KEY_MAX, SCREEN_PAGE_MAX, SPOTLIGHT_TYPES, TIMER_MAX_MS } from '../control';
import { ID_PATTERN } from '../ids';
import { HEADING_MAX, MAX_ROUND_CARDS, ROUND_MODES } from '../method';
import {
  DISPLAY_NAME_MAX,
  JOIN_CODE_PATTERN,
  WORKSHOP_TITLE_MAX,
  type AcceptInviteBody,
  type ClientEventName,
  type ClientEventPayloads,
  type CreateWorkshopBody,
  type InviteBody,
  type JoinBody,
  type LoginBody,
  type SetupBody,
  type SocketAuth,
  type UpdateAccountBody,
  ACCOUNT_ROLE_NAMES,
} from '../protocol';
import { VOTE_BUDGET_MAX, VOTE_BUDGET_MIN } from '../voting';
import type { Equal, Expect } from './check';
import { spotlightSchema, trajectoryFocusSchema } from './control';
import {
  alarmRaisePayload,
  barrierAddPayload,
  idSchema,
  placementSetPayload,
  proposalAddPayload,
  proposalUpdatePayload,
  voteOpPayload,
} from './method';
import { phaseListSchema } from './phases';
import { templateSchema } from './template';

// ---------------------------------------------------------------- REST bodies

const email = z.string().trim().toLowerCase().email().max(200);
const password = z.string().min(10).max(200);
const personName = z.string().trim().min(1).max(80);

export const setupBody = z.object({ name: personName, email, password }) satisfies z.ZodType<SetupBody>;
export const loginBody = z.object({ email, password: z.string().min(1).max(200) }) satisfies z.ZodType<LoginBody>;
export const inviteBody = z.object({ email }) satisfies z.ZodType<InviteBody>;
export const updateAccountBody = z
  .object({
    // At least one role: an account that may do nothing is switched off instead.
    roles: z.array(z.enum(ACCOUNT_ROLE_NAMES)).min(1).max(3).optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.roles !== undefined || b.disabled !== undefined, { message: 'roles or disabled' }) satisfies z.ZodType<UpdateAccountBody>;
export const acceptInviteBody = z.object({
  token: z.string().min(20).max(200),
  name: personName,
  password,
}) satisfies z.ZodType<AcceptInviteBody>;

export const createWorkshopBody = z.object({
  title: z.string().trim().min(1).max(WORKSHOP_TITLE_MAX),
  /** A template id from the built-in list, or a whole template (edited copy). */
  template: z.union([z.string().max(40), templateSchema]).optional(),
}) satisfies z.ZodType<CreateWorkshopBody>;

export const joinBody = z.object({
  /** Spaces are allowed when typing ("1234 5678"); they are removed here. */
  code: z
    .string()
    .max(20)
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().regex(JOIN_CODE_PATTERN)),
  /** Empty means anonymous. */
  name: z.string().trim().max(DISPLAY_NAME_MAX).default(''),
}) satisfies z.ZodType<Required<JoinBody>, JoinBody>;

// ------------------------------------------------------------------ socket.io

/** What a client sends in `io(url, {auth})`. Facilitators use their cookie instead of a token. */
export const socketAuth = z.object({
  protocolVersion: z.number().int(),
  workshopId: z.string().regex(ID_PATTERN),
  token: z.string().min(20).max(200).optional(),
}) satisfies z.ZodType<SocketAuth>;

const empty = z.object({}).strict();
const TIMER_MAX_SECONDS = TIMER_MAX_MS / 1000;

/**
 * Client → server events: name → payload schema. Every event is sent with an
 * ack and answered `{ok: true, ...result}` or `{ok: false, error}`.
 * Who may send what is in EVENT_ROLES (shared/protocol.ts); the current phase
 * and the board lock are checked by the handlers.
 */
export const clientEvents = {
  'participant:rename': z.object({ name: z.string().trim().max(DISPLAY_NAME_MAX) }),

  // Facilitator controls
  'phase:go': z.object({ phaseId: z.string().max(40) }),
  'phases:set': z.object({ phases: phaseListSchema }),
  'board:lock': z.object({ locked: z.boolean() }),
  'results:reveal': z.object({ revealed: z.boolean() }),
  'voting:close': z.object({ closed: z.boolean() }),
  'screen:set': z
    .object({
      page: z.number().int().min(0).max(SCREEN_PAGE_MAX).optional(),
      focus: z.enum(SCREEN_FOCUSES).optional(),
      auto: z.boolean().optional(),
    })
    .strict(),
  // The screen's own measurement of the list it shows.
  'screen:measured': z
    .object({
      list: z.string().min(1).max(SCREEN_LIST_KEY_MAX),
      pages: z.number().int().min(1).max(SCREEN_PAGE_MAX + 1),
      screen: z.string().regex(/^[a-z0-9]{1,32}$/),
    })
    .strict(),
  'spotlight:set': z.object({ spotlight: spotlightSchema }),
  'trajectories:set': z.object({ trajectories: trajectoryFocusSchema }).strict(),
  'timer:control': z.discriminatedUnion('action', [
    z.object({ action: z.literal('start'), seconds: z.number().int().min(1).max(TIMER_MAX_SECONDS) }),
    z.object({ action: z.literal('adjust'), seconds: z.number().int().min(-TIMER_MAX_SECONDS).max(TIMER_MAX_SECONDS) }),
    z.object({ action: z.literal('pause') }),
    z.object({ action: z.literal('resume') }),
    z.object({ action: z.literal('reset') }),
  ]),
  'settings:update': z.object({
    named: z.boolean().optional(),
    voteBudget: z.number().int().min(VOTE_BUDGET_MIN).max(VOTE_BUDGET_MAX).optional(),
    voteCap: z.number().int().min(1).max(VOTE_BUDGET_MAX).optional(),
  }),
  'item:remove': z.object({ type: z.enum(SPOTLIGHT_TYPES), id: idSchema }),
  'participant:remove': z.object({ participantId: idSchema }),
  'barrier:merge': z.object({ sourceId: idSchema, targetId: idSchema }),
  'barrier:group': z.object({ barrierIds: z.array(idSchema).min(1).max(100), heading: z.string().trim().max(HEADING_MAX) }),
  'alarm:decide': z.object({ alarmId: idSchema, status: z.enum(['confirmed', 'dismissed']) }),
  'proposal:update': proposalUpdatePayload,
  'round:start': z.object({ cardIds: z.array(idSchema).min(1).max(MAX_ROUND_CARDS), mode: z.enum(ROUND_MODES) }),
  'round:reveal': z.object({ roundId: idSchema }),
  'round:close': z.object({ roundId: idSchema }),
  'round:adopt': z.object({ roundId: idSchema, cardId: idSchema }),

  // Participants (and, where it makes sense, the facilitator)
  'barrier:add': barrierAddPayload,
  'vote:cast': voteOpPayload,
  'vote:retract': voteOpPayload,
  'proposal:add': proposalAddPayload,
  'alarm:raise': alarmRaisePayload,
  'placement:set': placementSetPayload,
  /** Ask the server to send this client's views again (after a reconnect). */
  'sync:request': empty,
  'openProposals:get': empty,
} as const satisfies { [E in ClientEventName]: z.ZodType<ClientEventPayloads[E]> };

/** The events whose schema output is not exactly ClientEventPayloads[E]; never when all match. */
type PayloadMismatch = {
  [E in keyof typeof clientEvents]: Equal<z.output<(typeof clientEvents)[E]>, ClientEventPayloads[E]> extends true ? never : E;
}[keyof typeof clientEvents];
/** Fails to compile naming the mismatched events. */
type NoneOf<T extends never> = T;

type _Checks = [
  Expect<Equal<z.output<typeof setupBody>, SetupBody>>,
  Expect<Equal<z.output<typeof loginBody>, LoginBody>>,
  Expect<Equal<z.output<typeof inviteBody>, InviteBody>>,
  Expect<Equal<z.output<typeof updateAccountBody>, UpdateAccountBody>>,
  Expect<Equal<z.output<typeof acceptInviteBody>, AcceptInviteBody>>,
  Expect<Equal<z.output<typeof createWorkshopBody>, CreateWorkshopBody>>,
  // JoinBody is what a client sends (the schema's input: name may be left out); the server gets both fields.
  Expect<Equal<z.input<typeof joinBody>, JoinBody>>,
  Expect<Equal<z.output<typeof joinBody>, Required<JoinBody>>>,
  Expect<Equal<z.output<typeof socketAuth>, SocketAuth>>,
  // One schema per event, no more, no fewer, each producing exactly its payload type.
  Expect<Equal<keyof typeof clientEvents, ClientEventName>>,
  NoneOf<PayloadMismatch>,
];

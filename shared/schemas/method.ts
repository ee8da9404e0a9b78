import { z } from 'zod';
import { ID_PATTERN } from '../ids';
import {
  ALARM_REASON_MAX,
  ALARM_TARGETS,
  BARRIER_TEXT_MAX,
  MAX_LINKED_CARDS,
  OWNER_MAX,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  PROPOSAL_TEXT_MAX,
  type AlarmRaisePayload,
  type BarrierAddPayload,
  type PlacementSetPayload,
  type ProposalAddPayload,
  type ProposalUpdatePayload,
  type VoteOpPayload,
} from '../method';
import type { Equal, Expect } from './check';

const id = z.string().regex(ID_PATTERN);
export const idSchema = id;

const isoDate = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/);

// ------------------------------------------------------------ event payloads

/** Chosen by the client per intended action; a retry with the same opId (after a reload offline) counts once. */
const opId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const barrierAddPayload = z.object({
  text: z.string().trim().min(1).max(BARRIER_TEXT_MAX),
  cardIds: z.array(id).max(MAX_LINKED_CARDS).default([]),
  opId: opId.optional(),
}) satisfies z.ZodType<BarrierAddPayload>;

export const proposalAddPayload = z
  .object({
    barrierId: id.nullable().default(null),
    cardId: id.nullable().default(null),
    text: z.string().trim().min(1).max(PROPOSAL_TEXT_MAX),
    kind: z.enum(PROPOSAL_KINDS),
    owner: z.string().trim().max(OWNER_MAX).default(''),
    dueDate: isoDate.default(''),
    opId: opId.optional(),
  })
  .refine((p) => p.barrierId !== null || p.cardId !== null, {
    message: 'link a barrier or a card',
    path: ['barrierId'],
  }) satisfies z.ZodType<ProposalAddPayload>;

export const proposalUpdatePayload = z.object({
  id,
  text: z.string().trim().min(1).max(PROPOSAL_TEXT_MAX).optional(),
  kind: z.enum(PROPOSAL_KINDS).optional(),
  owner: z.string().trim().max(OWNER_MAX).optional(),
  dueDate: isoDate.optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
}) satisfies z.ZodType<ProposalUpdatePayload>;

export const alarmRaisePayload = z.object({
  targetType: z.enum(ALARM_TARGETS),
  targetId: id,
  reason: z.string().trim().min(1).max(ALARM_REASON_MAX),
}) satisfies z.ZodType<AlarmRaisePayload>;

/** One vote operation. `opId` is chosen by the client; a retry with the same opId counts once. */
export const voteOpPayload = z.object({
  opId,
  barrierId: id,
}) satisfies z.ZodType<VoteOpPayload>;

export const placementSetPayload = z.object({
  roundId: id,
  cardId: id,
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
}) satisfies z.ZodType<PlacementSetPayload>;

type _Checks = [
  Expect<Equal<z.output<typeof idSchema>, string>>,
  Expect<Equal<z.output<typeof barrierAddPayload>, BarrierAddPayload>>,
  Expect<Equal<z.output<typeof proposalAddPayload>, ProposalAddPayload>>,
  Expect<Equal<z.output<typeof proposalUpdatePayload>, ProposalUpdatePayload>>,
  Expect<Equal<z.output<typeof alarmRaisePayload>, AlarmRaisePayload>>,
  Expect<Equal<z.output<typeof voteOpPayload>, VoteOpPayload>>,
  Expect<Equal<z.output<typeof placementSetPayload>, PlacementSetPayload>>,
];

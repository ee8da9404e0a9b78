import { z } from 'zod';
import { PERMISSIONS, PHASE_INSTRUCTION_MAX, PHASE_KINDS, PHASE_TITLE_MAX, type Phase } from '../phases';
import type { Equal, Expect } from './check';

export const phaseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  kind: z.enum(PHASE_KINDS),
  /** Custom title; empty means the default title of the kind (translated by the client). */
  title: z.string().trim().max(PHASE_TITLE_MAX).default(''),
  /** Custom instruction; empty means the default instruction of the kind. */
  instruction: z.string().trim().max(PHASE_INSTRUCTION_MAX).default(''),
  permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
  skipped: z.boolean().default(false),
}) satisfies z.ZodType<Phase>;

export const phaseListSchema = z
  .array(phaseSchema)
  .min(1)
  .max(20)
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'phase ids are unique') satisfies z.ZodType<Phase[]>;

type _Checks = [
  Expect<Equal<z.output<typeof phaseSchema>, Phase>>,
  Expect<Equal<z.output<typeof phaseListSchema>, Phase[]>>,
];

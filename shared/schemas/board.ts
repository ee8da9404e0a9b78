import { z } from 'zod';
import { CARD_KINDS, CARD_TEXT_MAX, CARD_TITLE_MAX, type NewCard } from '../board';
import { ID_PATTERN } from '../ids';
import type { Equal, Expect } from './check';

/** The same rule as addCard's own check in shared/board.ts (which the client runs without zod). */
export const newCardSchema = z.object({
  kind: z.enum(CARD_KINDS),
  title: z.string().trim().min(1).max(CARD_TITLE_MAX),
  x: z.number().min(0).max(1).optional(),
  y: z.number().min(0).max(1).optional(),
  description: z.string().max(CARD_TEXT_MAX).optional(),
  department: z.string().max(CARD_TITLE_MAX).optional(),
  registerId: z.string().regex(ID_PATTERN).optional(),
})
  // Both or neither: without them the card is unplaced (in the tray).
  .refine((c) => (c.x === undefined) === (c.y === undefined), { message: 'x and y go together' }) satisfies z.ZodType<NewCard>;

type _Checks = [Expect<Equal<z.output<typeof newCardSchema>, NewCard>>];

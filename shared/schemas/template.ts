import { z } from 'zod';
import { QUADRANT_CORNERS, type Quadrant, type Template } from '../template';
import type { Equal, Expect } from './check';

const text = z.object({ nl: z.string().min(1).max(400), en: z.string().min(1).max(400) });

export const quadrantSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  corner: z.enum(QUADRANT_CORNERS),
  /** Role names are proper names from the source document and stay as they are. */
  label: z.string().min(1).max(80),
  description: text,
}) satisfies z.ZodType<Quadrant>;

export const templateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: text,
  source: z.string().max(400),
  axes: z.object({
    /** Horizontal axis, left end and right end. */
    x: z.object({ start: text, end: text }),
    /** Vertical axis, top end and bottom end. */
    y: z.object({ start: text, end: text }),
  }),
  quadrants: z
    .array(quadrantSchema)
    .length(4)
    .refine((qs) => new Set(qs.map((q) => q.corner)).size === 4, 'every corner once'),
}) satisfies z.ZodType<Template>;

type _Checks = [
  Expect<Equal<z.output<typeof quadrantSchema>, Quadrant>>,
  Expect<Equal<z.output<typeof templateSchema>, Template>>,
];

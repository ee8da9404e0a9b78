import { z } from 'zod';
import { DUE_REASON_MAX, PROGRESS_NOTE_MAX, type ProgressBody } from '../followUp';
import { OWNER_MAX, PROPOSAL_STATUSES } from '../method';
import type { Equal, Expect } from './check';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Recorded progress: at least one change or a note; a new due date comes with its reason. */
export const progressBody = z
  .object({
    status: z.enum(PROPOSAL_STATUSES).optional(),
    note: z.string().trim().max(PROGRESS_NOTE_MAX).default(''),
    dueDate: isoDay.optional(),
    dueReason: z.string().trim().max(DUE_REASON_MAX).default(''),
  })
  .refine((b) => b.status !== undefined || b.note !== '' || b.dueDate !== undefined, { message: 'nothing to record' })
  .refine((b) => b.dueDate === undefined || b.dueReason !== '', { message: 'a new due date needs a reason', path: ['dueReason'] });

export const ownerLinkBody = z.object({
  /** The owner to assign; the proposal's present owner when left out. */
  owner: z.string().trim().min(1).max(OWNER_MAX).optional(),
});

type _Checks = [Expect<Equal<z.output<typeof progressBody>, ProgressBody>>];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The council's progress report: period, selection, language and format. */
export const progressReportQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    scope: z.enum(['all', 'entry', 'theme']).default('all'),
    entry: z.string().regex(/^[a-z0-9]{8,32}$/).optional(),
    theme: z.string().trim().min(1).max(120).optional(),
    lang: z.enum(['nl', 'en']).default('nl'),
    /** svg: the quadrant picture alone, for the knowledge centre's page. */
    format: z.enum(['json', 'docx', 'pdf', 'svg']).default('json'),
  })
  .refine((q) => q.scope !== 'entry' || q.entry !== undefined, { message: 'entry needed', path: ['entry'] })
  .refine((q) => q.scope !== 'theme' || q.theme !== undefined, { message: 'theme needed', path: ['theme'] })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from after to', path: ['from'] });

/** Publishing the organisation's progress page. */
export const progressPageBody = z
  .object({
    audience: z.enum(['link', 'employees']),
    scope: z.enum(['all', 'entry', 'theme']).default('all'),
    entry: z.string().regex(/^[a-z0-9]{8,32}$/).optional(),
    theme: z.string().trim().min(1).max(120).optional(),
  })
  .refine((q) => q.scope !== 'entry' || q.entry !== undefined, { message: 'entry needed', path: ['entry'] })
  .refine((q) => q.scope !== 'theme' || q.theme !== undefined, { message: 'theme needed', path: ['theme'] });

import { z } from 'zod';
import { VOTE_BUDGET_MAX, VOTE_BUDGET_MIN, type VoteSettings } from '../voting';
import type { Equal, Expect } from './check';

export const voteSettingsSchema = z
  .object({
    budget: z.number().int().min(VOTE_BUDGET_MIN).max(VOTE_BUDGET_MAX),
    /** Most votes one person may put on one barrier; at most the budget. */
    capPerBarrier: z.number().int().min(1).max(VOTE_BUDGET_MAX),
  })
  .refine((s) => s.capPerBarrier <= s.budget, {
    message: 'cap exceeds budget',
    path: ['capPerBarrier'],
  }) satisfies z.ZodType<VoteSettings>;

type _Checks = [Expect<Equal<z.output<typeof voteSettingsSchema>, VoteSettings>>];

import { describe, expect, it } from 'vitest';
import { applyTimer, IDLE_TIMER, timerRemaining, type TimerState } from '../../shared/control';
import { defaultPhases, mayParticipant, stepPhase, type Permission } from '../../shared/phases';
import { placementStats, rankBySpread } from '../../shared/placement';
import { voteSettingsSchema } from '../../shared/schemas';
import { judgeCast, rankBarriers, remainingVotes } from '../../shared/voting';

describe('phase permissions', () => {
  const phases = defaultPhases();
  const phase = (id: string) => phases.find((p) => p.id === id);
  const cases: [phase: string, permission: Permission, locked: boolean, allowed: boolean][] = [
    ['welkom', 'addCards', false, true],
    ['welkom', 'vote', false, false],
    ['positioneren', 'moveCards', false, true],
    ['positioneren', 'moveCards', true, false],
    ['koers', 'setTargets', false, true],
    ['koers', 'moveCards', false, false],
    ['drempels', 'addBarriers', false, true],
    ['stemmen', 'vote', false, true],
    ['stemmen', 'addBarriers', false, false],
    ['voorstellen', 'addProposals', false, true],
    ['afronden', 'addCards', false, false],
  ];
  it.each(cases)('%s: %s (locked %s) -> %s', (id, permission, locked, allowed) => {
    expect(mayParticipant(phase(id), permission, locked)).toBe(allowed);
  });

  it('refuses without a phase', () => {
    expect(mayParticipant(undefined, 'addCards', false)).toBe(false);
  });

  it('steps over skipped phases, both ways, and stops at the ends', () => {
    const list = defaultPhases().map((p) => (p.id === 'koers' ? { ...p, skipped: true } : p));
    expect(stepPhase(list, 'positioneren', 1)?.id).toBe('drempels');
    expect(stepPhase(list, 'drempels', -1)?.id).toBe('positioneren');
    expect(stepPhase(list, 'afronden', 1)).toBeUndefined();
    expect(stepPhase(list, 'welkom', -1)).toBeUndefined();
  });
});

describe('budgets and caps', () => {
  const settings = { budget: 3, capPerBarrier: 2 };
  it.each([
    [0, 0, { ok: true }],
    [2, 1, { ok: true }],
    [3, 0, { ok: false, code: 'BUDGET_EXHAUSTED' }],
    [1, 2, { ok: false, code: 'CAP_REACHED' }],
    [3, 2, { ok: false, code: 'BUDGET_EXHAUSTED' }],
  ])('spent %i, on this barrier %i -> %j', (spent, onBarrier, verdict) => {
    expect(judgeCast(settings, spent, onBarrier)).toEqual(verdict);
  });

  it('counts what is left, never below zero', () => {
    expect(remainingVotes(settings, 1)).toBe(2);
    expect(remainingVotes(settings, 5)).toBe(0);
  });

  it.each([
    [{ budget: 3, capPerBarrier: 3 }, true],
    [{ budget: 12, capPerBarrier: 1 }, true],
    [{ budget: 0, capPerBarrier: 0 }, false],
    [{ budget: 13, capPerBarrier: 1 }, false],
    [{ budget: 3, capPerBarrier: 4 }, false],
  ])('settings %j valid: %s', (s, valid) => {
    expect(voteSettingsSchema.safeParse(s).success).toBe(valid);
  });
});

describe('tally', () => {
  it('ranks by votes, keeps barriers without votes, shares ranks on ties, keeps order on ties', () => {
    const votes = new Map([
      ['b', 3],
      ['c', 5],
      ['d', 3],
    ]);
    expect(rankBarriers(['a', 'b', 'c', 'd'], votes)).toEqual([
      { barrierId: 'c', votes: 5, rank: 1 },
      { barrierId: 'b', votes: 3, rank: 2 },
      { barrierId: 'd', votes: 3, rank: 2 },
      { barrierId: 'a', votes: 0, rank: 4 },
    ]);
    expect(rankBarriers([], votes)).toEqual([]);
  });
});

describe('placement statistics', () => {
  it.each([
    [[], null],
    [[{ x: 0.5, y: 0.5 }], { count: 1, mean: { x: 0.5, y: 0.5 }, spread: 0 }],
    [[{ x: 0, y: 0 }, { x: 1, y: 0 }], { count: 2, mean: { x: 0.5, y: 0 }, spread: 0.5 }],
    [[{ x: 0, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 0 }, { x: 1, y: 1 }], { count: 4, mean: { x: 0.5, y: 0.5 }, spread: Math.SQRT1_2 }],
  ])('%j -> %j', (points, expected) => {
    const stats = placementStats(points);
    if (expected === null) return expect(stats).toBeNull();
    expect(stats?.count).toBe(expected.count);
    expect(stats?.mean.x).toBeCloseTo(expected.mean.x);
    expect(stats?.mean.y).toBeCloseTo(expected.mean.y);
    expect(stats?.spread).toBeCloseTo(expected.spread);
  });

  it('orders the agenda by spread, unplaced cards last', () => {
    const items = [
      { id: 'none', stats: null },
      { id: 'calm', stats: placementStats([{ x: 0.1, y: 0.1 }, { x: 0.1, y: 0.2 }]) },
      { id: 'torn', stats: placementStats([{ x: 0, y: 0 }, { x: 1, y: 1 }]) },
    ];
    expect(rankBySpread(items).map((i) => i.id)).toEqual(['torn', 'calm', 'none']);
  });
});

describe('timer', () => {
  const t0 = 1_000_000;
  it('starts, pauses, resumes, adjusts and resets', () => {
    let t: TimerState = applyTimer(IDLE_TIMER, { action: 'start', seconds: 60 }, t0);
    expect(timerRemaining(t, t0 + 10_000)).toBe(50_000);
    t = applyTimer(t, { action: 'pause' }, t0 + 10_000);
    expect(t).toEqual({ status: 'paused', endsAt: null, remainingMs: 50_000 });
    expect(timerRemaining(t, t0 + 99_000)).toBe(50_000);
    t = applyTimer(t, { action: 'adjust', seconds: -20 }, t0 + 20_000);
    expect(t.remainingMs).toBe(30_000);
    t = applyTimer(t, { action: 'resume' }, t0 + 30_000);
    expect(timerRemaining(t, t0 + 40_000)).toBe(20_000);
    t = applyTimer(t, { action: 'adjust', seconds: 60 }, t0 + 40_000);
    expect(timerRemaining(t, t0 + 40_000)).toBe(80_000);
    t = applyTimer(t, { action: 'adjust', seconds: -999 }, t0 + 40_000);
    expect(timerRemaining(t, t0 + 40_000)).toBe(0);
    expect(applyTimer(t, { action: 'reset' }, t0)).toEqual(IDLE_TIMER);
  });

  it('ignores pause when not running and resume when not paused', () => {
    expect(applyTimer(IDLE_TIMER, { action: 'pause' }, t0)).toBe(IDLE_TIMER);
    expect(applyTimer(IDLE_TIMER, { action: 'resume' }, t0)).toBe(IDLE_TIMER);
  });
});

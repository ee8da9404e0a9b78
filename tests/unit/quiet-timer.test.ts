import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietTimer } from '../../server/yjs/quietTimer';

describe('the quiet timer that compacts a board', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once the quiet spell after the last touch has passed, not after the first', () => {
    const onQuiet = vi.fn();
    const timer = new QuietTimer(1000, onQuiet, () => Date.now());
    timer.touch();
    vi.advanceTimersByTime(600);
    timer.touch(); // a change during the spell: the quiet counts from here
    vi.advanceTimersByTime(600);
    expect(onQuiet).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(onQuiet).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(onQuiet).toHaveBeenCalledTimes(1);
  });

  it('keeps one timer however often it is touched', () => {
    const timer = new QuietTimer(1000, () => {}, () => Date.now());
    for (let i = 0; i < 60; i++) timer.touch();
    expect(vi.getTimerCount()).toBe(1);
  });

  it('never fires when cancelled, or when the spell is 0', () => {
    const onQuiet = vi.fn();
    const cancelled = new QuietTimer(1000, onQuiet, () => Date.now());
    cancelled.touch();
    cancelled.cancel();
    new QuietTimer(0, onQuiet, () => Date.now()).touch();
    vi.advanceTimersByTime(10_000);
    expect(onQuiet).not.toHaveBeenCalled();
  });
});

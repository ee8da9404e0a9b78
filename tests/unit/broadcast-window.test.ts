import { describe, expect, it } from 'vitest';
import { broadcastWindowMs, BURST_UPDATES, SEVERAL_WRITERS, writerOf } from '../../server/yjs/broadcastWindow';

const windows = { batchWindowMs: 20, burstWindowMs: 100 };
const phoneA = { name: 'A' };
const phoneB = { name: 'B' };

describe('the coalescing window of a board', () => {
  it('lets a lone writer through at once: a drag is not held back', () => {
    expect(broadcastWindowMs({ size: 1, writer: phoneA }, phoneA, windows)).toBe(0);
  });

  it('throttles when a room writes together', () => {
    expect(broadcastWindowMs({ size: 1, writer: phoneA }, phoneB, windows)).toBe(20);
    expect(broadcastWindowMs({ size: 3, writer: SEVERAL_WRITERS }, phoneA, windows)).toBe(20);
  });

  it('widens during a burst, even for the same writer', () => {
    expect(broadcastWindowMs({ size: BURST_UPDATES, writer: SEVERAL_WRITERS }, phoneA, windows)).toBe(100);
    expect(broadcastWindowMs({ size: BURST_UPDATES, writer: phoneA }, phoneA, windows)).toBe(100);
    expect(broadcastWindowMs({ size: BURST_UPDATES - 1, writer: SEVERAL_WRITERS }, phoneA, windows)).toBe(20);
  });

  it('does not hold sync answers alone, except during a burst', () => {
    expect(broadcastWindowMs({ size: 3, writer: SEVERAL_WRITERS }, undefined, windows)).toBe(0);
    expect(broadcastWindowMs({ size: 40, writer: SEVERAL_WRITERS }, undefined, windows)).toBe(100);
  });

  it('uses no window when none is configured', () => {
    expect(broadcastWindowMs({ size: 1, writer: phoneA }, phoneB, {})).toBe(0);
    expect(broadcastWindowMs({ size: 40, writer: phoneA }, phoneB, {})).toBe(0);
  });

  it('names the one writer of a batch, or several', () => {
    expect(writerOf([phoneA, phoneA])).toBe(phoneA);
    expect(writerOf([phoneA, phoneB, phoneA])).toBe(SEVERAL_WRITERS);
  });
});

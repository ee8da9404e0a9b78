/**
 * The most recent durations of something the server does often (a board's
 * broadcast), kept in a fixed ring, for /healthz. Counts and times only.
 */
export class RecentTimings {
  private readonly values: Float64Array;
  private next = 0;
  private filled = 0;
  private total = 0;

  constructor(size = 1024) {
    this.values = new Float64Array(size);
  }

  add(ms: number): void {
    this.values[this.next] = ms;
    this.next = (this.next + 1) % this.values.length;
    this.filled = Math.min(this.filled + 1, this.values.length);
    this.total++;
  }

  /** Percentiles over the ring (the last `size` values), rounded to 0.01 ms; null before the first. */
  summary(): { count: number; recent: number; p50Ms: number; p99Ms: number; maxMs: number } | null {
    if (this.filled === 0) return null;
    const sorted = Array.from(this.values.subarray(0, this.filled)).sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
    const round = (x: number) => Math.round(x * 100) / 100;
    return { count: this.total, recent: this.filled, p50Ms: round(at(50)), p99Ms: round(at(99)), maxMs: round(sorted[sorted.length - 1]!) };
  }
}

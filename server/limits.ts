/**
 * Counts failures per key (a client address, an e-mail) in a sliding window.
 * Kept in memory only, never logged or stored (AVG). Successes are not
 * counted, so a whole venue behind one NAT can join; guessing is what is slowed.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  isBlocked(key: string, now = Date.now()): boolean {
    return this.recent(key, now).length >= this.maxFailures;
  }

  recordFailure(key: string, now = Date.now()): void {
    const list = this.recent(key, now);
    list.push(now);
    this.failures.set(key, list);
    this.sweep(now);
  }

  private recent(key: string, now: number): number[] {
    const list = this.failures.get(key);
    if (!list) return [];
    const fresh = list.filter((t) => now - t < this.windowMs);
    if (fresh.length) this.failures.set(key, fresh);
    else this.failures.delete(key);
    return fresh;
  }

  /** Drop stale keys now and then, so memory stays bounded under a scan. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}

/**
 * A token bucket: `ratePerSecond` actions a second on average, bursts up to
 * `burst`. One per socket and per board connection, so one misbehaving phone
 * cannot flood a workshop.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Failures counted per key. One instance counts in memory (FailureLimiter); several count in
 * Redis (server/cluster/redisLimits.ts), so guessing join codes or passwords is slowed the same
 * however a load balancer spreads the attempts.
 */
export interface FailureLimit {
  isBlocked(key: string): boolean | Promise<boolean>;
  recordFailure(key: string): void | Promise<void>;
}

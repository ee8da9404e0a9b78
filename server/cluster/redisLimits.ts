import crypto from 'node:crypto';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { FailureLimit } from '../limits';
import type { ClusterLink } from './clusterLink';

/**
 * Failures per key counted in Redis (`rate-limiter-flexible`), shared by every instance. The key
 * (a client address, an e-mail) is stored only as a keyed hash, never as itself (AVG), and
 * expires with its window. The window is fixed, starting at the first failure, where one
 * instance's FailureLimiter slides: the same number of guesses per window either way.
 */
export function redisFailureLimit(link: ClusterLink, name: string, limit: { maxFailures: number; windowMs: number }): FailureLimit {
  const limiter = new RateLimiterRedis({
    storeClient: link.pub,
    keyPrefix: link.key(`limit:${name}`),
    points: limit.maxFailures,
    duration: Math.max(1, Math.ceil(limit.windowMs / 1000)),
  });
  const hashed = (key: string) => crypto.createHmac('sha256', link.config.keyPrefix).update(key).digest('base64url');
  return {
    async isBlocked(key) {
      const res = await limiter.get(hashed(key));
      return (res?.consumedPoints ?? 0) >= limit.maxFailures;
    },
    async recordFailure(key) {
      await limiter.penalty(hashed(key), 1);
    },
  };
}

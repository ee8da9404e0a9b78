import { randomId } from '../../shared/ids';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/** Several instances share workshops through Redis (docs/operations.md, "Several instances"). */
export interface ClusterConfig {
  /** redis://host:port/db */
  redisUrl: string;
  /** Prefix of every Redis key and channel, so several installations (or test runs) can share one Redis. */
  keyPrefix: string;
  /** How often an instance tells the others it lives, and after how long without it they count it gone, in ms. */
  heartbeatIntervalMs: number;
  heartbeatTimeoutMs: number;
}

import { defaultClusterSettings } from './clusterSettings';

export { defaultClusterSettings };

/** How long a connection to Redis may take before the instance refuses to start, in ms. */
const CONNECT_TIMEOUT_MS = 5_000;

type MessageListener = (channel: string, message: Buffer) => void;

/**
 * This instance's link to the others: one connection for commands and publishing, one for
 * subscriptions (Redis wants them apart). Channels are routed by name to their listeners.
 * After a reconnect the subscriptions are renewed (ioredis does that) and `onReconnect`
 * listeners catch up with what they may have missed meanwhile.
 */
export class ClusterLink {
  /** Tells this instance's own messages apart from the others'. */
  readonly instanceId = randomId(12);
  private readonly listeners = new Map<string, Set<MessageListener>>();
  private readonly reconnectListeners = new Set<() => void>();
  private wasReady = false;
  private lostSinceReady = false;

  private constructor(
    readonly config: ClusterConfig,
    readonly pub: Redis,
    readonly sub: Redis,
    private readonly logger: Logger,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const name = channel.toString();
      for (const listener of this.listeners.get(name) ?? []) listener(name, message);
    });
    const onLost = () => {
      if (this.wasReady && !this.lostSinceReady) logger.error('lost the connection to Redis; reconnecting');
      this.lostSinceReady = this.wasReady;
    };
    sub.on('close', onLost);
    sub.on('ready', () => {
      if (this.lostSinceReady) {
        this.lostSinceReady = false;
        logger.info('reconnected to Redis; catching up');
        for (const listener of this.reconnectListeners) listener();
      }
      this.wasReady = true;
    });
    // ioredis reports errors as events; without a listener they would be thrown.
    pub.on('error', () => {});
    sub.on('error', () => {});
  }

  static async connect(config: ClusterConfig, logger: Logger): Promise<ClusterLink> {
    const open = () =>
      new Redis(config.redisUrl, {
        lazyConnect: true,
        connectTimeout: CONNECT_TIMEOUT_MS,
        // Commands wait while Redis is briefly away, instead of failing at once.
        maxRetriesPerRequest: 20,
        retryStrategy: (times) => Math.min(times * 100, 2_000),
      });
    const pub = open();
    const sub = open();
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (err) {
      pub.disconnect();
      sub.disconnect();
      throw new Error(`Redis is not reachable (REDIS_URL): ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    return new ClusterLink(config, pub, sub, logger);
  }

  /** A key or channel name inside this installation's prefix. */
  key(name: string): string {
    return this.config.keyPrefix + name;
  }

  /** Listen to a channel; resolves once Redis confirmed the subscription. Returns the way out. */
  async listen(channel: string, listener: MessageListener): Promise<() => void> {
    let set = this.listeners.get(channel);
    const first = !set;
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    if (first) await this.sub.subscribe(channel);
    return () => {
      const current = this.listeners.get(channel);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(channel);
      void this.sub.unsubscribe(channel).catch(() => {});
    };
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  publish(channel: string, message: Buffer | string): void {
    this.pub.publish(channel, message).catch((err: unknown) => this.logger.error('publishing to Redis failed', err));
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.pub.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  /**
   * Runs `fn` while no other instance holds the same lock; resolves undefined without running it
   * when another instance holds it. The lock expires after `ttlMs`, so a killed holder cannot
   * block the others for longer.
   */
  async exclusive<T>(name: string, ttlMs: number, fn: () => Promise<T>): Promise<T | undefined> {
    const key = this.key(`lock:${name}`);
    const token = randomId(16);
    if ((await this.pub.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return undefined;
    try {
      return await fn();
    } finally {
      // Release only our own lock (it may have expired and been taken by another instance).
      await this.pub
        .eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, key, token)
        .catch(() => {});
    }
  }

  async close(): Promise<void> {
    this.reconnectListeners.clear();
    this.listeners.clear();
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }
}

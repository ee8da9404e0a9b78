import path from 'node:path';
import type { SiteContact } from '../shared/site';
import type { OidcConfig } from './auth/oidc';
import type { ClusterConfig } from './cluster/clusterLink';

/** Who offers this Regiebord and how it looks (see docs/theming.md). */
export interface SiteConfig {
  /** Shown in the header and the tab title, e.g. "Regiebord Gemeente Voorbeeld". */
  name: string;
  /**
   * Folder of the theme: theme.css (design tokens, light and dark) and optionally
   * logo.svg or logo.png. Served same-origin under /theme/.
   */
  themeDir: string;
  /** Whom to contact about privacy and accessibility; empty fields are left out. */
  contact: SiteContact;
}

/**
 * All server settings in one typed object. Only the entry file (main.ts) reads
 * the environment; everything else gets a ServerConfig passed in.
 */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /**
   * postgres://… selects the PostgreSQL engine (several instances, a managed
   * database); empty keeps the SQLite file in dataDir. See docs/operations.md.
   */
  databaseUrl: string;
  /** Folder with the built client (vite build output). */
  clientDir: string;
  /**
   * Public base URL (for QR codes and invite links), for example
   * https://regiebord.gemeente.nl. When empty, the request's own host is used.
   */
  publicUrl: string;
  /** Extra origins allowed for cookie-authenticated requests and upgrades; the server's own origin is always allowed. */
  allowedOrigins: string[];
  /** Behind a reverse proxy that sets X-Forwarded-*: trust it for protocol and client address. */
  trustProxy: boolean;
  /** Mark cookies Secure. 'auto': when the request came in over HTTPS. */
  secureCookies: 'auto' | boolean;
  sessionTtlMs: number;
  inviteTtlMs: number;
  /** Password hashing cost (scrypt N). Tests lower it; production keeps the default. */
  scryptCost: number;
  joinRateLimit: { maxFailures: number; windowMs: number };
  loginRateLimit: { maxFailures: number; windowMs: number };
  yjs: {
    /** Largest accepted WebSocket frame, in bytes. */
    maxFrameBytes: number;
    /** While several write to a board at once, it broadcasts at most once per this many ms (a lone writer's changes go out at once). */
    batchWindowMs: number;
    /** During a burst (a broadcast merged 16 or more changes), the window for the next broadcast, in ms. */
    burstWindowMs: number;
    /** Compact a document into one snapshot after this many stored updates. */
    compactAfterUpdates: number;
    /** Also compact a board once it has had no change for this long, in ms (0: never), so a crash leaves a short tail. */
    compactWhenQuietMs: number;
    /** Unload a document this long after its last connection closed, in ms. */
    idleUnloadMs: number;
    /** A board loaded from one snapshot is built at the latest this long after its first connection, in ms (sooner once a client was answered). */
    hydrateWithinMs: number;
    /** Largest awareness (presence) state one client may send, in bytes. */
    maxAwarenessBytes: number;
    /** Messages per second one board connection may send on average (a drag sends one per frame), and its burst. */
    messagesPerSecond: number;
    messageBurst: number;
    /** Cards one participant may add to one board (abuse limit; counted while the board is loaded). */
    maxCardsPerParticipant: number;
    /**
     * A board connection sent nothing for this long gets a 3-byte keep-alive, in ms (0: never).
     * The stock y-websocket client closes a socket that received nothing for 30 s.
     */
    keepAliveMs: number;
    /**
     * A card position written without having seen the position the server holds is undone once
     * that position has stood this long, in ms ("newer work wins", server/board/staleWrites.ts).
     */
    staleAfterMs: number;
  };
  socketIo: {
    /** Largest socket.io message, in bytes. */
    maxMessageBytes: number;
    /** Events per second one socket may send on average, and its burst; beyond: RATE_LIMITED. */
    eventsPerSecond: number;
    eventBurst: number;
  };
  /** OpenID Connect single sign-on (OIDC_*); null: off. */
  oidc: OidcConfig | null;
  /** Password accounts (setup, login, invites); LOCAL_ACCOUNTS=false switches them off when OIDC is on. */
  localAccounts: boolean;
  /** Who may read /metrics: a bearer token, or addresses/CIDR ranges (the TCP peer, unproxied). Both empty: nobody. */
  metrics: { token: string; allow: string[] };
  logLevel: 'silent' | 'error' | 'info';
  /** 'json': one JSON object per line (for a log platform); 'pretty': short lines for people. */
  logFormat: 'json' | 'pretty';
  /** Default retention: a workshop is deleted this many days after it took place, unless its facilitator set another date (AVG). Stated on the privacy page. */
  retentionDays: number;
  /** How often the retention job runs, in ms (daily). */
  retentionIntervalMs: number;
  site: SiteConfig;
  /**
   * Several instances serving the same workshops, through Redis (REDIS_URL). Null: this
   * instance alone, and nothing of the cluster code runs (docs/operations.md).
   */
  cluster: ClusterConfig | null;
  /** On SIGTERM, /readyz answers 503 this long before the instance stops accepting, so the load balancer moves on first, in ms. */
  drainDelayMs: number;
}

export const defaultConfig: ServerConfig = {
  port: 3000,
  host: '0.0.0.0',
  dataDir: path.resolve('data'),
  databaseUrl: '',
  clientDir: path.resolve('dist/client'),
  publicUrl: '',
  allowedOrigins: [],
  trustProxy: false,
  secureCookies: 'auto',
  sessionTtlMs: 14 * 24 * 60 * 60 * 1000,
  inviteTtlMs: 7 * 24 * 60 * 60 * 1000,
  scryptCost: 2 ** 15,
  joinRateLimit: { maxFailures: 10, windowMs: 60_000 },
  loginRateLimit: { maxFailures: 10, windowMs: 60_000 },
  yjs: {
    maxFrameBytes: 512 * 1024,
    batchWindowMs: 20,
    burstWindowMs: 100,
    compactAfterUpdates: 500,
    compactWhenQuietMs: 10_000,
    idleUnloadMs: 30_000,
    hydrateWithinMs: 50,
    maxAwarenessBytes: 4 * 1024,
    messagesPerSecond: 120,
    messageBurst: 400,
    maxCardsPerParticipant: 50,
    keepAliveMs: 10_000,
    staleAfterMs: 5_000,
  },
  socketIo: { maxMessageBytes: 64 * 1024, eventsPerSecond: 20, eventBurst: 40 },
  metrics: { token: '', allow: [] },
  oidc: null,
  localAccounts: true,
  logLevel: 'info',
  logFormat: 'json',
  retentionDays: 730,
  retentionIntervalMs: 24 * 60 * 60 * 1000,
  site: {
    name: 'Regiebord',
    themeDir: path.resolve('themes/default'),
    contact: { name: '', email: '', phone: '', url: '' },
  },
  cluster: null,
  drainDelayMs: 0,
};

export type ConfigOverride = Partial<Omit<ServerConfig, 'yjs' | 'socketIo' | 'site'>> & {
  yjs?: Partial<ServerConfig['yjs']>;
  socketIo?: Partial<ServerConfig['socketIo']>;
  site?: Partial<Omit<SiteConfig, 'contact'>> & { contact?: Partial<SiteContact> };
};

export function makeConfig(override: ConfigOverride = {}): ServerConfig {
  return {
    ...defaultConfig,
    ...override,
    yjs: { ...defaultConfig.yjs, ...override.yjs },
    socketIo: { ...defaultConfig.socketIo, ...override.socketIo },
    site: {
      ...defaultConfig.site,
      ...override.site,
      contact: { ...defaultConfig.site.contact, ...override.site?.contact },
    },
  };
}

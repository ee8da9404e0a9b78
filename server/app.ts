import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { CLOSE_CODES } from '../shared/errors';
import { AccessControl, type Principal } from './auth/access';
import type { ErrorCode } from '../shared/errors';
import { createBoardGuard } from './board/boardGuard';
import { ControlStates } from './method/controlStates';
import { makeConfig, type ConfigOverride, type ServerConfig } from './config';
import { createApiRouter } from './http/api';
import { IMPORT_LIMIT, createKnowledgeRouter } from './http/knowledgeApi';
import { createFollowUpRouter } from './http/followUpApi';
import { createProgressPageRouter } from './http/progressPageApi';
import { ActionOwners } from './followUp/actionOwners';
import { PdfOffThread } from './exports/pdfOffThread';
import { BoardRecorder } from './knowledge/boardRecorder';
import { KnowledgeCentre } from './knowledge/knowledgeCentre';
import { WorkshopLifecycle } from './knowledge/lifecycle';
import { HttpError, errorHandler } from './http/errors';
import { observeRequests } from './http/requestLog';
import { createOidcRouter } from './http/oidcApi';
import { createAccountsRouter } from './http/accountsApi';
import type { OidcSignIn } from './auth/oidc';
import { Metrics, metricsHandler } from './ops/metrics';
import { sameOriginWrites, securityHeaders } from './http/security';
import { createLogger, type Logger } from './logger';
import { createControlPlane, type ControlPlane } from './realtime/controlPlane';
import { openStorage } from './storage/open';
import type { Storage } from './storage/storage';
import { WorkshopService } from './workshops';
import { checkTheme, createSiteRouter, themeFiles } from './site/site';
import type { ClusterLink } from './cluster/clusterLink';
import { noClusterEvents } from './cluster/clusterEvents';
import { localRoomBus } from './yjs/roomBus';
import { DocRegistry } from './yjs/docRegistry';
import { RecentTimings } from './yjs/recentTimings';
import { createYjsEndpoint, type YjsEndpoint } from './yjs/wsEndpoint';

export interface Regiebord {
  config: ServerConfig;
  logger: Logger;
  httpServer: http.Server;
  storage: Storage;
  registry: DocRegistry;
  yjs: YjsEndpoint;
  control: ControlPlane;
  /** Finishing, duplicating, retention and deletion of workshops (the retention job runs daily). */
  lifecycle: WorkshopLifecycle;
  /** Starts listening; resolves with the actual port (useful with port 0). */
  listen(): Promise<number>;
  /**
   * Stops accepting, closes every connection, stores and compacts every document, closes storage.
   * With several instances (and on SIGTERM) this drains: /readyz answers 503 first, and clients
   * are closed so that they reconnect, through the load balancer, to another instance.
   */
  close(): Promise<void>;
  /** The link to the other instances (null: this instance alone). */
  cluster: ClusterLink | null;
  /** The worker thread that renders PDF and Word documents, off the event loop of live workshops. */
  documents: PdfOffThread;
  /** The HTTP routes (tests walk its route table: what an owner's link may open). */
  routes: express.Express;
}

const SCREEN_SECRET_KEY = 'screen_token_secret';

export async function createRegiebord(override: ConfigOverride = {}, logger?: Logger): Promise<Regiebord> {
  const config = makeConfig(override);
  checkTheme(config);
  const log = logger ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const storage = await openStorage(config);
  let cluster: ClusterLink | null = null;
  // Loaded only with REDIS_URL: a single instance never holds the Redis packages in memory.
  const clusterParts = config.cluster ? await import('./cluster/clusterParts') : null;
  try {
    cluster = config.cluster && clusterParts ? await clusterParts.ClusterLink.connect(config.cluster, log) : null;
  } catch (err) {
    await storage.close();
    throw err;
  }
  const events = cluster && clusterParts ? await clusterParts.createClusterEvents(cluster) : noClusterEvents;
  const secret = await screenSecret(storage, cluster);
  const access = new AccessControl(storage, secret);
  const workshops = new WorkshopService(storage, access);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  const metrics = new Metrics({
    boardConnections: () => yjs.connections().length,
    controlConnections: () => control.io.engine.clientsCount,
    boardsLoaded: () => registry.loadedCount,
  });
  metrics.instrumentStorage(storage);
  app.use(observeRequests(log, metrics.observeRequest));
  app.get('/metrics', metricsHandler(metrics, config.metrics));
  // Board broadcasts: from applying a batch's first update to its last socket write.
  const broadcastTimings = new RecentTimings();
  // Counts and times only (no names, no content): for monitoring, the soak test's leak check and the bench.
  // Ready for traffic: the database answers (and Redis, with several instances), and not draining.
  let draining = false;
  app.get('/readyz', async (_req, res) => {
    const database = await storage.getMeta(SCREEN_SECRET_KEY).then(
      (v) => v !== undefined,
      () => false,
    );
    const redis = cluster ? await cluster.ping() : undefined;
    const ok = !draining && database && redis !== false;
    res.status(ok ? 200 : 503).json({ ok, draining, database, ...(cluster ? { redis } : {}) });
  });
  app.get('/healthz', (_req, res) => {
    res.json({
      ok: true,
      boardsLoaded: registry.loadedCount,
      boardConnections: yjs.connections().length,
      controlConnections: control.io.engine.clientsCount,
      boardBroadcasts: broadcastTimings.summary(),
    });
  });
  const controls = new ControlStates(
    storage.method,
    cluster ? { shared: true, onChanged: (workshopId) => events.emit({ type: 'control', workshopId }) } : undefined,
  );
  // Bound once the control plane exists: it tells a writer why the board undid its change.
  let tellRefused: (p: Principal, code: ErrorCode) => void = () => {};
  const registry = new DocRegistry(
    storage,
    {
      ...config.yjs,
      onStored: (workshopId) => recorder.schedule(workshopId),
      onBroadcast: (ms) => {
        broadcastTimings.add(ms);
        metrics.observeBroadcast(ms);
      },
      bus: cluster && clusterParts ? clusterParts.createRedisRoomBus(cluster) : localRoomBus,
      // The board's write policy reads the workshop's phase and lock; load them before the first write.
      createGuard: async (workshopId) => {
        await controls.get(workshopId);
        return createBoardGuard({
          control: () => controls.peek(workshopId),
          maxCardsPerParticipant: config.yjs.maxCardsPerParticipant,
          staleAfterMs: config.yjs.staleAfterMs,
          onRefused: (p, code) => tellRefused(p, code),
        });
      },
    },
    log,
  );
  // The knowledge centre's parts; the control plane they tell about changes is created below.
  const recorder = new BoardRecorder(storage, registry, log);
  const pdfs = new PdfOffThread();
  const lifecycle = new WorkshopLifecycle({
    storage,
    controls,
    recorder,
    registry,
    workshops,
    broadcaster: () => control.broadcaster,
    endWorkshop: (id) => control.endWorkshop(id),
    retitle: (id, title) => control.retitle(id, title),
    retentionDays: config.retentionDays,
    logger: log,
  });
  const knowledge = new KnowledgeCentre({
    storage,
    recorder,
    registry,
    lifecycle,
    broadcaster: () => control.broadcaster,
  });
  const owners = new ActionOwners({ storage, lifecycle, broadcaster: () => control.broadcaster });
  // Discovery on the first sign-in (and again after a failed one), so a provider that is down does not stop the server.
  let oidc: Promise<OidcSignIn> | undefined;
  const oidcSignIn = async (): Promise<OidcSignIn | undefined> => {
    if (!config.oidc) return undefined;
    // openid-client is loaded with the first sign-in, not at start (memory of an idle server).
    const oidcConfig = config.oidc;
    oidc ??= import('./auth/oidc').then(({ OidcSignIn }) => OidcSignIn.discover(oidcConfig));
    try {
      return await oidc;
    } catch (err) {
      oidc = undefined;
      log.error('OpenID Connect discovery failed', err);
      throw new HttpError(502, 'OIDC_PROVIDER_ERROR');
    }
  };
  // An imported workshop (JSON export) may be larger than any other request.
  app.use('/api/workshops/import', express.json({ limit: IMPORT_LIMIT }));
  app.use(
    '/api',
    express.json({ limit: '64kb' }),
    sameOriginWrites(config),
    createSiteRouter(config),
    createFollowUpRouter({ access, owners, storage, recorder, renderReport: (report, format, lang) => pdfs.renderProgress(report, format, lang) }),
    createProgressPageRouter({ access, storage, recorder }),
    createKnowledgeRouter({ storage, access, workshops, knowledge, lifecycle, controls, recorder, pdf: (model, lang) => pdfs.render(model, lang) }),
    createOidcRouter({ config, storage, logger: log, oidc: oidcSignIn }),
    createAccountsRouter({ storage, access }),
    createApiRouter({
      config,
      storage,
      access,
      workshops,
      controls,
      ...(cluster && clusterParts
        ? {
            failureLimits: {
              join: clusterParts.redisFailureLimit(cluster, 'join', config.joinRateLimit),
              login: clusterParts.redisFailureLimit(cluster, 'login', config.loginRateLimit),
            },
          }
        : {}),
    }),
  );
  // The municipality's house style: design tokens and logo, from its own server only.
  app.use('/theme', themeFiles(config), (_req, _res, next) => next(new HttpError(404, 'NOT_FOUND')));
  serveClient(app, config.clientDir);
  app.use(errorHandler(log));

  const httpServer = http.createServer(app);
  const yjs = createYjsEndpoint({ config, access, registry, logger: log, onRateLimited: metrics.boardRateLimited });
  const control = createControlPlane({
    httpServer,
    config,
    access,
    storage,
    controls,
    registry,
    yjs,
    logger: log,
    openProposals: async (workshopId) => {
      const workshop = await storage.findWorkshop(workshopId);
      return workshop ? knowledge.openProposalsFor(workshop) : [];
    },
    ...(cluster && clusterParts ? { cluster: { adapter: clusterParts.createSocketIoAdapter(cluster), events } } : {}),
  });
  // What the other instances tell about state this one keeps in memory.
  events.on((event) => {
    if (event.type !== 'deleted') return;
    recorder.forget(event.workshopId);
    controls.forget(event.workshopId);
    void registry.discard(event.workshopId, CLOSE_CODES.WORKSHOP_DELETED, 'workshop deleted');
  });
  events.onReconnect(() => void controls.refreshAll().catch((err: unknown) => log.error('reading control states again failed', err)));
  tellRefused = control.tellRefused;
  metrics.instrumentControlPlane(control.io);
  httpServer.on('upgrade', (req, socket, head) => {
    if (yjs.handleUpgrade(req, socket, head)) return;
    // socket.io handles its own path; anything else is not ours.
    if (!req.url?.startsWith('/socket.io/')) socket.destroy();
  });

  lifecycle.startRetentionJob(config.retentionIntervalMs);

  let closing: Promise<void> | undefined;
  return {
    config,
    logger: log,
    httpServer,
    storage,
    registry,
    yjs,
    control,
    lifecycle,
    cluster,
    documents: pdfs,
    routes: app,
    listen() {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject);
          resolve((httpServer.address() as AddressInfo).port);
        });
      });
    },
    close() {
      closing ??= (async () => {
        // Draining: the load balancer sees /readyz fail and sends new connections elsewhere.
        draining = true;
        if (config.drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.drainDelayMs));
        // Stop accepting, close every realtime connection, store every board, then the database.
        httpServer.close();
        lifecycle.stop();
        await registry.closeAll(CLOSE_CODES.SERVER_SHUTDOWN, 'server shutting down');
        await recorder.close();
        await pdfs.close();
        yjs.close();
        const stopped = control.close();
        httpServer.closeAllConnections();
        await stopped;
        await storage.close();
        await cluster?.close();
      })();
      return closing;
    },
  };
}

/**
 * The secret that signs shared-screen links, made once per installation. Several instances
 * starting together agree on one: whoever holds the lock makes it, the others read it.
 */
async function screenSecret(storage: Storage, cluster: ClusterLink | null): Promise<string> {
  const make = async () => {
    const stored = await storage.getMeta(SCREEN_SECRET_KEY);
    if (stored) return stored;
    const secret = crypto.randomBytes(32).toString('base64url');
    await storage.setMeta(SCREEN_SECRET_KEY, secret);
    return secret;
  };
  if (!cluster) return make();
  for (let attempt = 0; attempt < 100; attempt++) {
    const secret = (await storage.getMeta(SCREEN_SECRET_KEY)) ?? (await cluster.exclusive('screen-secret', 10_000, make));
    if (secret) return secret;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the screen link secret could not be made (another instance holds the lock)');
}

/** The built client: hashed assets cached for a year, every other path gets the app shell. */
function serveClient(app: express.Express, clientDir: string): void {
  const indexFile = path.join(clientDir, 'index.html');
  app.use(
    '/assets',
    express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  // The service worker must be checked for a new version on every visit (a deploy updates it).
  app.get('/sw.js', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });
  app.use(express.static(clientDir, { index: false }));
  app.get('/{*path}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/yjs/')) return next(new HttpError(404, 'NOT_FOUND'));
    if (!fs.existsSync(indexFile)) {
      res.status(503).type('text/plain').send('Regiebord: de client is niet gebouwd. Voer `npm run build` uit.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
}

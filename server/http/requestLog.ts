import crypto from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger';

/** One finished HTTP request, as logs and metrics see it: no URL, no query, no address. */
export interface RequestSample {
  requestId: string;
  method: string;
  /** The Express route pattern (`/api/workshops/:id`), or a fixed name for what no route handled. */
  route: string;
  status: number;
  seconds: number;
}

/** A request id from the ingress is kept if it looks like one (so lines can be followed across systems). */
const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;
/** Probes and scrapes come every few seconds; they are counted in the metrics, not logged. */
const QUIET_ROUTES = new Set(['/healthz', '/metrics']);

/**
 * The route pattern that handled the request, never the URL itself: URLs carry workshop ids,
 * invite and join tokens and query strings. What no route handled gets a fixed name, which also
 * keeps the metrics' label set small.
 */
export function routeOf(req: Request): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') {
    // After an error left the router, Express has already restored baseUrl to the app's ('').
    const mount = req.baseUrl || (req.originalUrl.startsWith('/api/') ? '/api' : '');
    return `${mount}${pattern}`;
  }
  if (req.originalUrl.startsWith('/assets/')) return '/assets/*';
  if (req.originalUrl.startsWith('/theme/')) return '/theme/*';
  if (req.originalUrl.startsWith('/api/')) return '/api/*';
  return 'static';
}

export function requestIdOf(res: Response): string | undefined {
  const id: unknown = res.locals.requestId;
  return typeof id === 'string' ? id : undefined;
}

/** Gives every request an id (answered in X-Request-Id), and logs and reports it once it is finished. */
export function observeRequests(logger: Logger, onFinished?: (sample: RequestSample) => void): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const incoming = req.get('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : crypto.randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const sample: RequestSample = {
        requestId,
        method: req.method,
        route: routeOf(req),
        status: res.statusCode,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      };
      onFinished?.(sample);
      if (QUIET_ROUTES.has(sample.route)) return;
      logger.info('request', {
        requestId,
        method: sample.method,
        route: sample.route,
        status: sample.status,
        ms: Math.round(sample.seconds * 10_000) / 10,
      });
    });
    next();
  };
}

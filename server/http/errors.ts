import type { ErrorRequestHandler, Request } from 'express';
import type { z } from 'zod';
import { errorBody, type ErrorCode, type Language } from '../../shared/errors';
import type { Logger } from '../logger';
import { requestIdOf, routeOf } from './requestLog';

/** The one error type of the HTTP layer; the error handler below turns it into `{error: {code, message}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(code);
  }
}

export function languageOf(req: Request): Language {
  return /^en\b/i.test(req.get('accept-language') ?? '') ? 'en' : 'nl';
}

/** Validate a body at the boundary; inside, the types can be trusted. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first?.path.length ? first.path.join('.') : undefined;
    throw new HttpError(400, 'INVALID_PAYLOAD', where);
  }
  return result.data;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const lang = languageOf(req);
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: errorBody(err.code, lang, err.detail) });
      return;
    }
    // body-parser errors: malformed JSON, too large, wrong charset.
    const status = typeof err === 'object' && err && 'status' in err ? Number(err.status) : 500;
    if (status === 413) {
      res.status(413).json({ error: errorBody('PAYLOAD_TOO_LARGE', lang) });
      return;
    }
    if (status >= 400 && status < 500) {
      res.status(400).json({ error: errorBody('INVALID_PAYLOAD', lang) });
      return;
    }
    // The route pattern, not the path: paths carry ids and tokens.
    logger.error('request failed', err, { requestId: requestIdOf(res), method: req.method, route: routeOf(req) });
    res.status(500).json({ error: errorBody('INTERNAL', lang) });
  };
}

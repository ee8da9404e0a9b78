import type { RequestHandler } from 'express';
import type { ServerConfig } from '../config';
import { isOriginAllowed } from '../auth/origin';
import { HttpError } from './errors';

/**
 * Headers for every response. The CSP names no external origin at all:
 * Regiebord loads nothing from anywhere but itself (no CDN, fonts, analytics).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    // Tokens travel in URL fragments and query strings of our own pages; never leak them onwards.
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}

/**
 * Refuse state-changing requests from foreign origins (CSRF defence in depth,
 * next to SameSite cookies and JSON-only bodies).
 */
export function sameOriginWrites(config: ServerConfig): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const origin = req.get('origin');
    if (origin && !isOriginAllowed(origin, req.get('host'), config)) {
      return next(new HttpError(403, 'FORBIDDEN_ORIGIN'));
    }
    next();
  };
}

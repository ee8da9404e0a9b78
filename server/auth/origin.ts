import type { ServerConfig } from '../config';

/**
 * Is a browser Origin allowed for cookie-authenticated requests and upgrades?
 * The server's own origin (same host as the request) is always allowed; more
 * can be configured (ALLOWED_ORIGINS), as can the public URL.
 */
export function isOriginAllowed(origin: string, hostHeader: string | undefined, config: ServerConfig): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (hostHeader && parsed.host === hostHeader) return true;
  if (config.publicUrl && safeOrigin(config.publicUrl) === parsed.origin) return true;
  return config.allowedOrigins.some((o) => safeOrigin(o) === parsed.origin);
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * For cookie-authenticated requests: did our own page send this? Browsers send
 * Origin on WebSocket upgrades and cross-origin requests; a same-origin GET
 * (socket.io's long-polling) carries none, but says `Sec-Fetch-Site: same-origin`.
 * Anything else (no Origin and no such header) is refused.
 */
export function isSameSiteBrowserRequest(
  headers: Record<string, string | string[] | undefined>,
  config: ServerConfig,
): boolean {
  const origin = headers.origin;
  const host = typeof headers.host === 'string' ? headers.host : undefined;
  if (typeof origin === 'string') return isOriginAllowed(origin, host, config);
  return headers['sec-fetch-site'] === 'same-origin';
}

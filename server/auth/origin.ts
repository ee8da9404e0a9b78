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

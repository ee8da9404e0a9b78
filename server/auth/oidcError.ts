import type { ErrorCode } from '../../shared/errors';

/**
 * A refusal with a named error code; the callback answers with it and starts no session. Apart
 * from oidc.ts so the routes can name it without loading openid-client before the first sign-in.
 */
export class OidcError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    detail: string,
  ) {
    super(detail);
  }
}


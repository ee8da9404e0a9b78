/**
 * OpenID Connect sign-in (openid-client): authorization code flow with PKCE, state and nonce; the
 * ID token is validated by openid-client (signature against the provider's keys from discovery,
 * issuer, audience, expiry, nonce). The account key is issuer + `sub`, never the e-mail address.
 */
import * as client from 'openid-client';
import { OidcError } from './oidcError';
import { RETURN_PATH } from '../../shared/protocol';
import type { AccountRole, OidcIdentity } from '../storage/storage';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: https://regiebord.gemeente.nl/api/auth/oidc/callback */
  redirectUrl: string;
  /** For the button: "Inloggen met <organisationName>". */
  organisationName: string;
  /** The ID token claim that lists the person's groups (Entra ID, Keycloak: `groups`). */
  groupsClaim: string;
  /** Only members of one of these groups may sign in; empty: everyone the provider signs in. */
  allowedGroups: string[];
  facilitatorGroups: string[];
  /** The action group and the stuurgroep: read the knowledge centre and the tracker. */
  memberGroups: string[];
  adminGroups: string[];
  /** Where the provider sends the browser after RP-initiated logout; empty: the site's root. */
  postLogoutRedirectUrl: string;
  /**
   * How long a session started at the provider lasts, in hours (OIDC_SESSION_HOURS; default
   * DEFAULT_OIDC_SESSION_HOURS in server/http/oidcApi.ts, a working day). Then the person signs in at the provider again,
   * mostly without typing anything, and a change of groups or an account removed there counts.
   */
  sessionHours?: number;
  /**
   * Send the session's ID token as id_token_hint at logout (OIDC_LOGOUT_ID_TOKEN_HINT; default on).
   * Off: no ID token is kept, and the provider may ask the person to confirm the logout.
   */
  logoutIdTokenHint?: boolean;
  /** Tests only: a provider on http://127.0.0.1. */
  allowInsecureHttp?: boolean;
}

/** One sign-in under way: kept on the server, found through a random cookie (10 minutes). */
interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
  /** One of our own pages to land on afterwards (checked against RETURN_PATH before it is kept). */
  returnTo: string | undefined;
}

const FLOW_TTL_MS = 10 * 60 * 1000;
const MAX_FLOWS = 10_000;

/** Roles from the groups claim, or null when the person is not allowed in. Pure. */
export function rolesFromGroups(groups: string[], config: OidcConfig): AccountRole[] | null {
  const inAny = (list: string[]) => list.some((g) => groups.includes(g));
  if (config.allowedGroups.length > 0 && !inAny(config.allowedGroups)) return null;
  const mapped = config.facilitatorGroups.length + config.memberGroups.length + config.adminGroups.length > 0;
  // Without role groups every allowed person facilitates (a small municipality's simple setup).
  if (!mapped) return ['facilitator'];
  const roles: AccountRole[] = [];
  if (inAny(config.facilitatorGroups)) roles.push('facilitator');
  if (inAny(config.memberGroups)) roles.push('member');
  if (inAny(config.adminGroups)) roles.push('admin');
  return roles.length > 0 ? roles : null;
}

function groupsOf(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  return typeof value === 'string' ? [value] : [];
}

export { OidcError };

export class OidcSignIn {
  private readonly flows = new Map<string, Flow>();

  private constructor(
    readonly config: OidcConfig,
    private readonly provider: client.Configuration,
  ) {}

  /** Discovery from the issuer URL (its /.well-known/openid-configuration). */
  static async discover(config: OidcConfig): Promise<OidcSignIn> {
    const provider = await client.discovery(
      new URL(config.issuer),
      config.clientId,
      config.clientSecret,
      undefined,
      // openid-client checks an ID token from the token endpoint against TLS alone unless told to
      // check its signature too (OIDC Core 3.1.3.7 allows that). We want the signature checked
      // against the provider's published keys: a forged token must never sign anyone in.
      { execute: [client.enableNonRepudiationChecks, ...(config.allowInsecureHttp ? [client.allowInsecureRequests] : [])] },
    );
    return new OidcSignIn(config, provider);
  }

  /** The provider's authorization URL, and the flow id for a short-lived cookie. */
  async start(returnTo?: string): Promise<{ url: string; flowId: string }> {
    const now = Date.now();
    for (const [id, f] of this.flows) if (f.expiresAt <= now) this.flows.delete(id);
    if (this.flows.size >= MAX_FLOWS) throw new OidcError('RATE_LIMITED', 429, 'too many sign-ins under way');
    const flow: Flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      expiresAt: now + FLOW_TTL_MS,
      returnTo: returnTo && RETURN_PATH.test(returnTo) ? returnTo : undefined,
    };
    const flowId = client.randomState();
    this.flows.set(flowId, flow);
    const url = client.buildAuthorizationUrl(this.provider, {
      redirect_uri: this.config.redirectUrl,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, flowId };
  }

  /** Validates the callback and returns who signed in; throws OidcError otherwise. A flow is used once. */
  async finish(callbackUrl: URL, flowId: string | undefined): Promise<{ identity: OidcIdentity; idToken: string; returnTo: string | undefined }> {
    const flow = flowId ? this.flows.get(flowId) : undefined;
    if (flowId) this.flows.delete(flowId);
    if (!flow || flow.expiresAt <= Date.now()) throw new OidcError('OIDC_STATE_INVALID', 400, 'no sign-in under way in this browser');
    if (callbackUrl.searchParams.get('state') !== flow.state) throw new OidcError('OIDC_STATE_INVALID', 400, 'state does not match');
    let claims: client.IDToken | undefined;
    let idToken: string | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(this.provider, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      idToken = tokens.id_token;
    } catch (err) {
      throw classify(err);
    }
    if (!claims || !idToken) throw new OidcError('OIDC_ID_TOKEN_INVALID', 401, 'no ID token');
    const roles = rolesFromGroups(groupsOf(claims, this.config.groupsClaim), this.config);
    if (!roles) throw new OidcError('OIDC_NOT_ALLOWED', 403, 'not in an allowed group');
    const email = typeof claims.email === 'string' ? claims.email : typeof claims.preferred_username === 'string' ? claims.preferred_username : '';
    if (!email) throw new OidcError('OIDC_ID_TOKEN_INVALID', 401, 'no email or preferred_username claim');
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
    return {
      identity: { issuer: claims.iss, subject: claims.sub, name: name.slice(0, 200), email: email.slice(0, 320), roles },
      idToken,
      returnTo: flow.returnTo,
    };
  }

  /**
   * RP-initiated logout at the provider, where it offers it (end_session_endpoint); else undefined.
   * With the session's ID token as id_token_hint the provider knows whose session to end and that
   * we asked (Keycloak, for one, asks the person to confirm without it).
   */
  logoutUrl(fallbackRedirect: string, idToken: string | undefined): string | undefined {
    if (!this.provider.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(this.provider, {
      client_id: this.config.clientId,
      post_logout_redirect_uri: this.config.postLogoutRedirectUrl || fallbackRedirect,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).href;
  }
}

/** openid-client's errors, named: the provider refused the code, or the ID token did not validate. */
function classify(err: unknown): OidcError {
  type Cause = { message?: unknown; claim?: unknown; cause?: Cause };
  const e = err as { name?: string; code?: string; error?: string; message?: string; cause?: Cause };
  // openid-client wraps the check that failed (oauth4webapi's error, whose message names the claim
  // or the signature). Only that message and the claim's name are kept, never a claim's value or
  // the other claims: they hold personal data.
  const inner = typeof e.cause?.message === 'string' ? e.cause.message : '';
  const claimOf = (c: Cause | undefined): string => (typeof c?.claim === 'string' ? `claim=${c.claim}` : '');
  const detail = [e.name ?? 'Error', e.code, e.error, e.message, inner, claimOf(e.cause) || claimOf(e.cause?.cause)].filter(Boolean).join(' ');
  if (e.error === 'invalid_grant') return new OidcError('OIDC_CODE_INVALID', 401, detail);
  if (e.name === 'ResponseBodyError' || e.name === 'AuthorizationResponseError') return new OidcError('OIDC_CODE_INVALID', 401, detail);
  if (e.code === 'OAUTH_INVALID_RESPONSE' && /state/i.test(e.message ?? '')) return new OidcError('OIDC_STATE_INVALID', 400, detail);
  if (e.name === 'TypeError' || e.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || e.code === 'OAUTH_HTTP_REQUEST_FORBIDDEN') {
    return new OidcError('OIDC_PROVIDER_ERROR', 502, detail);
  }
  return new OidcError('OIDC_ID_TOKEN_INVALID', 401, detail);
}

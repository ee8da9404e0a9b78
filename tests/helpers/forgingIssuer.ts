import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

/**
 * A small OpenID issuer on port 0 that hands out ID tokens the certified provider (oidc-provider)
 * would never sign: expired, signed with a key outside its JWKS, for another audience. Everything
 * else is honest and real HTTP — discovery, JWKS, authorization redirect, a token endpoint that
 * checks the client secret and the PKCE verifier — so a refusal can only come from the forgery.
 * `forgery: 'none'` gives a valid token (the control that proves the harness signs people in).
 */
export type Forgery = 'none' | 'expired' | 'foreign-key' | 'wrong-audience' | 'wrong-issuer' | 'wrong-nonce' | 'unsigned';

export interface ForgingIssuer {
  issuer: string;
  /** What the next token response holds. */
  forgery: Forgery;
  /** The claims of the person the next token names. */
  person: { sub: string; name: string; email: string; groups: string[] };
  /** Token requests seen, with the outcome of the issuer's own checks (secret, PKCE). */
  tokenRequests: { clientOk: boolean; pkceOk: boolean }[];
  close(): Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  nonce: string;
  codeChallenge: string;
}

const KEY_ID = 'forging-issuer-key';

export async function startForgingIssuer(client: { id: string; secret: string }): Promise<ForgingIssuer> {
  const key = await generateKeyPair('RS256', { extractable: true });
  // Another key under the same kid: a token it signs looks right but does not verify.
  const foreignKey = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(key.publicKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, PendingCode>();
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const state: ForgingIssuer = {
    issuer,
    forgery: 'none',
    person: { sub: 'forged-sub', name: 'Gerrit Gesmeed', email: 'gerrit@lochem.nl', groups: ['regiebord', 'begeleiders'] },
    tokenRequests: [],
    close: () => new Promise<void>((r) => server.close(() => r())),
  };

  async function idToken(code: PendingCode): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const f = state.forgery;
    const claims = {
      ...state.person,
      nonce: f === 'wrong-nonce' ? 'a-nonce-from-another-sign-in' : code.nonce,
    };
    // A token that expired an hour ago: far beyond any clock tolerance.
    const [iat, exp] = f === 'expired' ? [now - 7200, now - 3600] : [now, now + 300];
    if (f === 'unsigned') {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: issuer, aud: code.clientId, iat, exp })}.`;
    }
    const signingKey: CryptoKey = f === 'foreign-key' ? foreignKey.privateKey : key.privateKey;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
      .setIssuer(f === 'wrong-issuer' ? 'https://login.elders.example' : issuer)
      .setAudience(f === 'wrong-audience' ? 'another-client' : code.clientId)
      .setSubject(state.person.sub)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(signingKey);
  }

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      // No end_session_endpoint: this issuer offers no RP-initiated logout.
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      });
    }
    if (url.pathname === '/jwks') return json(res, 200, { keys: [publicJwk] });
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      if (p.get('client_id') !== client.id || p.get('code_challenge_method') !== 'S256') return json(res, 400, { error: 'invalid_request' });
      const code = randomBytes(16).toString('base64url');
      codes.set(code, { clientId: client.id, redirectUri: p.get('redirect_uri') ?? '', nonce: p.get('nonce') ?? '', codeChallenge: p.get('code_challenge') ?? '' });
      const back = new URL(p.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      return void res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        void (async () => {
          const form = new URLSearchParams(raw);
          const basic = req.headers.authorization?.startsWith('Basic ')
            ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString().split(':').map(decodeURIComponent)
            : [form.get('client_id'), form.get('client_secret')];
          const clientOk = basic[0] === client.id && basic[1] === client.secret;
          const pending = codes.get(form.get('code') ?? '');
          codes.delete(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          const pkceOk = !!pending && createHash('sha256').update(verifier).digest('base64url') === pending.codeChallenge;
          state.tokenRequests.push({ clientOk, pkceOk });
          if (!clientOk) return json(res, 401, { error: 'invalid_client' });
          if (!pending || !pkceOk || form.get('redirect_uri') !== pending.redirectUri) return json(res, 400, { error: 'invalid_grant' });
          json(res, 200, { access_token: randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: 300, id_token: await idToken(pending) });
        })();
      });
      return;
    }
    json(res, 404, { error: 'not_found' });
  });
  return state;
}

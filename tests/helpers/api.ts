import type { JoinResult, WorkshopDetail } from '../../shared/protocol';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * fetch, retried once when a pooled keep-alive socket turns out to be closed
 * before any answer (it happens right after a server restart, as in a browser).
 */
async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    if (cause?.code !== 'UND_ERR_SOCKET') throw err;
    return fetch(url, init);
  }
}

/** A small HTTP client with a cookie jar, like one browser. */
export class ApiClient {
  cookie = '';

  constructor(
    readonly baseUrl: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetchOnce(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.extraHeaders,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
}

export const FACILITATOR = { name: 'Fenna Begeleider', email: 'fenna@lochem.nl', password: 'correct-horse-battery' };

/** Set up the first account (or log in when it exists) and return a logged-in client. */
export async function facilitatorClient(baseUrl: string, who = FACILITATOR): Promise<ApiClient> {
  const api = new ApiClient(baseUrl);
  const setup = await api.post('/api/setup', who);
  if (setup.status !== 201) {
    const login = await api.post('/api/login', { email: who.email, password: who.password });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  }
  return api;
}

export async function createWorkshop(api: ApiClient, title = 'Werksessie Lochem'): Promise<WorkshopDetail> {
  const res = await api.post<WorkshopDetail>('/api/workshops', { title });
  if (res.status !== 201) throw new Error(`create workshop failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function join(baseUrl: string, code: string, name = ''): Promise<JoinResult> {
  const res = await new ApiClient(baseUrl).post<JoinResult>('/api/join', { code, name });
  if (res.status !== 200) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

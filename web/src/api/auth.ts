/**
 * Sign-in, refresh and sign-out against /api/v1/auth/*. These calls use plain fetch (not the typed client) so the
 * client's middleware never recurses into itself.
 */
import { tokens, type TokenResponse } from './tokens';
import { ApiProblem, readProblem } from './problem';

/** Absolute URL on the page's own origin (the API serves the SPA, and the dev server proxies /api). */
export const apiUrl = (path: string) => new URL(path, globalThis.location.origin).toString();

async function postJson(path: string, body: unknown, bearer?: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  return globalThis.fetch(apiUrl(path), { method: 'POST', headers, body: JSON.stringify(body) });
}

export async function signIn(username: string, password: string): Promise<TokenResponse> {
  const response = await postJson('/api/v1/auth/token', { username, password });
  if (!response.ok) throw await readProblem(response);
  const pair = (await response.json()) as TokenResponse;
  tokens.store(pair);
  return pair;
}

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the stored refresh token for a new pair, once at a time. Refresh tokens rotate and a reused one revokes
 * the whole sign-in, so concurrent callers share one exchange, and tabs of the same browser take turns through a
 * Web Lock, each reading the newest token after the lock is theirs. Resolves false (and signs out) when the
 * server refuses it.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= withLock(exchange).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function exchange(): Promise<boolean> {
  const refreshToken = tokens.refresh;
  if (!refreshToken) {
    tokens.clear();
    return false;
  }
  let response: Response;
  try {
    response = await postJson('/api/v1/auth/refresh', { refreshToken });
  } catch {
    // Network trouble is not a verdict on the session: keep the refresh token for the next try.
    return false;
  }
  if (!response.ok) {
    if (response.status === 400 || response.status === 401) tokens.clear();
    return false;
  }
  tokens.store((await response.json()) as TokenResponse);
  return true;
}

function withLock(work: () => Promise<boolean>): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks?.request ? locks.request('crm.auth.refresh', () => work()).then((r) => r) : work();
}

/** Revokes the refresh token on the server (best effort) and forgets the session locally. */
export async function signOut(): Promise<void> {
  const refreshToken = tokens.refresh;
  const access = tokens.access;
  tokens.clear();
  if (refreshToken && access) {
    try {
      await postJson('/api/v1/auth/logout', { refreshToken }, access);
    } catch {
      /* already signed out locally */
    }
  }
}

export { ApiProblem };

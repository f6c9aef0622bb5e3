/**
 * The typed API client (openapi-fetch over the generated schema) and its TanStack Query binding.
 * The middleware adds the bearer token, refreshes the session once on a 401 and retries the request, and signs out
 * when the refresh fails.
 */
import createFetchClient, { type Middleware } from 'openapi-fetch';
import createQueryClient from 'openapi-react-query';
import type { paths } from './schema';
import { tokens } from './tokens';
import { refreshSession } from './auth';

/** Request copies kept until the answer is known, so a 401 can be retried with the same body. */
const pending = new WeakMap<Request, Request>();

function withBearer(request: Request, token: string | null): Request {
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}

export const authMiddleware: Middleware = {
  async onRequest({ request }) {
    // After a page refresh only the refresh token exists: exchange it before the first call.
    if (tokens.accessExpiring() && tokens.refresh) await refreshSession();
    withBearer(request, tokens.access);
    pending.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    const copy = pending.get(request);
    pending.delete(request);
    if (response.status !== 401 || !copy || !tokens.refresh) return undefined;
    const refreshed = await refreshSession();
    if (!refreshed) return undefined; // signed out: the 401 stands and the app shows the login page
    return globalThis.fetch(withBearer(copy, tokens.access));
  },
};

/** Every error answer carries a numeric `status`, so callers can tell 404 from 412 without the Response. */
export const problemMiddleware: Middleware = {
  async onResponse({ response }) {
    if (response.ok) return undefined;
    let body: unknown = null;
    try {
      body = JSON.parse(await response.clone().text());
    } catch {
      /* not JSON */
    }
    if (body && typeof body === 'object' && typeof (body as { status?: unknown }).status === 'number') return undefined;
    const problem = { ...(body && typeof body === 'object' ? body : {}), status: response.status, title: response.statusText };
    return new Response(JSON.stringify(problem), {
      status: response.status,
      statusText: response.statusText,
      headers: { 'Content-Type': 'application/problem+json' },
    });
  },
};

export const api = createFetchClient<paths>({
  baseUrl: globalThis.location.origin,
  // Looked up on every call (not captured once), so test doubles such as msw see the requests.
  fetch: (request) => globalThis.fetch(request),
  headers: { Accept: 'application/json' },
});
// onResponse handlers run last-registered first: the 401 retry happens before the problem body is normalised.
api.use(problemMiddleware, authMiddleware);

export const $api = createQueryClient(api);

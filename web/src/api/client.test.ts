import { http, HttpResponse } from 'msw';
import { server } from '../test/server';
import { meSales, problem, tokenPair } from '../test/fixtures';
import { api } from './client';
import { REFRESH_TOKEN_KEY, tokens } from './tokens';

describe('API client middleware', () => {
  it('sends the access token as a bearer token', async () => {
    tokens.store(tokenPair(1));
    let seen: string | null = null;
    server.use(http.get('*/api/v1/me', ({ request }) => {
      seen = request.headers.get('Authorization');
      return HttpResponse.json(meSales);
    }));

    const { data } = await api.GET('/api/v1/me');

    expect(seen).toBe('Bearer access-1');
    expect(data?.username).toBe('east.sales1');
  });

  it('on a 401 refreshes once, stores the new pair and retries the request with its body', async () => {
    tokens.store(tokenPair(1));
    const refreshBodies: unknown[] = [];
    const attempts: { auth: string | null; body: unknown }[] = [];
    server.use(
      http.post('*/api/v1/auth/refresh', async ({ request }) => {
        refreshBodies.push(await request.json());
        return HttpResponse.json(tokenPair(2));
      }),
      http.post('*/api/v1/access/requests', async ({ request }) => {
        const auth = request.headers.get('Authorization');
        attempts.push({ auth, body: await request.json() });
        if (auth !== 'Bearer access-2') return HttpResponse.json(problem(401, '令牌已过期'), { status: 401 });
        return HttpResponse.json({ id: 1 }, { status: 201 });
      }),
    );

    const result = await api.POST('/api/v1/access/requests', { body: { customerId: 7, reason: '投标', days: 3 } });

    expect(result.response.status).toBe(201);
    expect(refreshBodies).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(attempts.map((a) => a.auth)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(attempts[1].body).toEqual({ customerId: 7, reason: '投标', days: 3 });
    expect(tokens.access).toBe('access-2');
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');
  });

  it('shares one refresh between concurrent 401s (refresh tokens are single-use)', async () => {
    tokens.store(tokenPair(1));
    let refreshes = 0;
    server.use(
      http.post('*/api/v1/auth/refresh', async () => {
        refreshes++;
        await new Promise((r) => setTimeout(r, 20));
        return HttpResponse.json(tokenPair(2));
      }),
      http.get('*/api/v1/me', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer access-2'
          ? HttpResponse.json(meSales)
          : HttpResponse.json(problem(401, 'expired'), { status: 401 }),
      ),
    );

    const results = await Promise.all([api.GET('/api/v1/me'), api.GET('/api/v1/me'), api.GET('/api/v1/me')]);

    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200]);
    expect(refreshes).toBe(1);
  });

  it('signs out when the refresh is refused, and the 401 stands', async () => {
    tokens.store(tokenPair(1));
    const signedOut = vi.fn();
    tokens.subscribe((now) => !now && signedOut());
    server.use(http.get('*/api/v1/me', () => HttpResponse.json(problem(401, 'expired'), { status: 401 })));

    const { error, response } = await api.GET('/api/v1/me');

    expect(response.status).toBe(401);
    expect(error).toMatchObject({ status: 401 });
    expect(tokens.access).toBeNull();
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(signedOut).toHaveBeenCalled();
  });

  it('after a page reload (only the refresh token is left) exchanges it before the first call', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-7');
    server.use(
      http.post('*/api/v1/auth/refresh', () => HttpResponse.json(tokenPair(8))),
      http.get('*/api/v1/me', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer access-8' ? HttpResponse.json(meSales) : HttpResponse.json(problem(401, 'no'), { status: 401 }),
      ),
    );

    const { data } = await api.GET('/api/v1/me');

    expect(data?.displayName).toBe('张伟');
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-8');
  });

  it('gives every error answer a numeric status, even without a problem body', async () => {
    tokens.store(tokenPair(1));
    server.use(http.get('*/api/v1/customers/{id}'.replace('{id}', ':id'), () => new HttpResponse('gateway down', { status: 502 })));

    const { error } = await api.GET('/api/v1/customers/{id}', { params: { path: { id: 1 } } });

    expect(error).toMatchObject({ status: 502 });
  });
});

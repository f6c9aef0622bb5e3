import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { REFRESH_TOKEN_KEY, tokens } from '../../api/tokens';
import { meSales, problem, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

describe('login and session', () => {
  it('a visitor without a session is sent to the login page, signs in and lands where they wanted to go', async () => {
    const bodies: unknown[] = [];
    server.use(http.post('*/api/v1/auth/token', async ({ request }) => {
      bodies.push(await request.json());
      return HttpResponse.json(tokenPair(1));
    }));
    renderApp('/customers?grade=A', { signedIn: false });

    const user = userEvent.setup({ delay: null });
    await user.type(await screen.findByLabelText('用户名'), 'east.sales1');
    await user.type(screen.getByLabelText('密码'), 'Crm@demo2026');
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { name: '客户档案' })).toBeInTheDocument();
    expect(bodies).toEqual([{ username: 'east.sales1', password: 'Crm@demo2026' }]);
    expect(tokens.access).toBe('access-1');
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
  });

  it('right after the token, asks for the person and the list\'s first page together, and the list uses that answer', async () => {
    const events: string[] = [];
    const lists: string[] = [];
    server.use(
      http.post('*/api/v1/auth/token', () => HttpResponse.json(tokenPair(1))),
      http.get('*/api/v1/me', async () => {
        events.push('me asked');
        await delay(300);
        events.push('me answered');
        return HttpResponse.json(meSales);
      }),
      http.get('*/api/v1/customers', ({ request }) => {
        events.push('list asked');
        lists.push(new URL(request.url).searchParams.get('grade') ?? '');
        return HttpResponse.json({ items: [], page: 1, pageSize: 20, total: 0, totalIsCapped: false });
      }),
    );
    renderApp('/customers?grade=A', { signedIn: false });

    const user = userEvent.setup({ delay: null });
    await user.type(await screen.findByLabelText('用户名'), 'east.sales1');
    await user.type(screen.getByLabelText('密码'), 'Crm@demo2026');
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { name: '客户档案' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(events.indexOf('list asked')).toBeGreaterThan(-1);
    expect(events.indexOf('list asked')).toBeLessThan(events.indexOf('me answered'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(lists).toEqual(['A']); // the page found the prefetched answer and did not ask again
  }, 30_000);

  it('shows the server\'s message on a wrong password and stays on the form', async () => {
    server.use(http.post('*/api/v1/auth/token', () => HttpResponse.json(problem(401, '用户名或密码错误。'), { status: 401 })));
    renderApp('/', { signedIn: false });

    const user = userEvent.setup({ delay: null });
    await user.type(await screen.findByLabelText('用户名'), 'east.sales1');
    await user.type(screen.getByLabelText('密码'), 'nope');
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));

    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误。');
    expect(tokens.hasSession).toBe(false);
  });

  it('a page refresh keeps the session: the stored refresh token brings the access token back', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-5');
    server.use(http.post('*/api/v1/auth/refresh', () => HttpResponse.json(tokenPair(6))));
    renderApp('/customers', { signedIn: false });

    expect(await screen.findByRole('heading', { name: '客户档案' })).toBeInTheDocument();
    expect(tokens.access).toBe('access-6');
  });

  it('logs out: revokes the refresh token on the server and returns to the login page', async () => {
    const revoked: unknown[] = [];
    server.use(http.post('*/api/v1/auth/logout', async ({ request }) => {
      revoked.push(await request.json());
      return new HttpResponse(null, { status: 204 });
    }));
    renderApp('/');

    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: /退出登录/ }));

    expect(await screen.findByLabelText('用户名')).toBeInTheDocument();
    await waitFor(() => expect(revoked).toEqual([{ refreshToken: 'refresh-1' }]));
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('switches the whole UI to English and back', async () => {
    renderApp('/login', { signedIn: false });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByLabelText('语言'));
    await user.click(await screen.findByText('English'));
    expect(await screen.findByLabelText('User name')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });
});

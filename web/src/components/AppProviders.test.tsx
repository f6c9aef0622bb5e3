import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { theme } from 'antd';
import { AppProviders } from './AppProviders';

function Motion() {
  const { token } = theme.useToken();
  return <span data-testid="motion">{String(token.motion)}</span>;
}

const renderMotion = () =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AppProviders><Motion /></AppProviders>
    </QueryClientProvider>,
  );

function systemAsksForReducedMotion(reduce: boolean) {
  const original = window.matchMedia;
  window.matchMedia = ((query: string) => ({ ...original(query), matches: reduce && query === '(prefers-reduced-motion: reduce)' })) as typeof window.matchMedia;
  return () => { window.matchMedia = original; };
}

describe('motion follows the system setting', () => {
  it('animates dialogs and menus by default', () => {
    const restore = systemAsksForReducedMotion(false);
    renderMotion();
    expect(screen.getByTestId('motion')).toHaveTextContent('true');
    restore();
  });

  it('turns antd motion off when the system asks for reduced motion', () => {
    const restore = systemAsksForReducedMotion(true);
    renderMotion();
    expect(screen.getByTestId('motion')).toHaveTextContent('false');
    restore();
  });
});

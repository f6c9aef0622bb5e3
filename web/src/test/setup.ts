import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import '../i18n';
import i18n from '../i18n';
import { tokens } from '../api/tokens';
import { server } from './server';

// The first render of a test file pays for loading antd: give findBy* more than the default second.
configure({ asyncUtilTimeout: 5000 });

// antd reads media queries and measures layout; jsdom has neither.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element); // no pseudo-element support in jsdom
if (!('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// jsdom has no canvas; ECharts (SVG renderer) only measures text with it and copes with null.
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];

// "No console errors": any console.error during a test (React, antd or our own) fails that test.
let consoleErrors: string[] = [];
const originalError = console.error;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '));
    originalError(...args);
  });
});
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  tokens.clear();
  localStorage.clear();
  await i18n.changeLanguage('zh-CN');
  vi.restoreAllMocks();
  const errors = consoleErrors;
  consoleErrors = [];
  if (errors.length) throw new Error(`console.error was called during the test:\n${errors.join('\n---\n')}`);
});
afterAll(() => server.close());

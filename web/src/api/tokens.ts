/**
 * Where the session lives: the access token only in memory (never persisted), the single-use refresh token in
 * localStorage so a page refresh or a deep link keeps the session.
 */
import type { components } from './schema';

export type TokenResponse = components['schemas']['TokenResponse'];

export const REFRESH_TOKEN_KEY = 'crm.refreshToken';

type Listener = (signedIn: boolean) => void;

let accessToken: string | null = null;
let accessExpiresAt = 0;
const listeners = new Set<Listener>();

export const tokens = {
  get access(): string | null {
    return accessToken;
  },
  /** True when the access token is missing or expires within `marginMs`. */
  accessExpiring(marginMs = 30_000): boolean {
    return accessToken === null || Date.now() + marginMs >= accessExpiresAt;
  },
  get refresh(): string | null {
    try {
      return localStorage.getItem(REFRESH_TOKEN_KEY);
    } catch {
      return null;
    }
  },
  get hasSession(): boolean {
    return accessToken !== null || this.refresh !== null;
  },
  store(pair: TokenResponse): void {
    accessToken = pair.accessToken;
    accessExpiresAt = Date.now() + pair.expiresIn * 1000;
    localStorage.setItem(REFRESH_TOKEN_KEY, pair.refreshToken);
    listeners.forEach((l) => l(true));
  },
  clear(): void {
    const had = accessToken !== null || this.refresh !== null;
    accessToken = null;
    accessExpiresAt = 0;
    localStorage.removeItem(REFRESH_TOKEN_KEY);
    if (had) listeners.forEach((l) => l(false));
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

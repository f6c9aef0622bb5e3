import { render } from '@testing-library/react';
import { TestApp } from '../App';
import { tokens } from '../api/tokens';
import { tokenPair } from './fixtures';

/** Renders the whole app at `url`, signed in (an access token in memory) unless `signedIn` is false. */
export function renderApp(url: string, { signedIn = true }: { signedIn?: boolean } = {}) {
  if (signedIn) tokens.store(tokenPair(1));
  return render(<TestApp url={url} />);
}

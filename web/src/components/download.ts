import { api } from '../api/client';
import { ApiProblem, asProblem } from '../api/problem';

/** The file name of a Content-Disposition header (RFC 6266: filename* in UTF-8 first), or null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : null;
}

/** Hands a Blob to the browser as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Query = Record<string, string | number | boolean | undefined | null>;

/**
 * Downloads a file from the API with the signed-in person's bearer token (the typed client's middleware adds it and
 * refreshes an expired session), then saves it under the server's file name or `fallbackName`.
 * Resolves to the saved name; rejects with the server's problem when it refuses.
 */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<string> {
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  // The path is one of the contract's download endpoints; the generic client call needs a loose type here.
  const get = api.GET as unknown as (
    p: string,
    init: { params: { query: Query }; parseAs: 'blob'; headers: Record<string, string> },
  ) => Promise<{ data?: Blob; error?: unknown; response: Response }>;
  const { data, error, response } = await get(path, { params: { query: clean }, parseAs: 'blob', headers: { Accept: '*/*' } });
  if (error || !data) throw new ApiProblem(asProblem(error) ?? { status: response.status, detail: response.statusText });
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  saveBlob(data, name);
  return name;
}

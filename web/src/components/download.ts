import { api } from '../api/client';
import { ApiProblem, asProblem } from '../api/problem';

/**
 * File downloads that carry the session: the file is fetched through the API client (bearer token, one refresh on a
 * 401) and saved from a Blob, so no token ever goes into a URL.
 */

/** The file name the server gave (Content-Disposition, RFC 6266 `filename*` first), else the fallback. */
export function fileNameFrom(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* malformed: try the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : fallback;
}

/** Saves a Blob as a file in the browser. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Saves text (e.g. a CSV template generated in the browser) as a file. */
export function saveText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(new Blob([text], { type }), fileName);
}

/**
 * Runs an openapi-fetch call made with `parseAs: 'blob'` and saves its answer. Resolves like the call (an `error` when
 * the server refused), so it fits `useRun`.
 */
export async function download(
  call: () => Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<{ error?: unknown; fileName?: string }> {
  const { data, error, response } = await call();
  if (error !== undefined || data == null) return { error: error ?? { status: response.status, title: response.statusText } };
  const fileName = fileNameFrom(response, fallbackName);
  saveBlob(data as Blob, fileName);
  return { fileName };
}

type Query = Record<string, string | number | boolean | undefined | null>;

/**
 * Downloads a file from a GET endpoint of the API by path and query (for pages that build the path themselves), then
 * saves it under the server's file name or `fallbackName`. Resolves to the saved name; rejects with the server's problem.
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
  const name = fileNameFrom(response, fallbackName);
  saveBlob(data, name);
  return name;
}

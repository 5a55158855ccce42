import i18n, { currentLanguage } from '../i18n';

/** An error from the API ({error:{code,message,details}}), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

/** `/people` + {page:1, kind:['a','b']} → `/api/people?page=1&kind=a,b` (empty values left out). */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

let unauthenticatedHandler: (() => void) | null = null;
/** Called when any request other than login answers 401 (the session expired): the app shows the login page. */
export function onUnauthenticated(handler: () => void): void {
  unauthenticatedHandler = handler;
}

export function commonHeaders(): Record<string, string> {
  return { 'Accept-Language': currentLanguage(), Accept: 'application/json' };
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** Turns a non-2xx response body into an ApiError with the server's (already translated) message. */
export function errorFrom(status: number, text: string, path: string): ApiError {
  let body: ErrorBody | null = null;
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    body = null;
  }
  const e = body?.error;
  if (status === 401 && !path.startsWith('/auth/login') && !path.startsWith('/auth/me')) unauthenticatedHandler?.();
  if (e && typeof e.code === 'string' && typeof e.message === 'string')
    return new ApiError(status, e.code, e.message, e.details);
  return new ApiError(status, 'HTTP_ERROR', i18n.t('errors.http', { status }));
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra headers, e.g. Idempotency-Key for a write a phone may retry. */
  headers?: Record<string, string>;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers = { ...commonHeaders(), ...opts.headers };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  const text = await res.text();
  if (!res.ok) throw errorFrom(res.status, text, path);
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', i18n.t('errors.badResponse'));
  }
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query, headers?: Record<string, string>) =>
    request<T>('POST', path, { body: body ?? {}, query, headers }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** Downloads a file (export, template) with the session cookie and language header, then saves it. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, query), { headers: commonHeaders(), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (!res.ok) throw errorFrom(res.status, await res.text(), path);
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

/** Message to show for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return i18n.t('errors.network');
}

// The one place that talks HTTP to the coi-tracker API. It adds the session cookie and the
// organization header, turns query objects into query strings, and turns error bodies into ApiError.
import type { ApiErrorBody, FieldError } from './types';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  json?: unknown;
  formData?: FormData;
  /** The organization the request acts in; omitted for auth and public endpoints. */
  orgId?: string | null;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    // empty filters mean "any", so they are left out rather than sent as ?q=
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function headersFor(options: RequestOptions): Headers {
  const headers = new Headers({ Accept: 'application/json' });
  if (options.json !== undefined) headers.set('Content-Type', 'application/json');
  if (options.orgId) headers.set('X-Organization-Id', options.orgId);
  return headers;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // a proxy or crash page instead of our JSON error: fall back to the status text
  }
  if (isErrorBody(body)) {
    const { code, message, details } = body.error;
    return new ApiError(response.status, code ?? 'error', message, details?.fields ?? []);
  }
  const fallback =
    response.status === 413
      ? 'The file is too large.'
      : `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  return new ApiError(response.status, 'http_error', fallback);
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? (options.json !== undefined || options.formData ? 'POST' : 'GET'),
      credentials: 'same-origin',
      headers: headersFor(options),
      body: options.formData ?? (options.json !== undefined ? JSON.stringify(options.json) : undefined),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection and try again.');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** Sends a request and parses the JSON answer (undefined for 204 No Content). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Fetches a file endpoint as a Blob: file links need the organization header, which a plain <a href> cannot send. */
export async function apiBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await send(path, options);
  return response.blob();
}

/** As apiBlob, with the response's headers (a rendered page says how many pages the file has). */
export async function apiBlobResponse(path: string, options: RequestOptions = {}): Promise<{ blob: Blob; headers: Headers }> {
  const response = await send(path, options);
  return { blob: await response.blob(), headers: response.headers };
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** Small sub-lists (contacts, assignments) may come back as a page or a bare array; either way, the rows. */
export function itemsOf<T>(value: { items: T[] } | T[]): T[] {
  return Array.isArray(value) ? value : value.items;
}

/**
 * The one way the web app talks to the server: same-origin JSON with the session cookie,
 * the CSRF header on writes and the org-switcher header on every request.
 */

export interface FieldProblem {
  field: string;
  message: string;
  row?: number;
  column?: string;
}

/** An RFC 9457 problem answered by the server, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly detail: string;
  readonly errors: FieldProblem[];

  constructor(init: {
    status: number;
    code: string;
    detail: string;
    field?: string;
    errors?: FieldProblem[];
  }) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.field = init.field;
    this.errors = init.errors ?? [];
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

let csrfToken: string | null = null;
let scopeOrgId: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Set from /api/auth/me or the login answer; sent as `x-csrf-token` on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The org chosen in the switcher narrows every list to its subtree (`x-fazhi-org`). */
export function setScopeOrg(orgId: string | null): void {
  scopeOrgId = orgId;
}

/** Called when a request answers 401 (session expired): the app sends the user to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function headers(method: string, extra: Record<string, string>): Headers {
  const h = new Headers(extra);
  if (!h.has('accept')) h.set('accept', 'application/json, application/problem+json');
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) h.set('x-csrf-token', csrfToken);
  if (scopeOrgId) h.set('x-fazhi-org', scopeOrgId);
  return h;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  const out: FieldProblem[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const message = typeof item.message === 'string' ? item.message : '';
    const field =
      typeof item.field === 'string'
        ? item.field
        : typeof item.where === 'string'
          ? item.where
          : typeof item.column === 'string'
            ? item.column
            : '';
    const problem: FieldProblem = { field, message };
    if (typeof item.row === 'number') problem.row = item.row;
    if (typeof item.column === 'string') problem.column = item.column;
    out.push(problem);
  }
  return out;
}

const statusText: Record<number, string> = {
  400: '提交的内容有误',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '要找的记录不存在或不在您的范围内',
  409: '记录已被他人修改,请刷新后重试',
  413: '上传的文件太大',
  429: '操作过于频繁,请稍后再试',
};

async function problemFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return apiErrorFrom(response.status, body);
}

/** An ApiError from a problem+json body (answered, or sent as the last line of a stream). */
function apiErrorFrom(status: number, body: unknown): ApiError {
  const fallback = statusText[status] ?? `服务器出错了(HTTP ${status}),请稍后再试`;
  if (!isRecord(body)) return new ApiError({ status, code: 'http.error', detail: fallback });
  const detail = typeof body.detail === 'string' && body.detail ? body.detail : fallback;
  const init: ConstructorParameters<typeof ApiError>[0] = {
    status,
    code: typeof body.code === 'string' ? body.code : 'http.error',
    detail,
    // An entry that only repeats `detail` says nothing more; `issues` ({ where, message }) lists
    // each problem of a checked file one by one.
    errors: [
      ...fieldProblems(body.errors).filter((e) => e.message !== detail),
      ...fieldProblems(body.issues),
    ],
  };
  if (typeof body.field === 'string') init.field = body.field;
  return new ApiError(init);
}

async function send(
  method: string,
  path: string,
  init: { body?: BodyInit; json?: unknown; query?: Query; headers?: Record<string, string> },
) {
  const extra: Record<string, string> = { ...init.headers };
  let body = init.body;
  if (init.json !== undefined) {
    extra['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  let response: Response;
  try {
    const requestInit: RequestInit = { method, credentials: 'same-origin', headers: headers(method, extra) };
    if (body !== undefined) requestInit.body = body;
    response = await fetch(path + buildQuery(init.query), requestInit);
  } catch {
    throw new ApiError({ status: 0, code: 'network', detail: '无法连接服务器,请检查网络后重试' });
  }
  if (!response.ok) {
    const error = await problemFrom(response);
    if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
    throw error;
  }
  return response;
}

async function json<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  async get<T>(path: string, query?: Query): Promise<T> {
    return json<T>(await send('GET', path, query ? { query } : {}));
  },
  async post<T>(path: string, body?: unknown): Promise<T> {
    return json<T>(await send('POST', path, body === undefined ? {} : { json: body }));
  },
  async patch<T>(path: string, body: unknown): Promise<T> {
    return json<T>(await send('PATCH', path, { json: body }));
  },
  async put<T>(path: string, body: unknown): Promise<T> {
    return json<T>(await send('PUT', path, { json: body }));
  },
  async del<T>(path: string): Promise<T> {
    return json<T>(await send('DELETE', path, {}));
  },
  /**
   * Uploads one file as the raw request body (the server reads ledger files that way; it has no
   * multipart parser). fetch sends the Blob's type as Content-Type; an untyped file goes as
   * application/octet-stream, which the server also reads.
   */
  async upload<T>(path: string, file: Blob, _filename: string): Promise<T> {
    const body = file.type ? file : new Blob([file], { type: 'application/octet-stream' });
    return json<T>(await send('POST', path, { body }));
  },
  /**
   * Uploads a ledger file and follows the server's progress: the answer is newline-delimited
   * JSON, `{"progress": …}` lines while it works, then `{"imported": n}` (returned) or
   * `{"problem": …}` (thrown as an ApiError, like any other refused request).
   */
  async uploadWithProgress<P>(
    path: string,
    file: Blob,
    onProgress: (p: P) => void,
  ): Promise<{ imported: number }> {
    const body = file.type ? file : new Blob([file], { type: 'application/octet-stream' });
    const response = await send('POST', path, { body, headers: { accept: 'application/x-ndjson' } });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    const lost = () =>
      new ApiError({
        status: 0,
        code: 'network',
        detail: '与服务器的连接中断:导入可能仍在进行,请稍后刷新台账查看是否已导入',
      });
    if (!reader) throw lost();
    let buffered = '';
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch {
        throw lost();
      }
      if (chunk.done) throw lost();
      buffered += chunk.value;
      let end = buffered.indexOf('\n');
      while (end >= 0) {
        const line: unknown = JSON.parse(buffered.slice(0, end));
        buffered = buffered.slice(end + 1);
        end = buffered.indexOf('\n');
        if (!isRecord(line)) continue;
        if (line.progress !== undefined) onProgress(line.progress as P);
        else if (typeof line.imported === 'number') {
          await reader.cancel();
          return { imported: line.imported };
        } else if (isRecord(line.problem)) {
          await reader.cancel();
          throw apiErrorFrom(
            typeof line.problem.status === 'number' ? line.problem.status : 400,
            line.problem,
          );
        }
      }
    }
  },
  /** a file as the raw request body, its name URL-encoded in `x-file-name` (POST /api/files) */
  async uploadRaw<T>(path: string, file: Blob, filename: string): Promise<T> {
    const headers = {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(filename),
    };
    return json<T>(await send('POST', path, { body: file, headers }));
  },
};

function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file endpoint (e.g. `…/export.xlsx`) with the current filters. Done with fetch,
 * not a plain link, so that the org-switcher header travels with it.
 */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<void> {
  const response = await send('GET', path, { query });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

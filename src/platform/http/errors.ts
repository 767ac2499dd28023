import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { DomainError, type DomainErrorKind } from '../errors.js';

/** The one table from domain error kinds to HTTP statuses. */
export const statusOfKind = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  gone: 410,
  tooLarge: 413,
  unsupported: 415,
  rateLimited: 429,
  unavailable: 503,
} as const satisfies Record<DomainErrorKind, number>;

const titles: Record<number, string> = {
  400: '请求有误',
  401: '未登录',
  403: '无权操作',
  404: '未找到',
  409: '冲突',
  413: '内容过大',
  415: '不支持的类型',
  429: '请求过于频繁',
  500: '服务器内部错误',
  503: '服务暂不可用',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  errors?: { field: string; message: string }[];
  [key: string]: unknown;
}

function problemOf(status: number, code: string, detail: string, title = titles[status] ?? ''): Problem {
  return { type: 'about:blank', title, status, code, detail };
}

const badJson = ['request.badJson', '请求体不是合法的 JSON'] as const;

/** Fastify's own refusals of a request, by its error code: status, our code, the words shown. */
const fastifyRefusals = new Map<string, readonly [number, string, string]>([
  ['FST_ERR_CTP_INVALID_JSON_BODY', [400, ...badJson]],
  ['FST_ERR_CTP_EMPTY_JSON_BODY', [400, ...badJson]],
  ['FST_ERR_CTP_INVALID_MEDIA_TYPE', [415, 'request.mediaType', '不支持的内容类型']],
  ['FST_ERR_CTP_BODY_TOO_LARGE', [413, 'request.tooLarge', '请求体过大']],
]);

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The field path names the input as the form or query string calls it: 'name', 'sort'. */
function fromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Problem {
  const errors = issues.map((i) => ({ field: pathOf(i.path), message: i.message }));
  const first = errors[0];
  return {
    ...problemOf(
      400,
      'validation',
      first ? `${first.field ? `${first.field}:` : ''}${first.message}` : '输入有误',
    ),
    ...(first?.field ? { field: first.field } : {}),
    errors,
  };
}

export function toProblem(err: unknown): Problem {
  if (err instanceof DomainError) {
    const status = statusOfKind[err.kind];
    const { field, ...rest } = err.details;
    return {
      type: 'about:blank',
      title: titles[status] ?? '错误',
      status,
      detail: err.message,
      code: err.code,
      ...(field ? { field } : {}),
      ...(field ? { errors: [{ field, message: err.message }] } : {}),
      ...rest,
    };
  }
  if (err instanceof ZodError) return fromIssues(err.issues);
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    return fromIssues(
      fe.validation.map((v) => ({
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '输入有误',
      })),
    );
  }
  if (fe.statusCode === 400 && fe.name === 'SyntaxError') return problemOf(400, ...badJson);
  const refusal = fe.code ? fastifyRefusals.get(fe.code) : undefined;
  if (refusal) return problemOf(...refusal);
  if (fe.statusCode === 429) return problemOf(429, 'request.rateLimited', '请求过于频繁,请稍后再试');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return problemOf(fe.statusCode, fe.code ?? 'request', '请求有误', titles[fe.statusCode] ?? '请求有误');
  }
  return problemOf(500, 'internal', '服务器内部错误,请联系管理员');
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(err);
  if (problem.status >= 500) req.log.error({ err }, 'unhandled error');
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

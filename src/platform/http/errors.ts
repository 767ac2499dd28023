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

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The field path names the input as the form or query string calls it: 'name', 'sort'. */
function fromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Problem {
  const errors = issues.map((i) => ({ field: pathOf(i.path), message: i.message }));
  const first = errors[0];
  return {
    type: 'about:blank',
    title: titles[400] ?? '',
    status: 400,
    code: 'validation',
    detail: first ? `${first.field ? `${first.field}:` : ''}${first.message}` : '输入有误',
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
  if (
    fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    (fe.statusCode === 400 && fe.name === 'SyntaxError')
  ) {
    return {
      type: 'about:blank',
      title: titles[400] ?? '',
      status: 400,
      code: 'request.badJson',
      detail: '请求体不是合法的 JSON',
    };
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return {
      type: 'about:blank',
      title: titles[415] ?? '',
      status: 415,
      code: 'request.mediaType',
      detail: '不支持的内容类型',
    };
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      type: 'about:blank',
      title: titles[413] ?? '',
      status: 413,
      code: 'request.tooLarge',
      detail: '请求体过大',
    };
  }
  if (fe.statusCode === 429) {
    return {
      type: 'about:blank',
      title: titles[429] ?? '',
      status: 429,
      code: 'request.rateLimited',
      detail: '请求过于频繁,请稍后再试',
    };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      type: 'about:blank',
      title: titles[fe.statusCode] ?? '请求有误',
      status: fe.statusCode,
      code: fe.code ?? 'request',
      detail: '请求有误',
    };
  }
  return {
    type: 'about:blank',
    title: titles[500] ?? '',
    status: 500,
    code: 'internal',
    detail: '服务器内部错误,请联系管理员',
  };
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(err);
  if (problem.status >= 500) req.log.error({ err }, 'unhandled error');
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

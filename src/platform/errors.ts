/**
 * Services throw DomainError; the HTTP layer maps `code` to a status in one table
 * (src/platform/http/errors.ts). `message` is Chinese and shown to users; `field` names the
 * offending input path when there is one.
 */
export type DomainErrorKind =
  | 'invalid' // 400: bad input
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'notFound' // 404: also for ids outside the caller's scope
  | 'conflict' // 409: stale version, duplicate, illegal state transition
  | 'gone' // 410
  | 'tooLarge' // 413
  | 'unsupported' // 415
  | 'rateLimited' // 429
  | 'unavailable'; // 503

export interface DomainErrorDetails {
  field?: string;
  [key: string]: unknown;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    /** dotted code, e.g. `org.notFound`, `enforcement.reviewRequired` */
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'invalid',
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
  }
}

export const invalid = (code: string, message: string, field?: string, extra: Record<string, unknown> = {}) =>
  new DomainError(code, message, 'invalid', { ...(field ? { field } : {}), ...extra });

export const notFound = (code: string, message = '记录不存在或不在您的权限范围内') =>
  new DomainError(code, message, 'notFound');

export const conflict = (code: string, message: string, extra: DomainErrorDetails = {}) =>
  new DomainError(code, message, 'conflict', extra);

export const forbidden = (code: string, message = '您没有执行此操作的权限') =>
  new DomainError(code, message, 'forbidden');

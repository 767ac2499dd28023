import { z } from 'zod';
import { DomainError } from './errors.js';

// Zod's own messages in Chinese for every schema (field-specific messages override them).
z.config(z.locales.zhCN());

/** List paging as the API takes it: page is 1-based, pageSize at most 200. */
export const Paging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type Paging = z.infer<typeof Paging>;

export const toOffset = (p: Paging) => ({ offset: (p.page - 1) * p.pageSize, limit: p.pageSize });

/** Query-string booleans: 'true' / 'false'. */
export const QueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '不是有效的日期',
  );

export const IdParam = z.object({ id: z.uuid('不是有效的编号') });

/** `sort` as lists take it: 'field' ascending or '-field' descending, field from a whitelist. */
export const SortParam = z
  .string()
  .regex(/^-?[a-zA-Z]{1,40}$/, '排序字段格式不正确')
  .optional();

/**
 * Resolves a `sort` value against a list's whitelist of sortable fields (API name → SQL column).
 * Unknown fields are a 400 naming the field, not a silent default.
 */
export function parseSort<F extends string>(
  sort: string | undefined,
  columns: Readonly<Record<F, string>>,
): { column: string; direction: 'asc' | 'desc' } | null {
  if (!sort) return null;
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  const column = (columns as Record<string, string>)[field];
  if (!column) {
    throw new DomainError(
      'validation',
      `不能按“${field}”排序,可用字段:${Object.keys(columns).join('、')}`,
      'invalid',
      { field: 'sort' },
    );
  }
  return { column, direction: desc ? 'desc' : 'asc' };
}

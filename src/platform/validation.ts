import { z } from 'zod';

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

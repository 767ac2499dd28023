import { z } from 'zod';
import { DomainError, invalid } from './errors.js';
import type { ListSort } from './paging.js';

// Zod's own messages in Chinese for every schema (field-specific messages override them).
z.config(z.locales.zhCN());

/** Query-string booleans: 'true' / 'false'. */
export const QueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * List paging as the API takes it: page is 1-based, pageSize at most 200; `exactTotal=true`
 * asks for an exact total where the list would cap or estimate it (platform/paging listTotal).
 */
export const Paging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  exactTotal: QueryBool.optional(),
});
export type Paging = z.infer<typeof Paging>;

export const toOffset = (p: Paging) => ({
  offset: (p.page - 1) * p.pageSize,
  limit: p.pageSize,
  exactTotal: p.exactTotal ?? false,
});

/** Legal dates the platform accepts: from the founding of the PRC to 2100 (wider only where a field says so). */
export const DATE_MIN = '1949-10-01';
export const DATE_MAX = '2100-12-31';

export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '不是有效的日期',
  )
  .refine((s) => s >= DATE_MIN && s <= DATE_MAX, `日期应在 ${DATE_MIN} 至 ${DATE_MAX} 之间`);

/**
 * C0 controls (tab, LF and CR only where a field holds lines), DEL, C1 controls, zero-width
 * characters, bidi overrides and isolates, and the BOM: invisible characters that break storage
 * (NUL), logs and exports (CR/LF, ESC) or disguise text (U+202E).
 */
function hasControl(v: string, lines: boolean): boolean {
  for (const ch of v) {
    const c = ch.codePointAt(0) ?? 0;
    if (lines && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
    if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
      return true;
    if (c === 0xfeff) return true;
  }
  return false;
}

/**
 * The one rule for every text field a user types: trimmed, at most `max` characters, and no NUL
 * or control characters — tab and line breaks only where the field holds several lines.
 * Every route schema builds its text fields from this (issue #10 D3/D8).
 */
export function Text(max = 200, opts: { lines?: boolean; min?: number } = {}) {
  let t = z.string().trim().max(max, `不能超过 ${max} 个字符`);
  if (opts.min) t = t.min(opts.min, opts.min === 1 ? '不能为空' : `至少 ${opts.min} 个字符`);
  return t.refine((v) => !hasControl(v, opts.lines === true), '含有不允许的控制字符');
}

/** A required one-line text (a name, a title, a number). */
export const RequiredText = (max = 200) => Text(max, { min: 1 });

/**
 * A closed set of codes written once, as the table of their Chinese names: the enum takes the
 * table's keys in the table's order (the order lists and selects show), so no code lacks a name
 * and no list of codes is kept twice. `params` are z.enum's (the field's own error message).
 */
export function labelledEnum<const L extends Readonly<Record<string, string>>>(
  labels: L,
  params?: string | z.core.$ZodEnumParams,
) {
  return z.enum(Object.keys(labels) as (keyof L & string)[], params);
}

/** A whole number that fits a PostgreSQL `integer` column (versions, counts, days). */
export const Int32 = z.number().int('应为整数').min(-2147483648).max(2147483647, '数值过大');
/** A non-negative count or amount that fits an `integer` column. */
export const Count = z.number().int('应为整数').min(0, '不能为负数').max(2147483647, '数值过大');

/** A record's id as an input names it (a UUID). */
export const Id = z.uuid('不是有效的编号');
export const IdParam = z.object({ id: Id });

/** The year of a plan, an assessment or a catalogue. */
export const Year = z.number().int('应为整数').min(2000, '年度不正确').max(2100, '年度不正确');

/** An attachment's SHA-256 digest, as platform/files stores it. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, '不是有效的附件摘要');

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
): ListSort | null {
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

/** What `parseInput` reads: a zod schema, or anything with zod's `safeParse`. */
export interface SafeParser<T> {
  safeParse(
    raw: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** Where a service's input sits, for the message and the field of its first problem. */
export interface InputPlace {
  /** The path the input sits under (an act's `data`): the field and the message name it first. */
  under?: string | undefined;
  /** Chinese field names: the message names the deepest named segment of the path instead. */
  labels?: Readonly<Record<string, string>> | undefined;
  /** Said before the message: which row of a batch (`第 3 条:`). */
  lead?: string | undefined;
  /** A batch row's index, put before the field (`2.name`) but not named in the message. */
  row?: number | undefined;
}

/**
 * Validates a service's input: the first problem becomes a 400 `validation` DomainError whose
 * message names the field (its path, or its Chinese name from `labels`) and whose field is the path.
 */
export function parseInput<T>(schema: SafeParser<T>, raw: unknown, place: InputPlace = {}): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue ? issue.path.map(String) : [];
  const named = [...(place.under ? [place.under] : []), ...path].join('.');
  const name = place.labels ? labelOf(path, place.labels) : named;
  throw invalid(
    'validation',
    `${place.lead ?? ''}${name ? `${name}:` : ''}${issue?.message ?? '输入有误'}`,
    place.row === undefined ? named : `${place.row}.${named}`,
  );
}

const labelOf = (path: readonly string[], labels: Readonly<Record<string, string>>) =>
  [...path]
    .reverse()
    .map((p) => labels[p])
    .find((l) => l !== undefined);

/**
 * Row `index` of a batch where one bad row writes nothing: a problem says which row (第 n 条), and
 * in a batch of more than one its field is under the row's index.
 */
export function parseRow<T>(schema: SafeParser<T>, raw: unknown, index: number, count: number): T {
  return parseInput(schema, raw, { lead: `第 ${index + 1} 条:`, row: count > 1 ? index : undefined });
}

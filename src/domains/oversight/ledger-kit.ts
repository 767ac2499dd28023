import { z } from 'zod';
import { Count, LocalDate, RequiredText, Text, Id } from '../../platform/validation.js';

/**
 * A simple ledger of the oversight domain (学法, 考法, 述法, 培训, 普法, 工作要点, 第一责任人):
 * typed columns declared once here; the input schema, the SQL, the list, the Excel export and
 * the web form all read the same declaration, so they cannot drift.
 */
export type FieldKind = 'text' | 'longText' | 'int' | 'decimal' | 'date' | 'enum';

export interface FieldSpec {
  key: string;
  column: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  max?: number;
  /** for int / decimal */
  min?: number;
  upper?: number;
  options?: Readonly<Record<string, string>>;
}

export interface LedgerSpec {
  key: string;
  table: string;
  title: string;
  /** the legal or working date of an entry (column `held_on` in every ledger table) */
  dateLabel: string;
  fields: readonly FieldSpec[];
  /** rows under an entry: candidates of an exam, attendees of a course */
  children?: { table: string; key: string; label: string; fields: readonly FieldSpec[] };
}

function fieldSchema(f: FieldSpec): z.ZodType {
  let s: z.ZodType;
  switch (f.kind) {
    case 'text':
      s = f.required ? RequiredText(f.max ?? 200) : Text(f.max ?? 200);
      break;
    case 'longText':
      s = f.required ? Text(f.max ?? 4000, { lines: true, min: 1 }) : Text(f.max ?? 4000, { lines: true });
      break;
    case 'int':
      s = Count.min(f.min ?? 0, `不能小于 ${f.min ?? 0}`).max(
        f.upper ?? 2147483647,
        `不能大于 ${f.upper ?? 2147483647}`,
      );
      break;
    case 'decimal':
      s = z
        .number('应为数字')
        .min(f.min ?? 0, `不能小于 ${f.min ?? 0}`)
        .max(f.upper ?? 1e9, `不能大于 ${f.upper ?? 1e9}`)
        .multipleOf(0.1, '最多一位小数');
      break;
    case 'date':
      s = LocalDate;
      break;
    case 'enum': {
      const keys = Object.keys(f.options ?? {});
      s = z.enum(keys as [string, ...string[]], `应为:${Object.values(f.options ?? {}).join('、')}`);
      break;
    }
  }
  return f.required ? s : s.optional();
}

export function ledgerInput(spec: LedgerSpec) {
  const shape: Record<string, z.ZodType> = {
    orgId: Id.optional(),
    heldOn: LocalDate,
  };
  for (const f of spec.fields) shape[f.key] = fieldSchema(f);
  if (spec.children) {
    const child: Record<string, z.ZodType> = {};
    for (const f of spec.children.fields) child[f.key] = fieldSchema(f);
    shape[spec.children.key] = z
      .array(z.strictObject(child))
      .max(2000, `${spec.children.label}最多 2000 条`)
      .default([]);
  }
  return z.strictObject(shape);
}

/** The spec as the web app reads it: labels and kinds, no SQL names. */
export function publicSpec(spec: LedgerSpec) {
  const strip = (f: FieldSpec) => ({
    key: f.key,
    label: f.label,
    kind: f.kind,
    required: f.required ?? false,
    ...(f.options ? { options: f.options } : {}),
    ...(f.min !== undefined ? { min: f.min } : {}),
    ...(f.upper !== undefined ? { max: f.upper } : {}),
  });
  return {
    key: spec.key,
    title: spec.title,
    dateLabel: spec.dateLabel,
    fields: spec.fields.map(strip),
    ...(spec.children
      ? {
          children: {
            key: spec.children.key,
            label: spec.children.label,
            fields: spec.children.fields.map(strip),
          },
        }
      : {}),
  };
}

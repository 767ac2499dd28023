import type { FormInstance } from 'antd';
import { ApiError } from './client.js';
import { showError } from './feedback.js';

type NamePath = (string | number)[];

/** `data.sanction.amount`, `/handlerIds/1` or `handlerIds.1` → ['data', 'sanction', 'amount'] etc. */
export function pathOf(field: string): NamePath {
  return field
    .replace(/^\//, '')
    .split(/[./[\]]/)
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * The registered field a server path points at: the path itself, its longest registered prefix
 * (`handlerIds.1` marks the handlers picker), else the first field inside it (`data.sanction`
 * marks the penalties), or undefined when the form has no such field.
 */
export function fieldFor(registered: readonly NamePath[], field: string): NamePath | undefined {
  const path = pathOf(field);
  const keys = new Map(registered.map((n) => [JSON.stringify(n), n]));
  for (let n = path.length; n > 0; n--) {
    const hit = keys.get(JSON.stringify(path.slice(0, n)));
    if (hit) return hit;
  }
  const inside = JSON.stringify(path).slice(0, -1);
  return path.length > 0 ? registered.find((n) => JSON.stringify(n).startsWith(`${inside},`)) : undefined;
}

/**
 * Marks the fields the server named (nested paths included) on the form and shows the detail as a
 * toast. Returns true when a field of this form was marked.
 */
export function applyServerError(form: FormInstance, error: unknown): boolean {
  showError(error);
  if (!(error instanceof ApiError)) return false;
  const registered = form.getFieldsError().map((f) => f.name as NamePath);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const add = (path: string | undefined, text: string) => {
    if (!path) return;
    const name = fieldFor(registered, path);
    if (!name) return;
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(text);
    byField.set(key, entry);
  };
  for (const problem of error.errors) add(problem.field, problem.message || error.detail);
  if (byField.size === 0) add(error.field, error.detail);
  form.setFields([...byField.values()]);
  return byField.size > 0;
}

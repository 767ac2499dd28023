import { invalid } from '../../platform/errors.js';

interface SafeParser<T> {
  safeParse(
    raw: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/**
 * Validates input with a zod schema; the first problem becomes a DomainError whose message names
 * the field in Chinese (from `labels`, by the path's last named segment) and whose field is the path.
 */
export function parseInput<T>(schema: SafeParser<T>, raw: unknown, labels: Record<string, string>): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue ? issue.path.map(String) : [];
  const named = [...path].reverse().find((p) => labels[p] !== undefined);
  const label = named ? labels[named] : undefined;
  throw invalid('validation', `${label ? `${label}:` : ''}${issue?.message ?? '输入有误'}`, path.join('.'));
}

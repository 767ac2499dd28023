import { invalid } from '../../platform/errors.js';

type Parser<T> = {
  safeParse(
    raw: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

/** Validates service input: the first problem becomes a 400 naming its field. */
export function parseInput<T>(schema: Parser<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : '';
  throw invalid('validation', `${field ? `${field}:` : ''}${issue?.message ?? '输入有误'}`, field);
}

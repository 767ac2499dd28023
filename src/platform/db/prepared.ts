import type { CompiledQuery } from 'kysely';

/**
 * Statements prepared by name on PostgreSQL. A statement sent the usual way is parsed and planned
 * on every run; one the request path sends on every request (the session lookup) costs more in
 * planning than in running (0.2 ms against 0.1 ms, measured in psql, warm). Marked here, its text
 * is prepared once per pooled connection under a fixed name and then only bound and run
 * (node-postgres' `{ name, text, values }`; `CopyClient` in copy.ts adds the name).
 *
 * Only fixed texts belong here — a statement whose text varies with its input would prepare a new
 * statement per variant on every connection — so the registry is small and capped; past the cap a
 * text runs unprepared. PGlite ignores it (the embedded engine caches the session instead).
 */
const names = new Map<string, string>();
const CAP = 32;

/** Marks a compiled query to be prepared by name; returns it unchanged. */
export function prepared<R>(query: CompiledQuery<R>): CompiledQuery<R> {
  if (!names.has(query.sql) && names.size < CAP) names.set(query.sql, `fazhi_${names.size + 1}`);
  return query;
}

/** The name a statement's text is prepared under, if it was marked. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}

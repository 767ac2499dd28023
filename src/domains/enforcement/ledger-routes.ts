import { ledgerRoutes } from '../../platform/http/ledger-routes.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { requestCtx } from '../org/request-ctx.js';

/** The API docs' section every enforcement route is listed under. */
export const ENFORCEMENT_TAGS = ['行政执法'];

/** The ledger routes of an enforcement page: each request's ctx from its session, under 行政执法. */
export function enforcementLedgerRoutes(app: TypedApp, opts: AppOptions) {
  return ledgerRoutes(app, (req) => requestCtx(req, opts.handle.db), ENFORCEMENT_TAGS);
}

import { type LocalDate, loadWorkCalendar, type WorkCalendar } from '../../../platform/calendar/index.js';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import { invalid } from '../../../platform/errors.js';
import {
  type CaseFacts,
  checkAction,
  checkReviewer,
  checkSummaryEligible,
  DEFAULT_MAJOR_THRESHOLDS,
} from './rules.js';
import { isDeciding } from './procedures.js';
import type { ActionRecord, MajorThresholds } from './schema.js';
import { loadThresholds, reviewerUserIds } from './store.js';
import { certificateValidOn, checkHandlers, type HandlerFacts } from '../officers/rules.js';
import type { CertificateStatus, EnforcementBody } from '../officers/schema.js';

/** Handlers with their full certificate history, so a past date is judged by the certificate of that day. */
export interface HandlerRecord {
  id: string;
  name: string;
  active: boolean;
  bodyId: string;
  userId: string | null;
  certificates: { number: string; issuedOn: string; validUntil: string; status: CertificateStatus }[];
}

export async function loadHandlers(ctx: Ctx, ids: readonly string[]): Promise<Map<string, HandlerRecord>> {
  const out = new Map<string, HandlerRecord>();
  if (ids.length === 0) return out;
  const officers = await ctx.db
    .selectFrom('enforcement_officer')
    .select(['id', 'name', 'active', 'body_id', 'user_id'])
    .where('id', 'in', [...ids])
    .execute();
  const certs = await ctx.db
    .selectFrom('enforcement_certificate')
    .select(['officer_id', 'number', 'issued_on', 'valid_until', 'status'])
    .where('officer_id', 'in', [...ids])
    .orderBy('valid_until', 'desc')
    .execute();
  for (const o of officers)
    out.set(o.id, {
      id: o.id,
      name: o.name,
      active: o.active,
      bodyId: o.body_id,
      userId: o.user_id,
      certificates: [],
    });
  for (const c of certs)
    out.get(c.officer_id)?.certificates.push({
      number: c.number,
      issuedOn: c.issued_on,
      validUntil: c.valid_until,
      status: c.status as CertificateStatus,
    });
  return out;
}

/** Handlers as handlersJson (enforcement/officers/store.ts) reads them with a case. */
export function handlerMap(
  rows: readonly (Omit<HandlerRecord, 'certificates'> & {
    certificates: readonly (Omit<HandlerRecord['certificates'][number], 'status'> & { status: string })[];
  })[],
): Map<string, HandlerRecord> {
  return new Map(
    rows.map((h) => [
      h.id,
      {
        ...h,
        certificates: h.certificates.map((c) => ({ ...c, status: c.status as CertificateStatus })),
      },
    ]),
  );
}

export function handlerFacts(h: HandlerRecord, date: LocalDate): HandlerFacts {
  const cert = h.certificates.find((c) => certificateValidOn(c, date)) ?? h.certificates[0] ?? null;
  return { id: h.id, name: h.name, active: h.active, certificate: cert };
}

/** What checking a whole log needs, loaded once (for one case or a batch). */
export interface Env {
  today: LocalDate;
  calendar: WorkCalendar;
  thresholds: (regionCode: string) => MajorThresholds;
  reviewers: ReadonlySet<string>;
  handlers: ReadonlyMap<string, HandlerRecord>;
  /** transcribing closed paper cases: 结案 is not refused for records kept on paper */
  archive: boolean;
}

export interface CaseHead extends CaseFacts {
  regionCode: string;
  body: EnforcementBody;
  handlerIds: readonly string[];
  partyKind: 'person' | 'organisation';
}

/**
 * Checks a log from its first act: the table, dates, the review gate (art. 58), reviewers who are
 * not handlers, and ≥ 2 certified handlers of this body on the day of 立案 and of 决定 (art. 42).
 */
export function checkLog(
  head: CaseHead,
  log: readonly ActionRecord[],
  env: Env,
  field = 'handlerIds',
  /** acts before this index were recorded earlier: the 结案 record gate applied then */
  newFrom = 0,
): void {
  const handlers = head.handlerIds.map((id) => {
    const h = env.handlers.get(id);
    if (!h || h.bodyId !== head.body.id)
      throw invalid('enforcement.handlerNotInBody', `执法人员不属于${head.body.name}`, field);
    return h;
  });
  const handlerUserIds = handlers.flatMap((h) => (h.userId ? [h.userId] : []));
  const thresholds = env.thresholds(head.regionCode);
  log.forEach((next, i) => {
    if (i > 0)
      checkAction(head, log.slice(0, i), next, {
        today: env.today,
        thresholds,
        calendar: env.calendar,
        archive: env.archive || i < newFrom,
      });
    else if (next.date > env.today)
      throw invalid('enforcement.futureDate', `日期 ${next.date} 晚于今天`, 'openedOn');
    if (
      next.action === 'open' ||
      next.action === 'apply' ||
      next.action === 'seize' ||
      isDeciding(next.action)
    ) {
      checkHandlers(
        handlers.map((h) => handlerFacts(h, next.date)),
        next.date,
        field,
      );
    }
    if (next.action === 'onTheSpot' && next.data.sanction)
      checkSummaryEligible(head.partyKind, next.data.sanction);
    if (next.action === 'passReview' || next.action === 'returnReview') {
      checkReviewer({
        reviewerUserId: next.actorId,
        isReviewer: next.actorId !== null && env.reviewers.has(next.actorId),
        handlerUserIds,
      });
    }
  });
}

export async function loadEnv(ctx: Ctx, handlerIds: readonly string[]): Promise<Env> {
  const calendar = await loadWorkCalendar(ctx.db);
  const regions = new Map<string, MajorThresholds>();
  const rows = await ctx.db.selectFrom('enforcement_major_threshold').select('region_code').execute();
  for (const r of rows)
    regions.set(r.region_code, await loadThresholds(ctx.db, r.region_code, DEFAULT_MAJOR_THRESHOLDS));
  return {
    today: chinaDate(ctx.now()),
    calendar,
    thresholds: (code) => regions.get(code) ?? DEFAULT_MAJOR_THRESHOLDS,
    reviewers: await reviewerUserIds(ctx.db),
    handlers: await loadHandlers(ctx, handlerIds),
    archive: false,
  };
}

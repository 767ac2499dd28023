import { z } from 'zod';
import type { Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/context.js';
import { newId, staleVersion, writeTx } from '../../../platform/db/tx.js';
import { invalid } from '../../../platform/errors.js';
import { Int32, LocalDate, Text, parseInput, Id } from '../../../platform/validation.js';
import { annualDisclosureTable, type DisclosureTable } from '../../disputes/api.js';
import { can } from '../../../platform/context.js';
import { authorize } from '../../org/policy.js';
import { orgInScope } from '../core/service.js';
import { entryKinds } from '../core/entry-kinds.js';
import { disclosureAnnualTables } from './annual-report.js';
import { findReportText, proactiveCounts } from './report-store.js';
import { disclosureSpec } from './spec.js';

export const ReportYear = z.coerce.number().int('年度应为整数').min(2008, '年度不早于 2008 年').max(2100);

/** What the office writes: parts 五 and 六, a paragraph added to 一, and the days it submitted / published. */
export const SaveReportTextInput = z.strictObject({
  orgId: Id,
  year: Int32.min(2008, '年度不早于 2008 年').max(2100, '年度不晚于 2100 年'),
  version: Int32.min(0).default(0),
  overviewNote: Text(4000, { lines: true }).default(''),
  problems: Text(8000, { lines: true }).default(''),
  otherMatters: Text(8000, { lines: true }).default(''),
  submittedOn: LocalDate.nullable().default(null),
  publishedOn: LocalDate.nullable().default(null),
});

export async function getReportText(ctx: Ctx, orgId: string, year: number) {
  authorize(ctx.actor, disclosureSpec.listPermission);
  const org = await orgInScope(ctx, orgId);
  const row = await findReportText(ctx.db, org.id, year);
  return {
    orgId: org.id,
    year,
    version: row?.version ?? 0,
    overviewNote: row?.overview_note ?? '',
    problems: row?.problems ?? '',
    otherMatters: row?.other_matters ?? '',
    submittedOn: row?.submitted_on ?? null,
    publishedOn: row?.published_on ?? null,
  };
}

/** Saves parts 五/六 (and the marks of submission and publication) in one audited write. */
export async function saveReportText(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, disclosureSpec.editPermission);
  const input = parseInput(SaveReportTextInput, raw);
  const org = await orgInScope(ctx, input.orgId);
  const today = chinaDate(ctx.now());
  for (const [field, d] of [
    ['submittedOn', input.submittedOn],
    ['publishedOn', input.publishedOn],
  ] as const) {
    if (d && d > today) throw invalid('requests.disclosureReport.futureDate', `日期 ${d} 晚于今天`, field);
    if (d && d <= `${input.year}-12-31`)
      throw invalid(
        'requests.disclosureReport.dateBeforeYearEnd',
        `年度报告应在${input.year}年度结束后报送、公布`,
        field,
      );
  }
  const existing = await findReportText(ctx.db, org.id, input.year);
  if ((existing?.version ?? 0) !== input.version) throw staleVersion();
  const values = {
    overview_note: input.overviewNote,
    problems: input.problems,
    other_matters: input.otherMatters,
    submitted_on: input.submittedOn,
    published_on: input.publishedOn,
    updated_by: ctx.actor.userId,
  };
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    let id = existing?.id;
    if (existing) {
      const r = await trx
        .updateTable('requests_disclosure_report')
        .set({ ...values, updated_at: new Date(), version: existing.version + 1 })
        .where('id', '=', existing.id)
        .where('version', '=', existing.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw staleVersion();
    } else {
      id = newId();
      await trx
        .insertInto('requests_disclosure_report')
        .values({
          id,
          region_code: org.regionCode,
          org_id: org.id,
          year: input.year,
          ...values,
          created_by: ctx.actor.userId,
        })
        .execute();
    }
    audit({
      action: 'requests.disclosureReport.save',
      entity: 'requests_disclosure_report',
      entityId: id ?? '',
      orgId: org.id,
      regionCode: org.regionCode,
      change: { year: input.year, submittedOn: input.submittedOn, publishedOn: input.publishedOn },
    });
  });
  return getReportText(ctx, org.id, input.year);
}

/** The records a report is drawn from in this domain and the disputes domain (表三, 表四, the register). */
export async function disclosureReportRecords(ctx: Ctx, orgId: string, year: number) {
  const org = await orgInScope(ctx, orgId);
  const [applications, text, register] = await Promise.all([
    disclosureAnnualTables(ctx, org.id, year),
    getReportText(ctx, org.id, year),
    proactiveCounts(ctx.db, ctx.scope, org.path, year),
  ]);
  // 表四 comes from the disputes domain; without its permissions the table is marked as not readable
  let reviewLitigation: DisclosureTable | null = null;
  if (can(ctx.actor, 'disputes:reconsideration:list') && can(ctx.actor, 'disputes:litigation:list'))
    reviewLitigation = await annualDisclosureTable(ctx, { orgId: org.id, year });
  const labels: Record<string, string> = entryKinds.proactive.categories;
  return {
    orgId: org.id,
    orgName: org.name,
    year,
    applications,
    reviewLitigation,
    text,
    register: register.map((r) => ({
      category: r.category,
      label: labels[r.category] ?? r.category,
      entries: Number(r.entries),
      items: Number(r.items ?? 0),
    })),
  };
}
export type DisclosureReportRecords = Awaited<ReturnType<typeof disclosureReportRecords>>;

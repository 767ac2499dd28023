import { type Ctx, chinaDate } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import type { DemoOrgs } from '../../domains/org/seed.js';
import { seedDemoOrgsAt, systemAt as systemAtTime, userCtxAt } from '../../test/ctx.js';
import * as calls from './data-call-service.js';

/** 2026-02-10 10:00 in China: reports on 2025 are being compiled. */
export const NOW = new Date('2026-02-10T02:00:00Z');

export const systemAt = (h: DatabaseHandle, now = NOW): Ctx => systemAtTime(h, now);
/** The service context of a demo user, with their real roles and data scope. */
export const userCtx = (h: DatabaseHandle, username: string, now = NOW): Promise<Ctx> =>
  userCtxAt(h, username, now);
export const seedDemoOrgs = (h: DatabaseHandle): Promise<DemoOrgs> => seedDemoOrgsAt(h, NOW);

export function orgIdOf(orgs: DemoOrgs, short: string): string {
  const id = orgs.departments.get(short);
  if (!id) throw new Error(`no department ${short}`);
  return id;
}

/**
 * One figure of 2025 filed through a data call the office (`callOrgId`) issues to one unit
 * (`unitId`), submitted and accepted: a typed-in filing as the report reads it.
 */
export async function fileAcceptedFigure(
  ctx: Ctx,
  callOrgId: string,
  unitId: string,
  figure: { metricId: string; value: number; unit: string },
): Promise<void> {
  const call = await calls.createDataCall(ctx, {
    orgId: callOrgId,
    title: `填报${figure.metricId}`,
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    // 2026-02-28, or today when the clock is later
    deadline: [chinaDate(ctx.now()), '2026-02-28'].sort()[1] ?? '2026-02-28',
    targetOrgIds: [unitId],
    items: [{ metricId: figure.metricId }],
  });
  await calls.changeDataCallStatus(ctx, call.id, 'open', { version: 1 });
  const id = call.submissions[0]?.id ?? '';
  let form = await calls.getSubmission(ctx, id);
  form = await calls.saveFigures(ctx, id, {
    version: form.version,
    figures: [{ itemId: form.lines[0]?.id, value: figure.value, unit: figure.unit }],
  });
  form = await calls.submitSubmission(ctx, id, { version: form.version });
  await calls.reviewSubmission(ctx, id, 'accept', { version: form.version });
}

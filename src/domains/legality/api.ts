/**
 * What other domains may call in the legality domain (合法性审查 · 规范性文件 · 法律顾问).
 * Keep this small: the disputes domain (复议 附带审查) puts documents on the desk, the requests
 * domain (村居法律顾问) looks advisers up. Nothing else here is public.
 */
import type { Ctx } from '../../platform/context.js';
import { reviewPassed } from './review/rules.js';
import type { ReviewKind } from './review/schema.js';
import { getReview, submitReview } from './review/service.js';
import { searchAdvisers } from './advisers/service.js';
import type { AppointedBy } from './advisers/schema.js';

export type { ReviewKind };

/**
 * Puts an item on the legality-review desk (needs `legality:review:submit`). The clock is the
 * region's (15 working days by default). Returns the review's id and due date; validation errors
 * are DomainErrors naming the field, as for any service.
 */
export async function submitForReview(
  ctx: Ctx,
  item: {
    kind: ReviewKind;
    title: string;
    submittedOn: string;
    materials: { name: string; sha256?: string }[];
    orgId?: string;
    itemCount?: number;
  },
): Promise<{ id: string; dueOn: string | null }> {
  const r = await submitReview(ctx, item);
  return { id: r.id, dueOn: r.dueOn };
}

/** Where a review stands: its status label, conclusion and whether it passed (合法 / 修改后合法). */
export async function reviewOutcome(ctx: Ctx, reviewId: string) {
  const r = await getReview(ctx, reviewId);
  return {
    status: r.status,
    statusLabel: r.statusLabel,
    conclusion: r.conclusion,
    conclusionLabel: r.conclusionLabel,
    passed: reviewPassed(r.conclusion),
    concludedOn: r.concludedOn,
  };
}

/** Advisers and 公职律师 in the caller's scope (needs `legality:adviser:list`), e.g. a village's. */
export async function findAdvisers(
  ctx: Ctx,
  filter: { q?: string; appointedBy?: AppointedBy; orgId?: string } = {},
): Promise<
  { id: string; name: string; kindLabel: string; orgName: string; village: string; active: boolean }[]
> {
  const { items } = await searchAdvisers(ctx, { ...filter, active: true }, { offset: 0, limit: 200 });
  return items.map((a) => ({
    id: a.id,
    name: a.name,
    kindLabel: a.kindLabel,
    orgName: a.orgName,
    village: a.village,
    active: a.active,
  }));
}

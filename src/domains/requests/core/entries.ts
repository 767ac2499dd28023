import { chinaDate, type Ctx } from '../../../platform/context.js';
import { insertOwned, newId, writeTx } from '../../../platform/db/tx.js';
import { invalid } from '../../../platform/errors.js';
import { orgInScope } from './service.js';

export interface EntryInput {
  orgId: string;
  kind: string;
  category: string;
  occurredOn: string;
  title: string;
  quantity: number;
  personName?: string | null;
  personOrg?: string | null;
  place?: string | null;
  /** the adviser in the legality domain's registry (村(居)法律顾问) */
  adviserId?: string | null;
  data?: Record<string, unknown>;
}

/** One row of a register (主动公开、领导接访、法律咨询、法律顾问、人大监督), audited. Callers authorize. */
export async function createEntry(ctx: Ctx, e: EntryInput) {
  const org = await orgInScope(ctx, e.orgId);
  if (e.occurredOn > chinaDate(ctx.now()))
    throw invalid('requests.futureDate', `日期 ${e.occurredOn} 晚于今天`, 'occurredOn');
  const row = {
    id: newId(),
    region_code: org.regionCode,
    org_id: org.id,
    kind: e.kind,
    category: e.category,
    occurred_on: e.occurredOn,
    title: e.title,
    quantity: e.quantity,
    person_name: e.personName ?? null,
    person_org: e.personOrg ?? null,
    place: e.place ?? null,
    adviser_id: e.adviserId ?? null,
    data: JSON.stringify(e.data ?? {}),
  };
  await writeTx(ctx.db, ctx.actor, (trx, audit) =>
    insertOwned(trx, audit, ctx.actor, 'requests_entry', `requests.entry.${e.kind}`, row, {
      category: e.category,
      occurredOn: e.occurredOn,
      title: e.title,
      quantity: e.quantity,
      adviserId: e.adviserId ?? null,
    }),
  );
  return { id: row.id };
}

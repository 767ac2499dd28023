import { chinaDate, type Ctx } from '../../../platform/context.js';
import { invalid } from '../../../platform/errors.js';
import { authorize } from '../../org/policy.js';
import { createEntry } from './entries.js';
import { EntryInput, type EntryKind, entryKinds } from './entry-kinds.js';
import { parse } from './service.js';
import { listEntries } from './store.js';

/** Adds a row to one of the registers, checked against its kind's categories. */
export async function addEntry(ctx: Ctx, kind: EntryKind, raw: unknown) {
  const k = entryKinds[kind];
  authorize(ctx.actor, `${k.permission}:edit`);
  const input = parse(EntryInput, raw);
  if (!(input.category in k.categories))
    throw invalid(
      'requests.entry.category',
      `${k.title}的类别应为:${Object.values(k.categories).join('、')}`,
      'category',
    );
  if (
    (kind === 'reception' || kind === 'adviserAssignment' || kind === 'adviserActivity') &&
    !input.personName
  )
    throw invalid(
      'requests.dataRequired',
      kind === 'reception' ? '请填写接访领导姓名' : '请填写法律顾问姓名',
      'personName',
    );
  if ((kind === 'adviserAssignment' || kind === 'adviserActivity') && !input.place)
    throw invalid('requests.dataRequired', '请填写村(社区)名称', 'place');
  return createEntry(ctx, {
    orgId: input.orgId,
    kind,
    category: input.category,
    occurredOn: input.occurredOn,
    title: input.title,
    quantity: input.quantity,
    personName: input.personName ?? null,
    personOrg: input.personOrg ?? null,
    place: input.place ?? null,
  });
}

export async function searchEntries(
  ctx: Ctx,
  kind: EntryKind,
  f: {
    category?: string | undefined;
    orgId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
  page: { offset: number; limit: number },
) {
  const k = entryKinds[kind];
  authorize(ctx.actor, `${k.permission}:list`);
  const r = await listEntries(ctx.db, ctx.scope, { kind, ...f }, page);
  const labels = k.categories as Readonly<Record<string, string>>;
  return {
    total: r.total,
    today: chinaDate(ctx.now()),
    items: r.items.map((e) => ({
      id: e.id,
      orgId: e.org_id,
      orgName: e.org_name,
      category: e.category,
      categoryLabel: labels[e.category] ?? e.category,
      occurredOn: e.occurred_on,
      title: e.title,
      quantity: e.quantity,
      personName: e.person_name,
      personOrg: e.person_org,
      place: e.place,
    })),
  };
}

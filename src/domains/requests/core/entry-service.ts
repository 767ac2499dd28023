import { parseInput } from '../../../platform/validation.js';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import { invalid } from '../../../platform/errors.js';
import { findAdvisers } from '../../legality/api.js';
import { authorize } from '../../org/policy.js';
import { createEntry } from './entries.js';
import { EntryInput, type EntryKind, entryKinds } from './entry-kinds.js';
import { listEntries } from './store.js';

/** Adds a row to one of the registers, checked against its kind's categories. */
export async function addEntry(ctx: Ctx, kind: EntryKind, raw: unknown) {
  const k = entryKinds[kind];
  authorize(ctx.actor, `${k.permission}:edit`);
  const input = parseInput(EntryInput, raw);
  if (!(input.category in k.categories))
    throw invalid(
      'requests.entry.category',
      `${k.title}的类别应为:${Object.values(k.categories).join('、')}`,
      'category',
    );
  if (kind === 'reception' && !input.personName)
    throw invalid('requests.dataRequired', '请填写接访领导姓名', 'personName');
  // 村(居)法律顾问 are the advisers of the legality domain's registry, never a second list
  const needsAdviser =
    kind === 'adviserAssignment' ||
    kind === 'adviserActivity' ||
    (kind === 'consultation' && input.category === 'villageAdviser');
  let adviser: Awaited<ReturnType<typeof findAdvisers>>[number] | undefined;
  if (needsAdviser) {
    if (!input.adviserId)
      throw invalid('requests.adviserRequired', '请从法律顾问库中选择村(居)法律顾问', 'adviserId');
    adviser = (await findAdvisers(ctx, { appointedBy: 'village' })).find((a) => a.id === input.adviserId);
    if (!adviser)
      throw invalid(
        'requests.adviserUnknown',
        '所选法律顾问不在法律顾问库的村(社区)法律顾问中,或不在您的权限范围内',
        'adviserId',
      );
  }
  const place = input.place ?? (adviser?.village || undefined);
  if ((kind === 'adviserAssignment' || kind === 'adviserActivity') && !place)
    throw invalid('requests.dataRequired', '请填写村(社区)名称', 'place');
  return createEntry(ctx, {
    orgId: input.orgId,
    kind,
    category: input.category,
    occurredOn: input.occurredOn,
    title: input.title,
    quantity: input.quantity,
    personName: adviser?.name ?? input.personName ?? null,
    personOrg: adviser?.orgName ?? input.personOrg ?? null,
    place: place ?? null,
    adviserId: adviser?.id ?? null,
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

import type { CalendarChange, RecomputeCount } from '../../platform/calendar/index.js';
import { readGrouped } from '../../platform/db/grouped.js';
import type { Tx } from '../../platform/db/types.js';
import type { ItemKind, KindSpec } from './core/spec.js';
import { actionRecordOf, headOf, loadSettings } from './core/store.js';
import { disclosureSpec } from './disclosure/spec.js';
import { legalAidSpec } from './legal-services/spec.js';
import { mediationSpec } from './mediation/spec.js';
import { petitionSpec } from './petitions/spec.js';
import { proposalSpec } from './proposals/spec.js';

const specs: Record<ItemKind, KindSpec> = {
  disclosure: disclosureSpec,
  petition: petitionSpec,
  mediation: mediationSpec,
  legalAid: legalAidSpec,
  proposal: proposalSpec,
};

/**
 * Every request item whose stored due date is on or after the first changed day: its clock
 * (due date, kind, 暂估 mark and 按期 of an answer) from the log with the kind's own `project`,
 * the rule each act stores by.
 */
export async function recomputeRequestsDueDates(
  trx: Tx,
  change: CalendarChange,
): Promise<readonly RecomputeCount[]> {
  if (change.from === null) return [];
  const rows = await trx
    .selectFrom('requests_item')
    .select([
      'id',
      'kind',
      'region_code',
      'subject',
      'received_on',
      'channel',
      'category',
      'applicant_kind',
      'applicant_name',
      'applicant_contact',
      'facts',
      'link_id',
      'amount',
      'due_kind',
      'due_on',
      'due_provisional',
      'on_time',
    ])
    .where('due_on', '>=', change.from)
    .execute();
  const logs = await readGrouped(
    rows.map((r) => r.id),
    (chunk) =>
      trx
        .selectFrom('requests_action')
        .select(['item_id', 'action', 'occurred_on', 'data', 'actor_id'])
        .where('item_id', 'in', chunk)
        .orderBy('item_id')
        .orderBy('seq')
        .execute(),
    (a) => a.item_id,
    actionRecordOf,
  );
  const settings = new Map<string, Awaited<ReturnType<typeof loadSettings>>>();
  const changed: Record<ItemKind, number> = {
    disclosure: 0,
    petition: 0,
    mediation: 0,
    legalAid: 0,
    proposal: 0,
  };
  for (const r of rows) {
    const kind = r.kind as ItemKind;
    let s = settings.get(r.region_code);
    if (!s) {
      s = await loadSettings(trx, r.region_code);
      settings.set(r.region_code, s);
    }
    const p = specs[kind].project(headOf(r), logs.get(r.id) ?? [], {
      calendar: change.calendar,
      today: change.today,
      settings: { proposalReturnDays: s.proposalReturnDays, warnDays: s.warnDays },
    });
    if (
      p.dueKind === r.due_kind &&
      p.dueOn === r.due_on &&
      p.dueProvisional === r.due_provisional &&
      p.onTime === r.on_time
    )
      continue;
    await trx
      .updateTable('requests_item')
      .set({ due_kind: p.dueKind, due_on: p.dueOn, due_provisional: p.dueProvisional, on_time: p.onTime })
      .where('id', '=', r.id)
      .execute();
    changed[kind]++;
  }
  return (Object.keys(changed) as ItemKind[]).map((k) => ({ ledger: specs[k].title, changed: changed[k] }));
}

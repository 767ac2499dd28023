import { type Insertable, sql } from 'kysely';
import { auditLock } from '../../../platform/audit/audit.js';
import { type CalendarOverrides, overridesJson } from '../../../platform/calendar/index.js';
import type { Scope } from '../../../platform/context.js';
import type { Executor, Tx } from '../../../platform/db/types.js';
import { inScope } from '../../../platform/scope.js';
import { decisionListsJson } from '../../powers/case-store.js';
import type { CaseProjection } from './projection.js';
import type { ActionData, CaseAction, RecordKind } from './schema.js';
import { baseQuery, reviewerIdsJson } from './store.js';
import { bodyJson, handlersJson } from '../officers/store.js';
import type { PublicationRow } from '../publications/service.js';
import { type DecisionChange, decisionChangeQuery } from '../publications/withdrawal.js';
import { latestReferralStatusSql } from '../referrals/store.js';
import type { EnforcementCaseActionTable, EnforcementCaseRecordTable } from '../tables.js';

/** A publication row as row_to_json gives it (timestamps as text; present() reads none of them). */
export type PublicationJson = Omit<PublicationRow, 'created_at' | 'updated_at'>;

/**
 * The one read of a case act: the case row (as findCaseRow), its log with its 全过程记录 (as
 * loadActions), and all the checks need — the handlers' certificates, the body, the reviewers,
 * the region's major-case thresholds, the work calendar, the latest referral's status (art. 11 check),
 * the power item's 裁量权基准 and the 包容审慎清单 item named (only for 决定 / 不予处罚), the sizes of
 * the attachments the act's records cite — and the case's publication, for the response.
 */
export async function findActCase(
  db: Executor,
  scope: Scope,
  caseId: string,
  want: { lists: boolean; leniencyItemId: string | undefined; hashes: readonly string[] },
) {
  return baseQuery(db)
    .where('c.id', '=', caseId)
    .where(inScope(scope, 'c'))
    .select([
      'c.party_id_number',
      'c.party_uscc',
      'c.party_address',
      'c.private_names',
      'p.law_name',
      'p.article',
      sql<
        {
          seq: number;
          action: CaseAction;
          date: string;
          data: ActionData;
          actorId: string | null;
          actorName: string;
        }[]
      >`coalesce((select json_agg(json_build_object('seq', a.seq, 'action', a.action, 'date', a.occurred_on,
          'data', a.data, 'actorId', a.actor_id, 'actorName', a.actor_name) order by a.seq)
        from enforcement_case_action a where a.case_id = c.id), '[]'::json)`.as('log'),
      sql<
        { seq: number; sha256: string; kind: RecordKind; name: string; size: number; late: boolean }[]
      >`coalesce(
        (select json_agg(json_build_object('seq', r.seq, 'sha256', r.sha256, 'kind', r.kind, 'name', r.name,
          'size', r.size, 'late', r.late) order by r.seq, r.added_at, r.id)
        from enforcement_case_record r where r.case_id = c.id), '[]'::json)`.as('records'),
      handlersJson(sql.ref<string[]>('c.handler_ids')).as('handlers'),
      bodyJson(sql.ref<string>('c.body_id')).as('body'),
      reviewerIdsJson().as('reviewers'),
      sql<{
        person_amount: string | number;
        organisation_amount: string | number;
        revoke_license: boolean;
        suspend_business: boolean;
        hearing_held: boolean;
      } | null>`(select row_to_json(t) from enforcement_major_threshold t where t.region_code = c.region_code)`.as(
        'thresholds',
      ),
      overridesJson().as('calendar'),
      latestReferralStatusSql(sql.ref<string>('c.id')).as('referral_status'),
      sql<PublicationJson | null>`(select row_to_json(x) from enforcement_publication x
        where x.case_id = c.id limit 1)`.as('publication'),
      want.lists
        ? decisionListsJson({
            regionCode: sql.ref<string>('c.region_code'),
            powerItemId: sql.ref<string | null>('c.power_item_id'),
            leniencyItemId: want.leniencyItemId,
          }).as('lists')
        : sql<null>`null::json`.as('lists'),
      (want.hashes.length > 0
        ? sql<
            { sha256: string; size: number }[]
          >`coalesce((select json_agg(json_build_object('sha256', f.sha256,
            'size', f.size)) from stored_file f where f.sha256 = any(${[...want.hashes]}::text[])), '[]'::json)`
        : sql<{ sha256: string; size: number }[]>`'[]'::json`
      ).as('files'),
    ])
    .executeTakeFirst();
}

export type ActCase = NonNullable<Awaited<ReturnType<typeof findActCase>>>;
export type { CalendarOverrides };

export interface ActWrite {
  caseId: string;
  /** the version read: the update applies only if no other act came first */
  version: number;
  projection: CaseProjection;
  actorId: string | null;
  now: Date;
  action: Insertable<EnforcementCaseActionTable>;
  records: readonly Insertable<EnforcementCaseRecordTable>[];
  /** the 公示 record a decision creates */
  publication: {
    id: string;
    region_code: string;
    org_id: string;
    case_id: string;
    case_opened_on: string;
    decided_on: string;
    due_on: string;
    category: string;
    status: string;
    withheld_reason: string | null;
    content: string | null;
    created_by: string | null;
    updated_by: string | null;
  } | null;
  /** a 变更 / 撤销 and what it does to the publication (decisionChangeQuery) */
  change: { change: DecisionChange; calendar: Parameters<typeof decisionChangeQuery>[3] } | null;
}

/**
 * The one write statement of a case act: the case row updated on its version (optimistic lock), the
 * act and its records appended, the decision's publication inserted or changed — then, once every
 * one of those has run (they are read in the WHERE, before the select list), the audit chain's
 * lock, so that it is taken after the row locks as every other writer takes it (no deadlock).
 * Returns undefined when the version was stale (nothing to keep: the caller rolls back), else the
 * publication row the statement wrote, if any.
 */
export async function writeAct(
  trx: Tx,
  w: ActWrite,
): Promise<{ publication: PublicationJson | null } | undefined> {
  const ctes = [
    sql`upd as (${trx
      .updateTable('enforcement_case')
      .set((eb) => ({
        ...w.projection,
        updated_by: w.actorId,
        updated_at: w.now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', w.caseId)
      .where('version', '=', w.version)
      .returning('id')})`,
    sql`act as (${trx.insertInto('enforcement_case_action').values(w.action).returning('id')})`,
  ];
  const ran = [sql`(select count(*) from act)`];
  if (w.records.length > 0) {
    ctes.push(
      sql`rec as (${trx
        .insertInto('enforcement_case_record')
        .values([...w.records])
        .returning('id')})`,
    );
    ran.push(sql`(select count(*) from rec)`);
  }
  let publication = sql<PublicationJson | null>`null::json`;
  if (w.publication) {
    ctes.push(
      sql`pub as (${trx.insertInto('enforcement_publication').values(w.publication).returningAll()})`,
    );
    ran.push(sql`(select count(*) from pub)`);
    publication = sql`(select row_to_json(x) from pub x)`;
  } else if (w.change) {
    ctes.push(
      sql`chg as (${decisionChangeQuery(trx, w.caseId, w.change.change, w.change.calendar, w.actorId)})`,
    );
    ran.push(sql`(select count(*) from chg)`);
    publication = sql`(select row_to_json(x) from chg x)`;
  }
  const r = await sql<{ publication: PublicationJson | null }>`with ${sql.join(ctes)}
    select ${auditLock()} as locked, ${publication} as publication
    from upd where ${sql.join(ran, sql` + `)} >= 0`.execute(trx);
  const row = r.rows[0];
  return row ? { publication: row.publication } : undefined;
}

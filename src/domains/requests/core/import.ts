import { loadWorkCalendar } from '../../../platform/calendar/index.js';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import { newId, writeTx } from '../../../platform/db/tx.js';
import type { Tx } from '../../../platform/db/types.js';
import { DomainError } from '../../../platform/errors.js';
import { type ImportReport, type ImportSource, importLedger } from '../../../platform/io/index.js';
import { listOrgs } from '../../org/org-store.js';
import { authorize } from '../../org/policy.js';
import { type ItemLedgerRow, itemColumns } from './ledger.js';
import type { ActionRecord, ItemHead, KindSpec, Projection, RuleContext } from './spec.js';
import { actionRow, loadSettings, projectionColumns } from './store.js';

/** A row's codes, read back from the Chinese labels the export wrote. */
export interface RowCodes {
  orgId: string;
  channel: string;
  category: string;
  status: string;
  outcome: string | null;
  applicantKind: string | null;
}

/**
 * How a kind reads last year's ledger: its create input from the row, and the acts that lead to the
 * row's status (dated by the row's dates), each checked by the kind's own rules like a live act.
 */
export interface LedgerAdapter {
  createInput(row: ItemLedgerRow, c: RowCodes): Record<string, unknown>;
  history(row: ItemLedgerRow, c: RowCodes): { action: string; date: string; data: Record<string, unknown> }[];
}

type Problem = { column: string; message: string };

const codeOf = (labels: Readonly<Record<string, string>>, label: string | null) =>
  label ? Object.entries(labels).find(([, l]) => l === label)?.[0] : undefined;

interface Env {
  today: string;
  orgs: Map<string, { id: string; regionCode: string }>;
  rc: Map<string, RuleContext>;
  used: Set<string>;
}

async function loadEnv(ctx: Ctx, spec: KindSpec): Promise<Env> {
  const { items } = await listOrgs(ctx.db, ctx.scope, {});
  const calendar = await loadWorkCalendar(ctx.db);
  const today = chinaDate(ctx.now());
  const rc = new Map<string, RuleContext>();
  for (const region of new Set(items.map((o) => o.regionCode))) {
    const s = await loadSettings(ctx.db, region);
    rc.set(region, {
      calendar,
      today,
      settings: { proposalReturnDays: s.proposalReturnDays, warnDays: s.warnDays },
    });
  }
  const used = await ctx.db
    .selectFrom('requests_item')
    .select(['region_code', 'receipt_no'])
    .where('kind', '=', spec.kind)
    .execute();
  return {
    today,
    orgs: new Map(items.map((o) => [o.name, { id: o.id, regionCode: o.regionCode }])),
    rc,
    used: new Set(used.map((u) => `${u.region_code}/${u.receipt_no}`)),
  };
}

interface Prepared {
  orgId: string;
  regionCode: string;
  head: ItemHead;
  log: ActionRecord[];
  projection: Projection;
}

/** A row checked against the kind's schema and rules: the item it makes, or its problems by column. */
function prepare(
  env: Env,
  spec: KindSpec,
  adapter: LedgerAdapter,
  row: ItemLedgerRow,
  actorId: string | null,
): { ok: true; item: Prepared } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const org = env.orgs.get(row.orgName);
  if (!org)
    problems.push({ column: 'orgName', message: `办理单位“${row.orgName}”不存在或不在您的权限范围内` });
  const lookups = [
    ['channel', spec.labels.channel, row.channel],
    ['category', spec.labels.category, row.category],
    ['status', spec.statusLabels, row.status],
  ] as const;
  const found: Record<string, string | undefined> = {};
  for (const [key, labels, label] of lookups) {
    found[key] = codeOf(labels, label);
    if (!found[key])
      problems.push({ column: key, message: `“${label}”不是可选值:${Object.values(labels).join('、')}` });
  }
  const outcome = codeOf(spec.labels.outcome, row.outcome) ?? null;
  if (row.outcome && !outcome)
    problems.push({
      column: 'outcome',
      message: `结果“${row.outcome}”不是可选值:${Object.values(spec.labels.outcome).join('、')}`,
    });
  const applicantKind = codeOf(spec.labels.applicantKind, row.applicantKind) ?? null;
  if (row.applicantKind && !applicantKind)
    problems.push({
      column: 'applicantKind',
      message: `“${row.applicantKind}”不是可选值:${Object.values(spec.labels.applicantKind).join('、')}`,
    });
  if (org && env.used.has(`${org.regionCode}/${row.receiptNo}`))
    problems.push({ column: 'receiptNo', message: `编号“${row.receiptNo}”在本行政区域已存在` });
  if (!org || problems.length > 0) return { ok: false, problems };
  const codes: RowCodes = {
    orgId: org.id,
    channel: found.channel ?? '',
    category: found.category ?? '',
    status: found.status ?? '',
    outcome,
    applicantKind,
  };
  try {
    const parsed = spec.createInput.safeParse(adapter.createInput(row, codes));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, problems: [{ column: '', message: `${issue?.message ?? '输入有误'}` }] };
    }
    const head = spec.head(parsed.data);
    const rc = env.rc.get(org.regionCode);
    if (!rc) return { ok: false, problems: [{ column: 'orgName', message: '办理单位的行政区域未设置' }] };
    const acts = adapter.history(row, codes);
    const log: ActionRecord[] = [];
    for (const [i, a] of acts.entries()) {
      const parsedData = spec.actionData.safeParse(a.data);
      if (!parsedData.success) throw new Error(`adapter data for ${a.action} does not parse`);
      const next: ActionRecord = {
        action: a.action,
        date: a.date,
        data: parsedData.data as Record<string, unknown>,
        actorId,
      };
      if (i > 0) spec.checkAction(head, log, next, rc);
      log.push(next);
    }
    const projection = spec.project(head, log, rc);
    if (projection.status !== codes.status)
      return {
        ok: false,
        problems: [
          {
            column: 'status',
            message: `按本行的日期和结果,状态应为“${spec.statusLabels[projection.status] ?? projection.status}”`,
          },
        ],
      };
    return { ok: true, item: { orgId: org.id, regionCode: org.regionCode, head, log, projection } };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const field = typeof e.details.field === 'string' ? e.details.field : '';
    const column = field === 'date' ? 'status' : field in (row as object) ? field : '';
    return { ok: false, problems: [{ column, message: e.message }] };
  }
}

/**
 * 导入上年台账 (Excel or CSV, the export's columns): every row is checked first — units, labels,
 * the kind's schema and each act by its statutory rules — and one bad row writes nothing, with
 * every problem reported by row and column. Then all rows are written in one transaction with
 * their action logs, so status and clocks derive exactly as for a live item; one audit entry.
 */
export async function importItems(
  ctx: Ctx,
  spec: KindSpec,
  adapter: LedgerAdapter,
  source: ImportSource,
  options: { fileName?: string } = {},
): Promise<ImportReport> {
  authorize(ctx.actor, spec.editPermission);
  const env = await loadEnv(ctx, spec);
  const actorId = ctx.actor.userId;
  let written = 0;
  let regionCode: string | null = null;
  return importLedger<ItemLedgerRow, Tx>(source, itemColumns(spec), {
    checkRow: (row) => {
      const r = prepare(env, spec, adapter, row, actorId);
      return r.ok ? [] : r.problems;
    },
    transaction: {
      execute: (write) =>
        writeTx(ctx.db, ctx.actor, async (trx, audit) => {
          await write(trx);
          audit({
            action: `requests.${spec.kind}.import`,
            entity: 'requests_item',
            regionCode,
            change: { file: options.fileName ?? null, rows: written },
          });
        }),
    },
    onBatch: async (rows, trx) => {
      for (const row of rows) {
        const r = prepare(env, spec, adapter, row, actorId);
        if (!r.ok)
          throw new DomainError(
            'io.sourceChanged',
            '导入过程中数据发生了变化,已全部撤销:请重新导入',
            'conflict',
          );
        const { item } = r;
        const id = newId();
        regionCode ??= item.regionCode;
        await trx
          .insertInto('requests_item')
          .values({
            id,
            region_code: item.regionCode,
            org_id: item.orgId,
            kind: spec.kind,
            receipt_no: row.receiptNo,
            subject: item.head.subject,
            received_on: item.head.receivedOn,
            channel: item.head.channel,
            category: item.head.category,
            applicant_kind: item.head.applicantKind,
            applicant_name: item.head.applicantName,
            applicant_contact: item.head.applicantContact,
            facts: JSON.stringify({ ...item.head.facts, imported: true }),
            link_id: null,
            amount: item.head.amount,
            ...projectionColumns(item.projection),
            action_count: item.log.length,
            created_by: actorId,
            updated_by: actorId,
          })
          .execute();
        await trx
          .insertInto('requests_action')
          .values(
            item.log.map((a, i) =>
              actionRow({ id, regionCode: item.regionCode, orgId: item.orgId }, i + 1, a, {
                id: actorId,
                name: `${ctx.actor.displayName}(台账导入)`,
              }),
            ),
          )
          .execute();
        env.used.add(`${item.regionCode}/${row.receiptNo}`);
        written++;
      }
    },
  });
}

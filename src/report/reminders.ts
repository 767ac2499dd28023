import { listMySubmissions } from '../domains/planning/data-call-store.js';
import { listReports } from './planning/report-store.js';
import { DATA_CALL_WARN_DAYS } from '../domains/planning/rules.js';
import { listOrgs } from '../domains/org/org-store.js';
import { dueState } from '../platform/clock/index.js';
import { type Ctx, can, chinaDate } from '../platform/context.js';
import { dueCounts } from './dashboard.js';
import { listReportStages } from '../domains/requests/disclosure/report-store.js';
import {
  annualReportReminder,
  disclosureReportReminder,
  type ReportStage,
  reminderKindLabels,
} from './reminder-rules.js';

/** One 待办提醒: a single item with its unit and date, or a count of a ledger's 临期/逾期 items. */
export interface Reminder {
  key: string;
  domain: string;
  domainName: string;
  title: string;
  /** the unit that must act; null for a count over many units */
  unitName: string | null;
  due: string | null;
  state: 'dueSoon' | 'overdue';
  /** how many items, for a ledger count; null for a single item */
  count: number | null;
  /** the rule behind the deadline, as printed */
  basis: string | null;
  /** the web page that shows it, with its 临期/逾期 filter */
  link: string;
}

/** A reminder addressed to one unit: a single item, not a count. */
function unitReminder(unitName: string, item: Omit<Reminder, 'unitName' | 'count'>): Reminder {
  return { ...item, unitName, count: null };
}

/**
 * The active units in scope and what `load` reads of last year, the year whose annual reports
 * fall due this year.
 */
async function unitsAndLastYear<T>(ctx: Ctx, today: string, load: (year: number) => Promise<T>) {
  const year = Number(today.slice(0, 4)) - 1;
  const [{ items: orgs }, loaded] = await Promise.all([
    listOrgs(ctx.db, ctx.scope, { active: true }),
    load(year),
  ]);
  return { orgs, loaded };
}

const REPORT_BASIS = '《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号)';

/** Annual reports of the units in scope: the reminder each unit's report stage calls for today. */
async function reportReminders(ctx: Ctx, today: string): Promise<Reminder[]> {
  if (!can(ctx.actor, 'planning:report:list')) return [];
  const { orgs, loaded: reports } = await unitsAndLastYear(ctx, today, (year) =>
    listReports(ctx.db, ctx.scope, { year }),
  );
  const stage = new Map(reports.map((r) => [r.orgId, r.status as ReportStage]));
  return orgs.flatMap((o) => {
    const r = annualReportReminder(o.kind, stage.get(o.id) ?? 'none', today);
    if (!r) return [];
    return unitReminder(o.name, {
      key: `report:${o.id}:${r.year}:${r.kind}`,
      domain: 'planning',
      domainName: '年度报告',
      title: `${r.year}年度法治政府建设年度报告${reminderKindLabels[r.kind]}`,
      due: r.due,
      state: r.state,
      basis: REPORT_BASIS,
      link: '/report/reports',
    });
  });
}

const DISCLOSURE_BASIS = '《中华人民共和国政府信息公开条例》第四十九条';

/** 政务公开年报 of the units in scope: submit by 1月31日, the government's published by 3月31日. */
async function disclosureReportReminders(ctx: Ctx, today: string): Promise<Reminder[]> {
  if (!can(ctx.actor, 'requests:disclosure:list')) return [];
  const { orgs, loaded: stages } = await unitsAndLastYear(ctx, today, (year) =>
    listReportStages(ctx.db, ctx.scope, year),
  );
  const marks = new Map(
    stages.map((s) => [s.org_id, { submittedOn: s.submitted_on, publishedOn: s.published_on }]),
  );
  return orgs.flatMap((o) => {
    const r = disclosureReportReminder(
      o.kind,
      marks.get(o.id) ?? { submittedOn: null, publishedOn: null },
      today,
    );
    if (!r) return [];
    return unitReminder(o.name, {
      key: `disclosureReport:${o.id}:${r.year}:${r.kind}`,
      domain: 'requests',
      domainName: '政务公开',
      title: `${r.year}年政府信息公开工作年度报告${r.kind === 'submit' ? '报送并公布' : '向社会公布'}`,
      due: r.due,
      state: r.state,
      basis: DISCLOSURE_BASIS,
      link: `/requests/disclosure-report?orgId=${o.id}&year=${r.year}`,
    });
  });
}

/** Units' data-call answers not yet submitted (or returned), 临期 within the 数据填报 warning. */
async function dataCallReminders(ctx: Ctx, today: string): Promise<Reminder[]> {
  const office = can(ctx.actor, 'planning:dataCall:list');
  if (!office && !can(ctx.actor, 'planning:dataCall:fill')) return [];
  const { items } = await listMySubmissions(ctx.db, ctx.scope, { offset: 0, limit: 10_000 });
  return items.flatMap((s) => {
    if (s.status !== 'pending' && s.status !== 'returned') return [];
    const state = dueState(s.deadline, today, DATA_CALL_WARN_DAYS);
    if (state === 'normal') return [];
    const own = s.orgId === ctx.actor.orgId && can(ctx.actor, 'planning:dataCall:fill');
    return unitReminder(s.orgName, {
      key: `dataCall:${s.id}`,
      domain: 'planning',
      domainName: '数据填报',
      title: `${s.title}${s.status === 'returned' ? '(已退回待重报)' : ''}`,
      due: s.deadline,
      state,
      basis: null,
      link: own || !office ? '/report/submissions' : `/report/data-calls?due=${state}`,
    });
  });
}

/** The other ledgers' 临期/逾期 counts (cases, publications, inspection results), as the 驾驶舱 counts them. */
async function ledgerReminders(ctx: Ctx): Promise<Reminder[]> {
  const { items: orgs } = await listOrgs(ctx.db, ctx.scope, {});
  const counts = await dueCounts(
    ctx,
    orgs.map((o) => o.id),
    { planning: false },
  );
  return counts.flatMap((d) =>
    (['overdue', 'dueSoon'] as const)
      .filter((state) => d[state] > 0)
      .map(
        (state): Reminder => ({
          key: `ledger:${d.item}:${state}`,
          domain: d.domain,
          domainName: d.domainName,
          title: d.item,
          unitName: null,
          due: null,
          state,
          count: d[state],
          basis: null,
          link: `${d.link}?due=${state}`,
        }),
      ),
  );
}

const rank = (r: Reminder) => (r.state === 'overdue' ? 0 : 1);

/** 待办提醒 of the user's scope today, computed from the records (no job): 逾期 first, then by date. */
export async function reminders(ctx: Ctx): Promise<{ today: string; items: Reminder[] }> {
  const today = chinaDate(ctx.now());
  const parts = await Promise.all([
    reportReminders(ctx, today),
    disclosureReportReminders(ctx, today),
    dataCallReminders(ctx, today),
    ledgerReminders(ctx),
  ]);
  const items = parts
    .flat()
    .sort(
      (a, b) => rank(a) - rank(b) || (a.due ?? '').localeCompare(b.due ?? '') || a.key.localeCompare(b.key),
    );
  return { today, items };
}

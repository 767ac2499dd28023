import { type RawBuilder, sql } from 'kysely';
import type { MetricDefinition } from '../../platform/metrics/types.js';
import { assessmentMetrics } from './assessment/metrics.js';
import { rateMetric, type RowQuery, rowMetric } from './metric-kit.js';
import './tables.js';

const t = (name: string) => sql`${sql.table(name)} e`;
/**
 * The rows of an oversight ledger `table`, dated by `dateCol`, labelled by `label`, those `where`
 * holds; `more`: each row's value or distinct key, when the figure is not a plain count.
 */
const ledger = (
  table: string,
  dateCol: string,
  label: RawBuilder<string>,
  where?: RawBuilder<boolean>,
  more: Pick<RowQuery, 'value' | 'key'> = {},
): RowQuery => ({
  from: t(table),
  dateCol,
  label,
  ...(where ? { where } : {}),
  ...(more.value ? { value: more.value } : {}),
  ...(more.key ? { key: more.key } : {}),
});
const rect = (where?: RawBuilder<boolean>, dateCol = 'e.found_on'): RowQuery =>
  ledger('oversight_rectification', dateCol, sql<string>`e.source_label || ':' || e.problem`, where);
// review files carry no created_by (a 仅本人 scope sees none of them)
const files: RowQuery = {
  from: sql`(select f.*, null::uuid as created_by from oversight_review_file f) e`,
  dateCol: 'e.scored_on',
  where: sql<boolean>`e.grade is not null`,
  label: sql<string>`'评查案卷 第' || e.seq || '号'`,
};
const study = (kinds: string[]): RowQuery =>
  ledger(
    'oversight_study_session',
    'e.held_on',
    sql<string>`e.topic`,
    sql<boolean>`e.kind = any(${kinds}::text[])`,
  );
const candidates = (where = sql<boolean>`true`): RowQuery => ({
  from: sql`oversight_exam_candidate c join oversight_exam e on e.id = c.parent_id`,
  dateCol: 'e.held_on',
  where,
  label: sql<string>`e.title || ':' || c.person_name`,
  key: sql<string>`c.id::text`,
});
const duty = (mode: 'onSite' | 'written', orgKinds?: string[]): RowQuery =>
  ledger(
    'oversight_duty_report',
    'e.held_on',
    sql<string>`e.reporter`,
    orgKinds
      ? sql<boolean>`e.mode = ${mode} and g.kind = any(${orgKinds}::text[])`
      : sql<boolean>`e.mode = ${mode}`,
    { key: sql<string>`e.org_id::text` },
  );
const activity = (where: RawBuilder<boolean>, value?: RawBuilder<number>): RowQuery =>
  ledger('oversight_publicity_activity', 'e.held_on', sql<string>`e.title`, where, { value });
// the org record as a ledger row of itself: its current values (the record keeps no history)
const orgs = (
  where: ReturnType<typeof sql<boolean>>,
  value?: ReturnType<typeof sql<number>>,
  dateCol = "date '1949-10-01'",
): RowQuery => ({
  from: sql`(select o.*, o.id as org_id from org o where o.active) e`,
  dateCol,
  stock: true,
  where,
  label: sql<string>`e.name`,
  ...(value ? { value } : {}),
});
const transfers = (
  where: RawBuilder<boolean>,
  value?: RawBuilder<number>,
  key?: RawBuilder<string>,
): RowQuery =>
  ledger('oversight_function_transfer', 'e.held_on', sql<string>`e.from_org`, where, { value, key });
const leader = (kind: string, value?: RawBuilder<number>): RowQuery =>
  ledger(
    'oversight_leader_duty',
    'e.held_on',
    sql<string>`e.leader || ':' || e.subject`,
    sql<boolean>`e.kind = ${kind}`,
    { value },
  );

export const oversightMetrics: readonly MetricDefinition[] = [
  // ── 整改 ──
  rowMetric(
    {
      id: 'oversight.rectifications.raised',
      name: '交办整改问题数',
      unit: '个',
      definition: '报告期内经法治督察、案卷评查、执法监督意见书和问题线索发现并交办整改的问题个数。',
    },
    'count',
    rect(),
  ),
  rowMetric(
    {
      id: 'oversight.rectifications.closed',
      name: '已整改销号问题数',
      unit: '个',
      definition: '报告期内经交办单位核查佐证材料后销号的整改问题个数(不论何时发现)。',
    },
    'count',
    rect(sql<boolean>`e.status = 'closed'`, 'e.closed_on'),
  ),
  rowMetric(
    {
      id: 'oversight.rectifications.overdue',
      name: '逾期未整改问题数',
      unit: '个',
      definition: '截至报告期末已过整改期限、尚未销号的整改问题个数(期末时点数)。',
    },
    'count',
    {
      ...rect(),
      stock: true,
      where: (q) =>
        sql<boolean>`(e.closed_on is null or e.closed_on > ${q.to}::date) and e.due_on < ${q.to}::date`,
    },
  ),
  rateMetric(
    {
      id: 'oversight.rectifications.closedRate',
      name: '问题整改销号率',
      unit: '%',
      definition: '报告期内发现的整改问题中已销号的比例:已销号个数 ÷ 发现个数 × 100%。',
    },
    rect(sql<boolean>`e.status = 'closed'`),
    rect(),
  ),
  // ── 法治督察 ──
  rowMetric(
    {
      id: 'oversight.inspections.visits',
      name: '法治督察(执法监督检查)次数',
      unit: '次',
      definition: '报告期内依督察计划到被督察单位开展督察检查的次数,每单位每次计一次。',
    },
    'count',
    ledger('oversight_inspection_visit', 'e.visited_on', sql<string>`e.inspectors`),
  ),
  rowMetric(
    {
      id: 'oversight.inspections.topics',
      name: '督察(创建)主题数',
      unit: '个',
      definition: '报告期内督察计划确定的督察主题(事项)个数,同名主题计一个。',
    },
    'distinct',
    {
      from: sql`(select p.*, unnest(p.topics) as topic from oversight_inspection_plan p) e`,
      dateCol: 'e.period_from',
      label: sql<string>`e.topic`,
      key: sql<string>`e.topic`,
    },
  ),
  // ── 案卷评查 ──
  rowMetric(
    {
      id: 'oversight.review.files',
      name: '评查行政执法案卷数',
      unit: '件',
      definition: '报告期内按评查标准完成打分的随机抽取案卷件数。',
    },
    'count',
    files,
  ),
  rowMetric(
    {
      id: 'oversight.review.failed',
      name: '评查不合格案卷数',
      unit: '件',
      definition: '报告期内评查等次为“不合格”的案卷件数。',
    },
    'count',
    { ...files, where: sql<boolean>`e.grade = 'fail'` },
  ),
  rowMetric(
    {
      id: 'oversight.review.reviewers',
      name: '参加案卷评查人员数',
      unit: '人',
      definition: '报告期内为评查案卷打分的人员数,同一人计一次。',
    },
    'distinct',
    { ...files, key: sql<string>`e.reviewer_id::text` },
  ),
  rowMetric(
    {
      id: 'oversight.review.reviewerOrgs',
      name: '参加案卷评查单位数',
      unit: '个',
      definition: '报告期内评查人员所在单位数(交叉评查的参与单位),同一单位计一次。',
    },
    'distinct',
    { ...files, key: sql<string>`(select u.org_id::text from app_user u where u.id = e.reviewer_id)` },
  ),
  rowMetric(
    {
      id: 'oversight.review.orgs',
      name: '被评查单位数',
      unit: '个',
      definition: '报告期内有案卷被评查的执法单位数,同一单位计一次。',
    },
    'distinct',
    { ...files, key: sql<string>`e.org_id::text` },
  ),
  // ── 问题线索、监督意见书 ──
  rowMetric(
    {
      id: 'oversight.clues.found',
      name: '发现问题线索数',
      unit: '条',
      definition: '报告期内登记的问题线索条数(群众举报和平台规则发现)。',
    },
    'count',
    ledger('oversight_clue', 'e.found_on', sql<string>`e.description`),
  ),
  rowMetric(
    {
      id: 'oversight.clues.closed',
      name: '办结问题线索数',
      unit: '条',
      definition: '报告期内办结的问题线索条数。',
    },
    'count',
    ledger('oversight_clue', 'e.closed_on', sql<string>`e.description`, sql<boolean>`e.status = 'closed'`),
  ),
  rowMetric(
    {
      id: 'oversight.opinions.issued',
      name: '制发行政执法监督意见书、建议书数',
      unit: '份',
      definition: '报告期内制发的行政执法监督意见书和建议书份数。',
    },
    'count',
    ledger('oversight_opinion', 'e.issued_on', sql<string>`e.doc_no`),
  ),
  // ── 学法 ──
  rowMetric(
    {
      id: 'oversight.study.sessions',
      name: '集体学法次数',
      unit: '次',
      definition: '报告期内理论学习中心组学法、常务会议会前学法和党委(党组)集体学法的次数。',
    },
    'count',
    study(['centralGroup', 'preMeeting', 'partyGroup']),
  ),
  rowMetric(
    {
      id: 'oversight.study.centralGroup',
      name: '理论学习中心组学法场次',
      unit: '场次',
      definition: '报告期内理论学习中心组(含会前学法)专题学法的场次。',
    },
    'count',
    study(['centralGroup', 'preMeeting']),
  ),
  rowMetric(
    {
      id: 'oversight.study.centralGroup.attendees',
      name: '理论学习中心组学法参加人数',
      unit: '人',
      definition: '报告期内理论学习中心组(含会前学法)各场学法登记的参加人数之和(人次)。',
    },
    'sum',
    { ...study(['centralGroup', 'preMeeting']), value: sql<number>`e.attendees` },
  ),
  rowMetric(
    {
      id: 'oversight.study.partyGroup',
      name: '党委(党组)集体学法次数',
      unit: '次',
      definition: '报告期内党委(党组)专题集体学法的次数。',
    },
    'count',
    study(['partyGroup']),
  ),
  rowMetric(
    {
      id: 'oversight.study.lectures',
      name: '法治讲座次数',
      unit: '次',
      definition: '报告期内举办的领导干部法治讲座次数。',
    },
    'count',
    study(['lecture']),
  ),
  // ── 任前考法 ──
  rowMetric(
    {
      id: 'oversight.exams',
      name: '任前考法场次',
      unit: '场',
      definition: '报告期内组织的领导干部任前法律知识考试场次。',
    },
    'count',
    ledger('oversight_exam', 'e.held_on', sql<string>`e.title`),
  ),
  rowMetric(
    {
      id: 'oversight.exams.candidates',
      name: '任前考法人数',
      unit: '人',
      definition: '报告期内任前考法登记的应考人数。',
    },
    'count',
    candidates(),
  ),
  rowMetric(
    {
      id: 'oversight.exams.candidatesSat',
      name: '学法考试参考人数',
      unit: '人',
      definition: '报告期内任前考法实际参加考试(有成绩)的人数。',
    },
    'count',
    candidates(sql<boolean>`c.score is not null`),
  ),
  rateMetric(
    {
      id: 'oversight.exams.attendanceRate',
      name: '学法考试参考率',
      unit: '%',
      definition: '实际参考人数 ÷ 应考人数 × 100%。',
    },
    candidates(sql<boolean>`c.score is not null`),
    candidates(),
  ),
  rateMetric(
    {
      id: 'oversight.exams.passRate',
      name: '学法考试通过率',
      unit: '%',
      definition: '成绩达到合格分数的人数 ÷ 实际参考人数 × 100%。',
    },
    candidates(sql<boolean>`c.score >= e.pass_mark`),
    candidates(sql<boolean>`c.score is not null`),
  ),
  // ── 述法 ──
  rowMetric(
    {
      id: 'oversight.dutyReports.onSite',
      name: '现场述法单位数',
      unit: '家',
      definition: '报告期内现场述法的单位数,同一单位计一次。',
    },
    'distinct',
    duty('onSite'),
  ),
  rowMetric(
    {
      id: 'oversight.dutyReports.onSite.townships',
      name: '现场述法乡镇(街道)数',
      unit: '个',
      definition: '报告期内现场述法的乡镇和街道个数。',
    },
    'distinct',
    duty('onSite', ['township', 'subdistrict']),
  ),
  rowMetric(
    {
      id: 'oversight.dutyReports.onSite.departments',
      name: '现场述法部门数',
      unit: '个',
      definition: '报告期内现场述法的政府工作部门个数。',
    },
    'distinct',
    duty('onSite', ['department']),
  ),
  rowMetric(
    {
      id: 'oversight.dutyReports.written',
      name: '书面述法单位数',
      unit: '个',
      definition: '报告期内书面述法的单位个数。',
    },
    'distinct',
    duty('written'),
  ),
  // ── 培训 ──
  rowMetric(
    {
      id: 'oversight.training.courses',
      name: '法治培训课程数',
      unit: '堂',
      definition: '报告期内举办的法治培训课程堂数。',
    },
    'count',
    ledger('oversight_training_course', 'e.held_on', sql<string>`e.title`),
  ),
  rowMetric(
    {
      id: 'oversight.training.courses.partySchool',
      name: '党校法治培训课程数',
      unit: '堂',
      definition: '报告期内党校(行政学院)开设的法治培训课程堂数。',
    },
    'count',
    ledger(
      'oversight_training_course',
      'e.held_on',
      sql<string>`e.title`,
      sql<boolean>`e.provider = 'partySchool'`,
    ),
  ),
  rowMetric(
    {
      id: 'oversight.training.hours',
      name: '法治培训学时',
      unit: '学时',
      definition: '报告期内参训人员获得的法治培训学时之和。',
    },
    'sum',
    {
      from: sql`oversight_training_attendance a join oversight_training_course e on e.id = a.parent_id`,
      dateCol: 'e.held_on',
      label: sql<string>`e.title || ':' || a.person_name`,
      value: sql<number>`a.hours`,
    },
    { digits: 1 },
  ),
  // ── 普法 ──
  rowMetric(
    {
      id: 'oversight.publicity.campaigns',
      name: '集中法治宣传活动场次',
      unit: '场次',
      definition: '报告期内开展的集中法治宣传活动场次。',
    },
    'count',
    activity(sql<boolean>`e.kind = 'campaign'`),
  ),
  rowMetric(
    {
      id: 'oversight.publicity.participants',
      name: '普法活动参与人次',
      unit: '人次',
      definition: '报告期内各项普法活动登记的参与人数之和。',
    },
    'sum',
    activity(sql<boolean>`true`, sql<number>`e.participants`),
  ),
  rowMetric(
    {
      id: 'oversight.publicity.materials',
      name: '普法宣传品发放数',
      unit: '万册(份)',
      definition: '报告期内普法活动发放的宣传资料份数之和,以万册(份)计。',
    },
    'sum',
    activity(sql<boolean>`e.materials > 0`, sql<number>`e.materials`),
    { divisor: 10000, digits: 2 },
  ),
  rowMetric(
    {
      id: 'oversight.publicity.messages.weibo',
      name: '普法信息推送数(微博)',
      unit: '条',
      definition: '报告期内通过微博推送的普法信息条数。',
    },
    'sum',
    activity(sql<boolean>`e.channel = 'weibo'`, sql<number>`e.messages`),
  ),
  rowMetric(
    {
      id: 'oversight.publicity.messages.wechat',
      name: '普法信息推送数(微信)',
      unit: '条',
      definition: '报告期内通过微信推送的普法信息条数。',
    },
    'sum',
    activity(sql<boolean>`e.channel = 'wechat'`, sql<number>`e.messages`),
  ),
  rowMetric(
    {
      id: 'oversight.publicity.messages.sms',
      name: '普法短信推送数',
      unit: '万条',
      definition: '报告期内推送的普法短信条数之和,以万条计。',
    },
    'sum',
    activity(sql<boolean>`e.channel = 'sms'`, sql<number>`e.messages`),
    { divisor: 10000, digits: 2 },
  ),
  rowMetric(
    {
      id: 'oversight.publicity.caseExplanations',
      name: '以案释法案例数',
      unit: '件',
      definition: '报告期内发布的以案释法案例件数。',
    },
    'count',
    ledger('oversight_case_explanation', 'e.held_on', sql<string>`e.title`),
  ),
  // ── 工作要点、第一责任人 ──
  rowMetric(
    {
      id: 'oversight.workplan.tasks',
      name: '年度法治建设工作任务数',
      unit: '项',
      definition: '报告期内下达的年度法治建设工作要点任务项数。',
    },
    'count',
    ledger('oversight_workplan_task', 'e.held_on', sql<string>`e.title`),
  ),
  rowMetric(
    {
      id: 'oversight.workplan.done',
      name: '已完成工作任务数',
      unit: '项',
      definition: '报告期内下达、填报进度已达 100% 的工作任务项数。',
    },
    'count',
    ledger('oversight_workplan_task', 'e.held_on', sql<string>`e.title`, sql<boolean>`e.progress = 100`),
  ),
  rowMetric(
    {
      id: 'oversight.leaders.meetings',
      name: '专题研究法治建设会议次数',
      unit: '次',
      definition: '报告期内党政主要负责人主持召开的专题研究法治建设的会议次数。',
    },
    'count',
    leader('meeting'),
  ),
  rowMetric(
    {
      id: 'oversight.leaders.meetingItems',
      name: '会议研究法治议题数',
      unit: '项',
      definition: '报告期内上述会议研究的法治建设议题项数之和。',
    },
    'sum',
    leader('meeting', sql<number>`e.items`),
  ),
  rowMetric(
    {
      id: 'oversight.leaders.instructions',
      name: '主要负责人法治建设批示次数',
      unit: '次',
      definition: '报告期内党政主要负责人对法治建设作出批示的次数。',
    },
    'count',
    leader('instruction'),
  ),
  rowMetric(
    {
      id: 'oversight.leaders.reportsHeard',
      name: '听取法治建设汇报次数',
      unit: '次',
      definition: '报告期内党政主要负责人听取法治建设工作汇报的次数。',
    },
    'count',
    leader('reportHeard'),
  ),
  // ── 机构职能 (org record, as of the period's end) ──
  rowMetric(
    {
      id: 'oversight.org.sanding.departments',
      name: '已印发三定方案的部门数',
      unit: '个',
      definition: '截至报告期末三定方案已印发的政府工作部门个数。',
    },
    'count',
    orgs(
      sql<boolean>`e.kind = 'department' and e.sanding_status = 'issued'`,
      undefined,
      'e.sanding_issued_on',
    ),
  ),
  rowMetric(
    {
      id: 'oversight.org.sanding.townships',
      name: '已印发三定方案的乡镇(街道)数',
      unit: '个',
      definition: '截至报告期末三定方案已印发的乡镇和街道个数。',
    },
    'count',
    orgs(
      sql<boolean>`e.kind in ('township', 'subdistrict') and e.sanding_status = 'issued'`,
      undefined,
      'e.sanding_issued_on',
    ),
  ),
  rowMetric(
    {
      id: 'oversight.org.legalStaff',
      name: '法制工作人员数',
      unit: '人',
      definition: '机构记录中登记的法制工作人员数之和(期末时点数)。',
    },
    'sum',
    orgs(sql<boolean>`e.legal_staff > 0`, sql<number>`e.legal_staff`),
  ),
  rowMetric(
    {
      id: 'oversight.org.secondedStaffing',
      name: '下沉乡镇编制数',
      unit: '名',
      definition: '机构记录中登记的下沉到乡镇(街道)的编制数之和(期末时点数)。',
    },
    'sum',
    orgs(sql<boolean>`e.seconded_staffing > 0`, sql<number>`e.seconded_staffing`),
  ),
  rowMetric(
    {
      id: 'oversight.org.townshipTeams',
      name: '乡镇综合行政执法队数',
      unit: '个',
      definition: '乡镇(街道)下设的执法机构个数(期末时点数)。',
    },
    'count',
    orgs(
      sql<boolean>`e.kind = 'agency' and exists (select 1 from org p where p.id = e.parent_id and p.kind in ('township', 'subdistrict'))`,
    ),
  ),
  rowMetric(
    {
      id: 'oversight.org.townshipTeams.staffingEach',
      name: '每支乡镇综合执法队事业编制数',
      unit: '名',
      definition: '乡镇(街道)执法机构事业编制的平均数(期末时点数,不相加)。',
    },
    'avg',
    orgs(
      sql<boolean>`e.kind = 'agency' and exists (select 1 from org p where p.id = e.parent_id and p.kind in ('township', 'subdistrict'))`,
      sql<number>`e.public_staffing`,
    ),
    { digits: 1 },
  ),
  // ── 职能划转 ──
  rowMetric(
    {
      id: 'oversight.transfers.fromOrgs',
      name: '划出职能的部门数',
      unit: '个',
      definition: '报告期内向本单位划转行政许可等职能的部门个数,同一部门计一次。',
    },
    'distinct',
    transfers(sql<boolean>`e.kind in ('license', 'otherPower')`, undefined, sql<string>`e.from_org`),
  ),
  rowMetric(
    {
      id: 'oversight.transfers.license',
      name: '划转行政许可事项数',
      unit: '项',
      definition: '报告期内划转集中办理的行政许可事项数之和。',
    },
    'sum',
    transfers(sql<boolean>`e.kind = 'license'`, sql<number>`e.items`),
  ),
  rowMetric(
    {
      id: 'oversight.transfers.license.batch1',
      name: '首批划转行政许可事项数',
      unit: '项',
      definition: '报告期内第一批划转的行政许可事项数。',
    },
    'sum',
    transfers(sql<boolean>`e.kind = 'license' and e.batch = 1`, sql<number>`e.items`),
  ),
  rowMetric(
    {
      id: 'oversight.transfers.license.batch2',
      name: '第二批划转行政许可事项数',
      unit: '项',
      definition: '报告期内第二批划转的行政许可事项数。',
    },
    'sum',
    transfers(sql<boolean>`e.kind = 'license' and e.batch = 2`, sql<number>`e.items`),
  ),
  rowMetric(
    {
      id: 'oversight.transfers.otherPower',
      name: '划转其他行政权力事项数',
      unit: '项',
      definition: '报告期内划转的行政许可以外的行政权力事项数之和。',
    },
    'sum',
    transfers(sql<boolean>`e.kind = 'otherPower'`, sql<number>`e.items`),
  ),
  rowMetric(
    {
      id: 'oversight.transfers.entrustedReview',
      name: '委托受理审核转报事项数',
      unit: '项',
      definition: '报告期内委托受理的审核转报事项数之和。',
    },
    'sum',
    transfers(sql<boolean>`e.kind = 'entrustedReview'`, sql<number>`e.items`),
  ),
  rowMetric(
    {
      id: 'oversight.transfers.entrustedService',
      name: '委托受理公共服务事项数',
      unit: '项',
      definition: '报告期内委托受理的公共服务事项数之和。',
    },
    'sum',
    transfers(sql<boolean>`e.kind = 'entrustedService'`, sql<number>`e.items`),
  ),
  rowMetric(
    {
      id: 'oversight.transfers.staffFromOrgs',
      name: '转隶部门数',
      unit: '个',
      definition: '报告期内有人员随职能转隶的部门个数。',
    },
    'distinct',
    transfers(sql<boolean>`e.staff_moved > 0`, undefined, sql<string>`e.from_org`),
  ),
  rowMetric(
    {
      id: 'oversight.transfers.staffing',
      name: '划转编制数',
      unit: '个',
      definition: '报告期内随职能划转的编制数之和。',
    },
    'sum',
    transfers(sql<boolean>`e.staffing_moved > 0`, sql<number>`e.staffing_moved`),
  ),
  rowMetric(
    {
      id: 'oversight.transfers.staff',
      name: '转隶人员数',
      unit: '人',
      definition: '报告期内随职能转隶的人员数之和。',
    },
    'sum',
    transfers(sql<boolean>`e.staff_moved > 0`, sql<number>`e.staff_moved`),
  ),
  // ── 考评 ──
  ...assessmentMetrics,
];

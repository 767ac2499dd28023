import { sql } from 'kysely';
import type { MetricDefinition } from '../../../platform/metrics/types.js';
import { rateMetric, type RowQuery, rowMetric } from '../metric-kit.js';
import './tables.js';

/**
 * Assessed units with their round: a unit belongs to the year its round assesses (dated the
 * year's last day), so a 2025 round opened in 2026 counts in 2025's figures.
 */
const units = (where?: ReturnType<typeof sql<boolean>>): RowQuery => ({
  from: sql`(select u.*, r.year, r.fill_due, r.title, r.edition_id, make_date(r.year, 12, 31) as assessed_on
    from oversight_assessment_unit u join oversight_assessment_round r on r.id = u.round_id) e`,
  dateCol: 'e.assessed_on',
  label: sql<string>`e.title`,
  ...(where ? { where } : {}),
});
const scored = (grade?: string) =>
  units(
    grade
      ? sql<boolean>`e.scored_on is not null and e.grade = ${grade}`
      : sql<boolean>`e.scored_on is not null`,
  );
/** the leaf indicators a round assigns to each unit of the subtree */
const entries: RowQuery = {
  from: sql`(select n.*, u.created_by, r.title, i.code, i.title as indicator_title, make_date(r.year, 12, 31) as assessed_on
    from oversight_assessment_entry n join oversight_assessment_unit u on u.id = n.unit_id
    join oversight_assessment_round r on r.id = u.round_id
    join oversight_assessment_indicator i on i.id = n.indicator_id) e`,
  dateCol: 'e.assessed_on',
  label: sql<string>`e.code || ' ' || e.indicator_title`,
  key: sql<string>`e.indicator_id::text`,
};

const gradeNames = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const;

export const assessmentMetrics: readonly MetricDefinition[] = [
  rowMetric(
    {
      id: 'oversight.assessment.units',
      name: '参加考评单位数',
      unit: '个',
      definition: '考评年度在报告期内的法治政府建设考评中被考评的单位个数(一次考评计一次)。',
    },
    'count',
    units(),
  ),
  rowMetric(
    {
      id: 'oversight.assessment.submittedOnTime',
      name: '按期报送考评材料单位数',
      unit: '个',
      definition: '被考评单位中在填报截止日期前(含当日)报送考评材料的单位个数。',
    },
    'count',
    units(sql<boolean>`e.submitted_on is not null and e.submitted_on <= e.fill_due`),
  ),
  rowMetric(
    {
      id: 'oversight.assessment.scored',
      name: '完成考评赋分单位数',
      unit: '个',
      definition: '被考评单位中已完成审核赋分、得出总分和等次的单位个数。',
    },
    'count',
    scored(),
  ),
  rowMetric(
    {
      id: 'oversight.assessment.averageScore',
      name: '考评平均得分',
      unit: '分',
      definition: '已完成审核赋分的被考评单位总分的算术平均数,保留一位小数。',
    },
    'avg',
    { ...scored(), value: sql<number>`e.total` },
    { digits: 1 },
  ),
  ...(Object.entries(gradeNames) as [keyof typeof gradeNames, string][]).map(([grade, name]) =>
    rowMetric(
      {
        id: `oversight.assessment.grade.${grade}`,
        name: `考评等次为${name}的单位数`,
        unit: '个',
        definition: `已完成审核赋分的被考评单位中,总分达到${name}等次分数线的单位个数。`,
      },
      'count',
      scored(grade),
    ),
  ),
  rateMetric(
    {
      id: 'oversight.assessment.excellentRate',
      name: '考评优秀率',
      unit: '%',
      definition: '考评等次为优秀的单位数 ÷ 完成考评赋分单位数 × 100%。',
    },
    scored('excellent'),
    scored(),
  ),
  rowMetric(
    {
      id: 'oversight.assessment.indicators',
      name: '下达考评指标任务数',
      unit: '项',
      definition: '报告期内考评向本单位及下属单位下达的末级考评指标项数,同一指标下达多个单位计一项。',
    },
    'distinct',
    entries,
  ),
  rowMetric(
    {
      id: 'oversight.assessment.editions',
      name: '考评所用指标体系数',
      unit: '个',
      definition: '报告期内考评所依据的指标体系(如示范创建指标体系、专项创建指标体系)个数,同一体系计一个。',
    },
    'distinct',
    { ...units(), key: sql<string>`e.edition_id::text` },
  ),
];

import { defineColumns } from '../../../platform/io/index.js';
import { indicatorMethodLabels, scoringRuleLabels } from './schema.js';

/** 考评指标体系 in Excel: one indicator per row, the one column spec behind template, import and export. */
export interface IndicatorRow {
  code: string;
  title: string;
  /** points, one decimal, as a canonical string */
  weight: string;
  method: string | null;
  metricId: string | null;
  rule: string | null;
  target: string | null;
  evidence: string | null;
}

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const indicatorColumns = defineColumns<IndicatorRow>([
  { key: 'code', header: '指标编号', kind: 'text', required: true, unique: true, maxLength: 12, width: 10 },
  { key: 'title', header: '指标名称', kind: 'text', required: true, maxLength: 300, width: 48 },
  { key: 'weight', header: '分值', kind: 'decimal', scale: 1, required: true, width: 8 },
  { key: 'method', header: '取数方式', kind: 'enum', enum: options(indicatorMethodLabels), width: 12 },
  { key: 'metricId', header: '关联统计指标编号', kind: 'text', maxLength: 100, width: 30 },
  { key: 'rule', header: '评分方式', kind: 'enum', enum: options(scoringRuleLabels), width: 18 },
  { key: 'target', header: '目标值', kind: 'decimal', scale: 2, width: 10 },
  { key: 'evidence', header: '佐证材料要求', kind: 'text', maxLength: 500, width: 40 },
]);

/** Input field of an indicator → its column header, for messages that name a cell. */
export const headerOfField: Record<string, string> = Object.fromEntries(
  indicatorColumns.map((c) => [c.key, c.header]),
);

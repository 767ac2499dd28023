/** Test fixtures: 考评指标体系 rows and the .xlsx a unit imports them from. */
import { PassThrough } from 'node:stream';
import { exportLedgerXlsx } from '../../../platform/io/index.js';
import { type IndicatorRow, indicatorColumns } from './columns.js';

/** An indicator row with only its code, title and weight, and `extra` on top. */
export const indicatorRow = (
  code: string,
  title: string,
  weight: string,
  extra: Partial<IndicatorRow> = {},
): IndicatorRow => ({
  code,
  title,
  weight,
  method: null,
  metricId: null,
  rule: null,
  target: null,
  evidence: null,
  ...extra,
});

/** The rows as the 考评指标体系 workbook the import reads. */
export async function indicatorXlsx(rows: IndicatorRow[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportLedgerXlsx(rows, indicatorColumns, out, { sheetName: '考评指标体系' });
  return Buffer.concat(chunks);
}

/** A small valid 体系: two first-level indicators, a metric-scored and a proportional one. */
export const sampleIndicators: IndicatorRow[] = [
  indicatorRow('1', '依法全面履行政府职能', '60.0'),
  indicatorRow('1.1', '落实权责清单制度', '60.0'),
  indicatorRow('1.1.1', '权责清单动态调整', '40.0', { evidence: '调整文件' }),
  indicatorRow('1.1.2', '集体学法', '20.0', {
    method: 'metric',
    metricId: 'oversight.study.sessions',
    rule: 'atLeast',
    target: '2.00',
  }),
  indicatorRow('2', '行政执法规范', '40.0'),
  indicatorRow('2.1', '执法人员培训', '40.0', { rule: 'proportional', target: '40.00' }),
];

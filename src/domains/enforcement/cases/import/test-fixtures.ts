import ExcelJS from 'exceljs';
import { afterAll } from 'vitest';
import { systemCtx } from '../../../../platform/context.js';
import type { Executor } from '../../../../platform/db/types.js';
import { appWithOrgs, loginAs } from '../../../../test/app.js';
import type { TestEngine } from '../../../../test/db.js';
import { databaseSetup } from '../../../../test/suite.js';
import { COUNTY_GOVERNMENT, demoDepartments } from '../../../org/demo-county.js';
import { seedOfficers } from '../../officers/seed.js';
import { TODAY } from '../../test/fixtures.js';
import { caseImportColumns } from './columns.js';

/** The case import tests' file, columns and data: the demo county's officers and 2024 cases. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const HEADERS = caseImportColumns.map((c) => c.header);
const department = (short: string) => demoDepartments.find((d) => d.short === short)?.name ?? '';
export const BODY = department('市场监管局');
export const OTHER_BODY = department('交通运输局');
const COUNTY = COUNTY_GOVERNMENT.replace(/人民政府$/, '');

export type SheetRow = (string | number | null)[];

export async function workbook(rows: SheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('行政执法案件');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A closed 2024 ordinary penalty case of `body`, handled by the holders of the first two `certs`. */
export function caseRow(
  body: string,
  certs: readonly string[],
  over: Partial<Record<string, string | number | null>>,
): SheetRow {
  const base: Record<string, string | number | null> = {
    案件编号: null,
    执法类别: '行政处罚',
    执法主体: body,
    办案机构: body,
    程序: '普通程序',
    当事人类型: '法人或其他组织',
    当事人名称: `${COUNTY}某某商贸有限公司`,
    违法事实或事项: '销售过期食品',
    承办人执法证号1: certs[0] ?? '',
    承办人执法证号2: certs[1] ?? '',
    立案日期: '2024-03-01',
    决定日期: '2024-05-10',
    送达日期: '2024-05-13',
    结案日期: '2024-06-20',
    处罚种类: '警告、罚款',
    '罚款金额(元)': 5000,
    是否重大: '否',
    是否经法制审核: '是',
    ...over,
  };
  return HEADERS.map((hd) => base[hd] ?? null);
}

/** The valid certificates of each body's officers that cover the whole of 2024, in number order. */
async function certificatesOf(db: Executor, bodies: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('enforcement_certificate as c')
    .innerJoin('enforcement_officer as o', 'o.id', 'c.officer_id')
    .innerJoin('enforcement_body as b', 'b.id', 'o.body_id')
    .select(['b.name', 'c.number'])
    .where('c.status', '=', 'valid')
    .where('c.issued_on', '<=', '2023-12-31')
    .where('c.valid_until', '>=', '2025-06-16')
    .where('b.name', 'in', bodies)
    .orderBy('c.number')
    .execute();
  return new Map(bodies.map((b) => [b, rows.filter((r) => r.name === b).map((r) => r.number)]));
}

/**
 * A describe block's database with the demo orgs and officers, the app on it (closed after the
 * block) and the admin logged in; `certs` are the certificates of `bodies`' officers.
 */
export function importSetup(engine: TestEngine, bodies: readonly string[]) {
  const t = databaseSetup(engine, async (h) => {
    const { app } = await appWithOrgs(h);
    await seedOfficers(systemCtx(h.db), TODAY);
    const admin = await loginAs(app, 'admin');
    return { app, admin, certs: await certificatesOf(h.db, bodies) };
  });
  afterAll(async () => {
    // undefined when the set-up failed (its error is the one to read)
    await t.app?.close();
  });
  return t;
}

import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { exportLedgerXlsx } from '../../platform/io/index.js';
import { testEngines } from '../../test/db.js';
import type { DemoOrgs } from '../org/seed.js';
import {
  exportInspecteesXlsx,
  type InspecteeFileRow,
  importInspecteesFromFile,
  inspecteeColumns,
} from './inspectee-import.js';
import { listInspectees } from './registry-store.js';
import { openWithOrgs, regionUscc } from './test-fixtures.js';

async function xlsx(rows: InspecteeFileRow[]): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportLedgerXlsx(rows, inspecteeColumns, out);
  return new Uint8Array(Buffer.concat(chunks));
}

const row = (i: number): InspecteeFileRow => ({
  name: `开远市示例商贸有限公司${i}`,
  kind: 'enterprise',
  uscc: regionUscc(30_000 + i),
  industry: i % 2 ? '食品销售' : '餐饮',
  locationCode: '532502001',
  riskGrade: (['A', 'B', 'C', 'D'] as const)[i % 4] ?? 'D',
  address: `灵泉街道示例路${i}号`,
});

describe.each(testEngines())('inspectee Excel import on $name', (engine) => {
  let h: DatabaseHandle;
  let ctx: Ctx;
  let orgId: string;
  beforeAll(async () => {
    let orgs: DemoOrgs;
    ({ h, ctx, orgs } = await openWithOrgs(engine, new Date('2025-03-10T02:00:00Z')));
    orgId = orgs.departments.get('市场监管局') ?? '';
  });
  afterAll(() => h.close());

  it('a file with a bad USCC and a missing one writes nothing and names row and column', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => row(i));
    rows[7] = { ...row(7), uscc: '91532502MA6K00000X' };
    rows[9] = { ...row(9), uscc: null };
    const report = await importInspecteesFromFile(ctx, await xlsx(rows), { orgId });
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [9, '统一社会信用代码'],
      [11, '统一社会信用代码'],
    ]);
    expect(report.errors[1]?.message).toBe('企业必须填写统一社会信用代码');
    expect((await listInspectees(ctx.db, ctx.scope, {}, { offset: 0, limit: 1 })).total).toBe(0);
  });

  it('imports 3,000 rows in batches and exports them back in the same format', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => row(i));
    const report = await importInspecteesFromFile(ctx, await xlsx(rows), { orgId, batchSize: 1000 });
    expect(report).toMatchObject({ ok: true, rowsRead: 3000, rowsWritten: 3000 });
    const listed = await listInspectees(ctx.db, ctx.scope, { riskGrades: ['A'] }, { offset: 0, limit: 1 });
    expect(listed.total).toBe(750);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    expect(await exportInspecteesXlsx(ctx, {}, out)).toEqual({ rows: 3000 });
    const again = await importInspecteesFromFile(ctx, new Uint8Array(Buffer.concat(chunks)), { orgId });
    expect(again).toMatchObject({ ok: true, rowsWritten: 3000 });
    expect((await listInspectees(ctx.db, ctx.scope, {}, { offset: 0, limit: 1 })).total).toBe(3000);
  });
});

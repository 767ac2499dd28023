import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportLedgerXlsx } from '../../platform/io/index.js';
import { testEngines } from '../../test/db.js';
import { type ItemLedgerRow, itemColumns } from './core/ledger.js';
import type { KindSpec } from './core/spec.js';
import { disclosureSpec } from './disclosure/spec.js';
import { petitionSpec } from './petitions/spec.js';
import { appSetup } from '../../test/app-suite.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheet(spec: KindSpec, rows: Partial<ItemLedgerRow>[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const blank: ItemLedgerRow = {
    receiptNo: '',
    orgName: '',
    subject: '',
    applicant: '',
    applicantKind: null,
    receivedOn: '',
    channel: '',
    category: '',
    status: '',
    outcome: null,
    dueOn: null,
    dueState: null,
    extended: false,
    answeredOn: null,
    closedOn: null,
    onTime: null,
  };
  await exportLedgerXlsx(
    rows.map((r) => ({ ...blank, ...r })),
    itemColumns(spec),
    out,
  );
  return Buffer.concat(chunks);
}

describe.each(testEngines())('Excel import of last year’s ledgers on $name', (engine) => {
  let orgName = '';

  const t = appSetup(engine, { users: ['yfzs'] });
  beforeAll(async () => {
    const id = t.orgs.departments.get('市场监管局') ?? '';
    orgName = (await t.h.db.selectFrom('org').select('name').where('id', '=', id).executeTakeFirstOrThrow())
      .name;
  });

  const upload = (path: string, file: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: `/api/requests/${path}/import`,
      headers: { ...t.as.yfzs.headers, 'content-type': XLSX },
      payload: file,
    });
  const total = async (path: string) =>
    (await t.app.inject({ url: `/api/requests/${path}`, headers: t.as.yfzs.headers })).json().total as number;

  it('信访: rows become items whose status comes from their acts, clocks and all', async () => {
    const file = await sheet(petitionSpec, [
      {
        receiptNo: 'XF-2025-00101',
        orgName,
        subject: '反映小区噪声扰民问题',
        applicant: '群众甲',
        applicantKind: '个人',
        receivedOn: '2025-02-03',
        channel: '来信',
        category: '申诉求决类',
        status: '已办结',
        outcome: '支持',
        answeredOn: '2025-03-10',
        closedOn: '2025-03-20',
      },
      {
        receiptNo: 'XF-2025-00102',
        orgName,
        subject: '建议增设公交站点',
        applicant: '群众乙',
        receivedOn: '2025-12-01',
        channel: '网上信访',
        category: '建议意见类',
        status: '已受理办理中',
        extended: true,
      },
    ]);
    const r = await upload('petitions', file);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ imported: 2 });
    const list = (
      await t.app.inject({ url: '/api/requests/petitions?q=XF-2025-001', headers: t.as.yfzs.headers })
    ).json().items as {
      id: string;
      receiptNo: string;
      statusLabel: string;
      onTime: boolean | null;
      extended: boolean;
    }[];
    const closed = list.find((x) => x.receiptNo === 'XF-2025-00101');
    expect(closed).toMatchObject({ statusLabel: '已办结', onTime: true });
    expect(list.find((x) => x.receiptNo === 'XF-2025-00102')).toMatchObject({
      statusLabel: '已受理办理中',
      extended: true,
    });
    const detail = (
      await t.app.inject({ url: `/api/requests/petitions/${closed?.id}`, headers: t.as.yfzs.headers })
    ).json();
    expect(detail.timeline.map((t: { actionLabel: string }) => t.actionLabel)).toEqual([
      '登记',
      '受理并告知',
      '出具信访处理意见书',
      '办结归档',
    ]);
    // the exported ledger has the same columns: importing it again is refused for the numbers it already holds
    const exported = await t.app.inject({
      url: '/api/requests/petitions/export.xlsx',
      headers: t.as.yfzs.headers,
    });
    const again = await upload('petitions', exported.rawPayload);
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].message).toContain('已存在');
  });

  it('one bad row writes nothing; every problem is named by row and column', async () => {
    const before = await total('disclosure');
    const file = await sheet(disclosureSpec, [
      {
        receiptNo: 'GK-2025-00101',
        orgName,
        subject: '某项目环评批复',
        applicant: '申请人甲',
        applicantKind: '自然人',
        receivedOn: '2025-03-03',
        channel: '当面提交',
        category: '依申请公开',
        status: '已送达',
        outcome: '予以公开',
        answeredOn: '2025-03-20',
        closedOn: '2025-03-21',
      },
      {
        receiptNo: 'GK-2025-00102',
        orgName,
        subject: '某文件',
        applicant: '申请人乙',
        applicantKind: '自然人',
        receivedOn: '2025-04-01',
        channel: '当面提交',
        category: '依申请公开',
        status: '已答复待送达',
        outcome: '不予答复',
        answeredOn: '2025-04-10',
      },
      {
        receiptNo: 'GK-2025-00103',
        orgName: '不存在的单位',
        subject: '某文件',
        applicant: '申请人丙',
        applicantKind: '自然人',
        receivedOn: '2025-04-01',
        channel: '当面提交',
        category: '依申请公开',
        status: '办理中',
      },
      {
        receiptNo: 'GK-2025-00104',
        orgName,
        subject: '某文件',
        applicant: '申请人丁',
        applicantKind: '商业企业',
        receivedOn: '2025-04-01',
        channel: '当面提交',
        category: '依申请公开',
        status: '已答复待送达',
        outcome: '予以公开',
      },
    ]);
    const r = await upload('disclosure', file);
    expect(r.statusCode).toBe(400);
    const errors = r.json().errors as { row: number; column: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '结果', message: expect.stringContaining('不是可选值') }),
        expect.objectContaining({ row: 4, column: '办理单位', message: expect.stringContaining('不存在') }),
        expect.objectContaining({ row: 5, column: '答复日期', message: '请填写答复日期' }),
      ]),
    );
    expect(await total('disclosure')).toBe(before);
  });
});

import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { demoIdNumber, generateUscc } from '../../../platform/ids/index.js';
import { buildApp } from '../../../server/app.js';
import { loginAs, type Session } from '../../../test/app.js';
import { testEngines } from '../../../test/db.js';
import { licenseCreditColumns, penaltyCreditColumns } from './credit-export.js';
import {
  decide,
  markLicense,
  markWithdrawn,
  type PortalWorld,
  portalWorld,
} from '../test/portal-fixtures.js';
import { withOrgs } from '../test/fixtures.js';

const ID = demoIdNumber(7, '532502');
const MINOR_ID = demoIdNumber(8, '532502');
const PHONE = '13912345678';
const USCC = generateUscc(501, { regionCode: '532502' });

async function sheetRows(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws?.eachRow((row) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) {
      const v = row.getCell(i).value;
      cells.push(v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? '' : String(v));
    }
    rows.push(cells);
  });
  return rows;
}

describe.each(testEngines())('行政执法决定公示 portal on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let w: PortalWorld;
  let admin: Session;
  const ids: Record<string, { caseId: string; caseNo: string; publicationId: string | null }> = {};

  beforeAll(async () => {
    h = await engine.open();
    await withOrgs(h);
    w = await portalWorld(h);
    const common = { penalties: ['fine' as const], decidedOn: '2025-06-03', publishOn: '2025-06-05' };
    ids.company = await decide(w.sys, {
      ...common,
      body: w.scjg,
      powerItemId: w.scjgPower.id,
      partyKind: 'organisation',
      partyName: '开远市味香餐饮有限公司',
      partyUscc: USCC,
      facts: '当事人未取得食品经营许可证从事餐饮服务,属无证经营',
      amount: 2000,
      decisionNo: '开市监罚〔2025〕101号',
    });
    ids.person = await decide(w.sys, {
      ...common,
      body: w.other,
      partyKind: 'person',
      partyName: '李某某',
      partyIdNumber: ID,
      facts: `当事人李某某(身份证号${ID},电话${PHONE})夜间施工噪声超标排放`,
      penalties: ['warning'],
      amount: 0,
      decidedOn: '2025-05-12',
      publishOn: '2025-05-14',
    });
    ids.minor = await decide(w.sys, {
      ...common,
      body: w.scjg,
      partyKind: 'person',
      partyName: '赵某某',
      partyIdNumber: MINOR_ID,
      partyMinor: true,
      facts: '未成年人赵某某噪声超标',
      penalties: ['warning'],
      amount: 0,
    });
    ids.pending = await decide(w.sys, {
      ...common,
      body: w.scjg,
      partyKind: 'organisation',
      partyName: '开远市待公示商行',
      facts: '无证经营食品销售',
      amount: 500,
      publishOn: undefined,
    });
    ids.withdrawn = await decide(w.sys, {
      ...common,
      body: w.scjg,
      partyKind: 'organisation',
      partyName: '开远市已撤回商贸有限公司',
      facts: '无证经营烟花爆竹',
      amount: 1000,
    });
    await markWithdrawn(w.sys, ids.withdrawn.publicationId ?? '', '2025-06-10');
    app = await buildApp({ handle: h, loginRateLimit: 1000 });
    admin = await loginAs(app, 'admin');
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  const page = async (qs = '') => app.inject({ url: `/portal/publications${qs ? `?${qs}` : ''}` });
  const json = async (qs: string) => (await app.inject({ url: `/api/portal/publications?${qs}` })).json();
  const names = async (qs: string) =>
    ((await json(qs)).items as { partyName: string }[]).map((i) => i.partyName).sort();

  it('shows published decisions without login, masked; never pending, withdrawn or minors’ ones', async () => {
    const res = await page();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('行政执法决定公示');
    expect(res.body).toContain('开远市味香餐饮有限公司');
    expect(res.body).toContain('李某某');
    expect(res.body).toContain('开市监罚〔2025〕101号');
    for (const hidden of ['赵某某', '待公示商行', '已撤回商贸', ID, PHONE, MINOR_ID])
      expect(res.body).not.toContain(hidden);
    expect(await names('')).toEqual(['开远市味香餐饮有限公司', '李某某'].sort());
  });

  it('finds a 2-character word, a 4-character phrase and a case number', async () => {
    expect(await names(`q=${encodeURIComponent('超标')}`)).toEqual(['李某某']);
    expect(await names(`q=${encodeURIComponent('无证经营')}`)).toEqual(['开远市味香餐饮有限公司']);
    expect(await names(`q=${encodeURIComponent(ids.company?.caseNo ?? '?')}`)).toEqual([
      '开远市味香餐饮有限公司',
    ]);
    expect(await names(`q=${encodeURIComponent('101号')}`)).toEqual(['开远市味香餐饮有限公司']);
    expect(await names(`q=${encodeURIComponent('食品安全法')}`)).toEqual(['开远市味香餐饮有限公司']);
    expect(await names(`q=${encodeURIComponent('无证 餐饮')}`)).toEqual(['开远市味香餐饮有限公司']);
    expect(await names(`q=${encodeURIComponent('无证 噪声')}`)).toEqual([]);
    expect(await names(`q=${encodeURIComponent('100%')}`)).toEqual([]);
    const html = (await page(`q=${encodeURIComponent('超标')}`)).body;
    expect(html).toContain('李某某');
    expect(html).not.toContain('味香餐饮');
  });

  it('answers a 1-character search over the newest items only, and says so', async () => {
    const r = await json(`q=${encodeURIComponent('噪')}`);
    expect(r.items.map((i: { partyName: string }) => i.partyName)).toEqual(['李某某']);
    expect(r.notice).toContain('单字检索');
    expect((await page(`q=${encodeURIComponent('噪')}`)).body).toContain('单字检索只在最新的 5000 条');
    expect((await json(`q=${encodeURIComponent('噪声')}`)).notice).toBeNull();
  });

  it('filters by department, kind, 处罚种类 and decision date; empty form fields are no filter', async () => {
    expect(await names(`orgId=${w.other.orgId}`)).toEqual(['李某某']);
    expect(await names('kind=penalty&penalty=warning')).toEqual(['李某某']);
    expect(await names('kind=license')).toEqual([]);
    expect(await names('from=2025-06-01&to=2025-06-30')).toEqual(['开远市味香餐饮有限公司']);
    expect(await names('q=&orgId=&kind=&penalty=&from=&to=')).toHaveLength(2);
    expect((await page(`orgId=${w.other.orgId}`)).body).not.toContain('味香餐饮');
  });

  it('refuses bad filters with a Chinese message naming the field', async () => {
    const r = await app.inject({ url: '/api/portal/publications?from=2025-07-01&to=2025-06-01' });
    expect(r.statusCode).toBe(400);
    expect(r.json().field).toBe('from');
    expect(r.json().detail).toContain('起始日期不能晚于截止日期');
    const bad = await app.inject({ url: '/portal/publications?orgId=abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('部门编号无效');
    expect((await app.inject({ url: '/api/portal/publications?kind=reward' })).statusCode).toBe(400);
    expect((await app.inject({ url: `/api/portal/publications?q=${'长'.repeat(51)}` })).statusCode).toBe(400);
  });

  it('opens a detail page; a withdrawn one shows only its withdrawal date; others are not found', async () => {
    const d = await app.inject({ url: `/portal/publications/${ids.person?.publicationId}` });
    expect(d.statusCode).toBe(200);
    expect(d.body).toContain('夜间施工噪声超标排放');
    expect(d.body).toContain('警告');
    expect(d.body).not.toContain(ID);
    expect(d.body).not.toContain(PHONE);
    const j = (await app.inject({ url: `/api/portal/publications/${ids.company?.publicationId}` })).json();
    expect(j.withdrawn).toBe(false);
    expect(j.fields).toContainEqual({ label: '罚款金额', value: '2,000 元' });
    expect(j.fields).toContainEqual({ label: '统一社会信用代码', value: USCC });
    expect(j.fields.find((f: { label: string }) => f.label === '处罚依据')?.value).toContain('食品安全法');

    const gone = await app.inject({ url: `/portal/publications/${ids.withdrawn?.publicationId}` });
    expect(gone.statusCode).toBe(200);
    expect(gone.body).toContain('已于 2025-06-10 撤回');
    expect(gone.body).not.toContain('烟花爆竹');
    expect(gone.body).not.toContain('已撤回商贸');
    expect(
      (await app.inject({ url: `/api/portal/publications/${ids.withdrawn?.publicationId}` })).json(),
    ).toEqual({
      withdrawn: true,
      id: ids.withdrawn?.publicationId,
      withdrawnOn: '2025-06-10',
    });
    for (const id of [
      ids.minor?.publicationId,
      ids.pending?.publicationId,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const r = await app.inject({ url: `/api/portal/publications/${id}` });
      expect(r.statusCode, String(id)).toBe(404);
      expect(r.json().detail).toContain('公示信息不存在');
    }
  });

  it('previews for staff exactly what the public sees; foreign cases are not found', async () => {
    const url = (c?: { caseId: string }) => `/api/enforcement/cases/${c?.caseId}/publication-preview`;
    expect((await app.inject({ url: url(ids.company) })).statusCode).toBe(401);
    const scjg = await loginAs(app, 'scjg');
    const own = await app.inject({ url: url(ids.company), headers: scjg.headers });
    expect(own.statusCode).toBe(200);
    const p = own.json();
    expect(p).toMatchObject({ publishable: true, reason: null });
    const portal = await app.inject({ url: `/portal/publications/${ids.company?.publicationId}` });
    expect(p.html).toBe(portal.body);
    expect(p.fields).toEqual(
      (await app.inject({ url: `/api/portal/publications/${ids.company?.publicationId}` })).json().fields,
    );
    expect((await app.inject({ url: url(ids.person), headers: scjg.headers })).statusCode).toBe(404);

    const pending = (await app.inject({ url: url(ids.pending), headers: scjg.headers })).json();
    expect(pending.publishable).toBe(true);
    expect(pending.fields).toContainEqual({ label: '公示日期', value: '待公示' });
    const minor = (await app.inject({ url: url(ids.minor), headers: admin.headers })).json();
    expect(minor).toMatchObject({ publishable: false, fields: [], html: '' });
    expect(minor.reason).toContain('未成年人');
    const withdrawn = (await app.inject({ url: url(ids.withdrawn), headers: admin.headers })).json();
    expect(withdrawn.publishable).toBe(false);
    expect(withdrawn.reason).toContain('2025-06-10 撤回');
    expect(withdrawn.html).toBe(
      (await app.inject({ url: `/portal/publications/${ids.withdrawn?.publicationId}` })).body,
    );
  });

  it('exports 双公示 行政处罚 information in the 信用中国 columns, without ID numbers or phones', async () => {
    const r = await app.inject({
      url: '/api/enforcement/credit-export.xlsx?kind=penalty&from=2025-05-01&to=2025-06-30',
      headers: admin.headers,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain(encodeURIComponent('双公示行政处罚信息'));
    const rows = await sheetRows(r.rawPayload);
    expect(rows[0]).toEqual(penaltyCreditColumns.map((c) => c.header));
    expect(rows).toHaveLength(3); // header + company + person; not pending, withdrawn or the minor
    const col = (name: string) => rows[0]?.indexOf(name) ?? -1;
    const person = rows.find((x) => x[0] === '李某某') ?? [];
    const company = rows.find((x) => x[0] === '开远市味香餐饮有限公司') ?? [];
    expect(person[col('行政相对人类别')]).toBe('自然人');
    expect(person[col('证件类型')]).toBe('身份证');
    expect(person[col('证件号码')] ?? '').toBe('');
    expect(company[col('统一社会信用代码')]).toBe(USCC);
    expect(company[col('罚款金额(万元)')]).toBe('0.2');
    expect(company[col('处罚内容')]).toBe('罚款人民币2000元');
    expect(company[col('处罚决定日期')]).toBe('2025-06-03');
    expect(company[col('违法行为类型')]).toBe(w.scjgPower.name);
    const all = JSON.stringify(rows);
    for (const secret of [ID, PHONE, MINOR_ID]) expect(all).not.toContain(secret);

    const csv = await app.inject({
      url: `/api/enforcement/credit-export.csv?kind=penalty&orgId=${w.other.orgId}`,
      headers: admin.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toContain('行政相对人名称,行政相对人类别,统一社会信用代码');
    expect(csv.body).toContain('李某某');
    expect(csv.body).not.toContain('味香餐饮');
    expect(csv.body).not.toContain(ID);
  });

  it('exports 行政许可 decisions in the 许可 columns, and refuses bad requests', async () => {
    await markLicense(w.sys, ids.company?.caseId ?? '');
    const r = await app.inject({
      url: '/api/enforcement/credit-export.xlsx?kind=license',
      headers: admin.headers,
    });
    const rows = await sheetRows(r.rawPayload);
    expect(rows[0]).toEqual(licenseCreditColumns.map((c) => c.header));
    expect(rows.map((x) => x[0])).toEqual(['行政相对人名称', '开远市味香餐饮有限公司']);
    expect(await names('kind=license')).toEqual(['开远市味香餐饮有限公司']);

    expect((await app.inject({ url: '/api/enforcement/credit-export.xlsx?kind=license' })).statusCode).toBe(
      401,
    );
    const clerk = await loginAs(app, 'clerk');
    const denied = await app.inject({
      url: '/api/enforcement/credit-export.xlsx?kind=penalty',
      headers: clerk.headers,
    });
    expect(denied.statusCode).toBe(403);
    const bad = await app.inject({ url: '/api/enforcement/credit-export.csv', headers: admin.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('kind');
  });
});

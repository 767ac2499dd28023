import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, requestsOf, type Session } from '../../test/app.js';
import { appSetup } from '../../test/app-suite.js';
import { testEngines } from '../../test/db.js';

/** The office's 填报汇总 in Excel, the unit's 佐证材料 as a file, and one draft per click. */
describe.each(testEngines())('data-call summary, evidence files and drafts on $name', (engine) => {
  // a shared, busy machine can take minutes to migrate and seed the org tree
  const suite = appSetup(engine, {
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'fazhi-dcf-')),
    timeoutMs: 300_000,
  });
  let office: ReturnType<typeof requestsOf>;
  let unitSession: Session;
  let unit: ReturnType<typeof requestsOf>;
  let callId = '';
  let subId = '';
  let itemId = '';
  let sha = '';

  const body = (title: string) => ({
    title,
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    deadline: '2099-02-28',
    targetOrgIds: [suite.orgs.departments.get('市场监管局') ?? ''],
    items: [{ metricId: 'rpt.legalStudy.preAppointmentExams' }],
  });

  beforeAll(async () => {
    office = requestsOf(suite.app, await loginAs(suite.app, 'yfzs'));
    unitSession = await loginAs(suite.app, 'scjg');
    unit = requestsOf(suite.app, unitSession);
  });

  it('refuses a second identical draft with a message naming the title, not a second row', async () => {
    const post = () => office.post('/api/data-calls', body('学法填报'));
    const first = await post();
    expect(first.statusCode).toBe(201);
    const again = await post();
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ field: 'title' });
    expect(again.json().detail).toContain('已有名称和统计期相同的填报任务草稿');
    const list = (await office.get('/api/data-calls')).json();
    expect(list.items.filter((c: { title: string }) => c.title === '学法填报')).toHaveLength(1);
    callId = first.json().id;
    // once sent, the same title for the same period may be drafted again (e.g. a 补报)
    await office.post(`/api/data-calls/${callId}/open`, { version: first.json().version });
    expect((await post()).statusCode).toBe(201);
  });

  it('keeps an uploaded file as the 佐证材料; the office downloads it, others get 404', async () => {
    const inbox = (await unit.get('/api/data-call-submissions')).json();
    subId = inbox.items[0].id;
    const form = (await unit.get(`/api/data-call-submissions/${subId}`)).json();
    itemId = form.lines[0].id;
    const upload = await suite.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        ...unitSession.headers,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('任前考法通知.pdf'),
      },
      payload: Buffer.from('%PDF-1.4\n任前考法通知\n%%EOF\n', 'utf8'),
    });
    expect(upload.statusCode).toBe(201);
    sha = upload.json().sha256;
    const saved = await unit.put(`/api/data-call-submissions/${subId}/figures`, {
      version: form.version,
      figures: [{ itemId, value: 3, unit: '场', evidenceText: '任前考法通知.pdf', evidenceHash: sha }],
    });
    expect(saved.statusCode).toBe(200);
    const url = `/api/data-call-submissions/${subId}/evidence/${itemId}`;
    const got = await office.get(url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-disposition']).toContain(encodeURIComponent('任前考法通知.pdf'));
    expect(got.body).toContain('任前考法通知');
    const township = requestsOf(suite.app, await loginAs(suite.app, 'township'));
    expect((await township.get(url)).statusCode).toBe(404);
  });

  it('exports the 填报汇总: one row per unit and line with status, figure and evidence', async () => {
    const res = await office.get(`/api/data-calls/${callId}/summary.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('学法填报-填报汇总.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('填报汇总');
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1, 8));
    expect(rows[0]).toEqual(['填报单位', '状态', '指标', '来源', '填报数', '计量单位', '佐证材料']);
    expect(rows[1]).toEqual([
      '开远市市场监督管理局',
      '待填报',
      '任前考法场次',
      '单位填报',
      3,
      '场',
      '任前考法通知.pdf',
    ]);
    const township = requestsOf(suite.app, await loginAs(suite.app, 'township'));
    const hidden = await township.get(`/api/data-calls/${callId}/summary.xlsx`);
    // a unit that only fills cannot read the office's summary
    expect(hidden.statusCode).toBe(403);
  });
});

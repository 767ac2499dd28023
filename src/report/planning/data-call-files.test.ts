import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../../test/app.js';
import { appSetup } from '../../test/app-suite.js';
import { testEngines } from '../../test/db.js';

/** The office's 填报汇总 in Excel, the unit's 佐证材料 as a file, and one draft per click. */
describe.each(testEngines())('data-call summary, evidence files and drafts on $name', (engine) => {
  // a shared, busy machine can take minutes to migrate and seed the org tree
  const suite = appSetup(engine, {
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'fazhi-dcf-')),
    timeoutMs: 300_000,
  });
  let office: Session;
  let unit: Session;
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
    office = await loginAs(suite.app, 'yfzs');
    unit = await loginAs(suite.app, 'scjg');
  });

  it('refuses a second identical draft with a message naming the title, not a second row', async () => {
    const post = () =>
      suite.app.inject({
        method: 'POST',
        url: '/api/data-calls',
        headers: office.headers,
        payload: body('学法填报'),
      });
    const first = await post();
    expect(first.statusCode).toBe(201);
    const again = await post();
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ field: 'title' });
    expect(again.json().detail).toContain('已有名称和统计期相同的填报任务草稿');
    const list = (await suite.app.inject({ url: '/api/data-calls', headers: office.headers })).json();
    expect(list.items.filter((c: { title: string }) => c.title === '学法填报')).toHaveLength(1);
    callId = first.json().id;
    // once sent, the same title for the same period may be drafted again (e.g. a 补报)
    await suite.app.inject({
      method: 'POST',
      url: `/api/data-calls/${callId}/open`,
      headers: office.headers,
      payload: { version: first.json().version },
    });
    expect((await post()).statusCode).toBe(201);
  });

  it('keeps an uploaded file as the 佐证材料; the office downloads it, others get 404', async () => {
    const inbox = (
      await suite.app.inject({ url: '/api/data-call-submissions', headers: unit.headers })
    ).json();
    subId = inbox.items[0].id;
    const form = (
      await suite.app.inject({ url: `/api/data-call-submissions/${subId}`, headers: unit.headers })
    ).json();
    itemId = form.lines[0].id;
    const upload = await suite.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        ...unit.headers,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('任前考法通知.pdf'),
      },
      payload: Buffer.from('%PDF-1.4\n任前考法通知\n%%EOF\n', 'utf8'),
    });
    expect(upload.statusCode).toBe(201);
    sha = upload.json().sha256;
    const saved = await suite.app.inject({
      method: 'PUT',
      url: `/api/data-call-submissions/${subId}/figures`,
      headers: unit.headers,
      payload: {
        version: form.version,
        figures: [{ itemId, value: 3, unit: '场', evidenceText: '任前考法通知.pdf', evidenceHash: sha }],
      },
    });
    expect(saved.statusCode).toBe(200);
    const url = `/api/data-call-submissions/${subId}/evidence/${itemId}`;
    const got = await suite.app.inject({ url, headers: office.headers });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-disposition']).toContain(encodeURIComponent('任前考法通知.pdf'));
    expect(got.body).toContain('任前考法通知');
    const township = await loginAs(suite.app, 'township');
    expect((await suite.app.inject({ url, headers: township.headers })).statusCode).toBe(404);
  });

  it('exports the 填报汇总: one row per unit and line with status, figure and evidence', async () => {
    const res = await suite.app.inject({
      url: `/api/data-calls/${callId}/summary.xlsx`,
      headers: office.headers,
    });
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
    const township = await loginAs(suite.app, 'township');
    const hidden = await suite.app.inject({
      url: `/api/data-calls/${callId}/summary.xlsx`,
      headers: township.headers,
    });
    // a unit that only fills cannot read the office's summary
    expect(hidden.statusCode).toBe(403);
  });
});

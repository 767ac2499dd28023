import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test/db.js';
import { appSetup, chinaToday } from '../../test/app-suite.js';

/** A minimal valid PDF: what the type sniffer recognises as PDF. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function multipart(fields: Record<string, string>, files: { name: string; bytes: Buffer }[]) {
  const boundary = '----fazhiTestBoundary7d1';
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(testEngines())('行政复议 on the public site on $name', (engine) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-recon-portal-'));
  const today = chinaToday();
  const fields = () => ({
    respondentOrgId: t.orgs.departments.get('市场监管局') ?? '',
    applicantKind: 'person',
    applicantName: '周文斌',
    applicantIdNo: '532502198803150012',
    applicantPhone: '13908731234',
    applicantAddress: '灵泉街道人民路18号',
    actTitle: '行政处罚决定',
    actDocumentNo: '市监罚〔2026〕31号',
    actKind: 'penalty',
    actKnownOn: today,
    request: '撤销被申请人作出的行政处罚决定',
    reasons: '被申请人认定事实不清,周文斌没有实施违法行为,联系电话13908731234。',
  });

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const t = appSetup(engine, { users: ['yfzs'], dataDir });
  /** The public form sent with its fields and attachments. */
  const submit = (body: Record<string, string>, files: { name: string; bytes: Buffer }[]) =>
    t.app.inject({ method: 'POST', url: '/portal/reconsideration', ...multipart(body, files) });

  it('round trip: form → ledger as 网上 → accepted → decided → published masked → lookup shows the status', async () => {
    const form = await t.app.inject({ method: 'GET', url: '/portal/reconsideration' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('网上申请行政复议');
    expect(form.body).toContain('市场监督管理局');

    const sent = await submit(fields(), [{ name: '处罚决定书.pdf', bytes: PDF }]);
    expect(sent.statusCode).toBe(201);
    const receiptNo = /受理回执号<\/dt><dd><strong>([A-Z0-9]+)</.exec(sent.body)?.[1] ?? '';
    const secret = /查询码<\/dt><dd><strong>([A-Z0-9]+)</.exec(sent.body)?.[1] ?? '';
    expect(receiptNo).toMatch(/^WS\d{8}[A-Z2-9]{8}$/);
    expect(secret).toHaveLength(12);

    // the ledger: channel 网上, received today, the attachment kept by its digest
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/disputes/reconsiderations?channel=online',
      headers: t.as.yfzs.headers,
    });
    expect(list.json().items).toHaveLength(1);
    const row = list.json().items[0];
    expect(row).toMatchObject({ channelLabel: '网上申请', receivedOn: today, statusLabel: '待审查' });
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/disputes/reconsiderations/${row.id}`,
      headers: t.as.yfzs.headers,
    });
    expect(detail.json().attachments).toEqual([expect.objectContaining({ name: '处罚决定书.pdf' })]);

    const act = async (version: number, action: string, data: Record<string, unknown> = {}) => {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/disputes/reconsiderations/${row.id}/actions`,
        headers: t.as.yfzs.headers,
        payload: { version, action, date: today, data },
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().version as number;
    };
    let v = await act(row.version, 'accept', { procedure: 'ordinary' });
    v = await act(v, 'decide', {
      outcome: 'revoke',
      documentNo: '行复决〔2026〕1号',
      text: '申请人周文斌(联系电话13908731234)不服被申请人作出的行政处罚决定。\n本机关决定:撤销该行政处罚决定。',
    });
    v = await act(v, 'serve');
    await act(v, 'publish');

    const pub = await t.app.inject({ method: 'GET', url: '/portal/reconsideration/decisions' });
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('周**');
    expect(pub.body).toContain('撤销');
    expect(pub.body).not.toContain('周文斌');
    const api = await t.app.inject({ method: 'GET', url: '/api/portal/reconsideration/decisions' });
    const id = api.json().items[0].id as string;
    const one = await t.app.inject({ method: 'GET', url: `/portal/reconsideration/decisions/${id}` });
    expect(one.body).toContain('本机关决定:撤销该行政处罚决定');
    for (const secretText of ['周文斌', '13908731234', '532502198803150012', '人民路18号'])
      expect(one.body).not.toContain(secretText);

    const look = await t.app.inject({
      method: 'POST',
      url: '/api/portal/reconsideration/lookup',
      payload: { receiptNo: receiptNo.toLowerCase(), secret },
    });
    expect(look.statusCode).toBe(200);
    expect(look.json()).toMatchObject({ statusLabel: '已决定', outcomeLabel: '撤销', acceptedOn: today });
    expect(JSON.stringify(look.json())).not.toContain('周文斌');
    const page = await t.app.inject({
      method: 'POST',
      url: '/portal/reconsideration/lookup',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ receiptNo, secret }).toString(),
    });
    expect(page.body).toContain('办理进度:已决定');
  });

  it('answers a forged 回执号 as a wrong 查询码, and throttles repeated wrong codes', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/portal/reconsideration',
      payload: {
        respondentOrgId: t.orgs.departments.get('市场监管局'),
        applicantKind: 'organisation',
        applicantName: '某某商贸有限公司',
        applicantPhone: '0873-7221234',
        act: { title: '责令改正通知', kind: 'other', knownOn: today },
        request: '撤销责令改正通知',
        reasons: '通知没有事实依据。',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const { receiptNo } = r.json() as { receiptNo: string };
    const lookup = (receipt: string, secret: string, ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/portal/reconsideration/lookup',
        payload: { receiptNo: receipt, secret },
        remoteAddress: ip,
      });
    const forged = await lookup('WS20260101ABCDEFGH', 'ABCDEFGHJKLM', '10.0.0.1');
    const wrong = await lookup(receiptNo, 'ABCDEFGHJKLM', '10.0.0.2');
    expect(forged.statusCode).toBe(wrong.statusCode);
    expect(forged.json().detail).toBe('受理回执号或查询码不正确');
    expect(wrong.json().detail).toBe(forged.json().detail);
    // guesses at one 回执号 from changing addresses: the sixth waits
    const codes = [];
    for (let i = 0; i < 6; i++)
      codes.push((await lookup(receiptNo, `WRONGCODE00${i}`, `10.0.1.${i}`)).statusCode);
    expect(codes.slice(0, 4)).toEqual([404, 404, 404, 404]);
    const last = await lookup(receiptNo, 'WRONGCODE009', '10.0.2.1');
    expect(last.statusCode).toBe(429);
    expect(last.json().detail).toMatch(/查询码错误次数过多,请 \d+ 分钟后再试/);
  });

  it('refuses a 60 MB attachment and a disguised file with a Chinese message, writing nothing', async () => {
    const before = await t.h.db
      .selectFrom('disputes_reconsideration')
      .select(t.h.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/portal/reconsideration/attachments',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('录像.pdf') },
      payload: Buffer.alloc(60 * 1024 * 1024, 1),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toBe('附件“录像.pdf”(60 MB)超过 20 MB 的大小上限,请压缩或拆分后再提交');
    const exe = await submit(fields(), [
      { name: '证据.pdf', bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]) },
    ]);
    expect(exe.statusCode).toBe(415);
    expect(exe.body).toContain('“证据.pdf”的内容是');
    // the form comes back filled in
    expect(exe.body).toContain('value="周文斌"');
    const missing = await submit({ ...fields(), actKnownOn: '' }, []);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('知道该行为的日期');
    const after = await t.h.db
      .selectFrom('disputes_reconsideration')
      .select(t.h.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

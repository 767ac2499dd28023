import { describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/db.js';
import { LOOKUP_RULE, SUBMIT_RULE } from './service.js';
import { appSetup, chinaToday } from '../../../test/app-suite.js';

const form = (o: Record<string, string>) => ({
  payload: new URLSearchParams(o).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe.each(testEngines())('online forms /portal/disclosure and /portal/petition on $name', (engine) => {
  const today = chinaToday();
  const applicant = { name: '申请人甲乙', contact: '13912345678' };

  const t = appSetup(engine, { users: ['scjg'] });
  /** A JSON post to the portal API (`/api/portal/requests/…`) from `ip`. */
  const portalApi = (path: string, ip: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/portal/requests/${path}`, remoteAddress: ip, payload });
  /** How many applications the 市场监管局 ledger lists. */
  const disclosureTotal = async () =>
    (await t.app.inject({ url: '/api/requests/disclosure', headers: t.as.scjg.headers })).json().total;
  /** 依申请公开 sent from the public form by a person, to 市场监管局, from `ip`. */
  const applyOnline = (ip: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/portal/disclosure',
      remoteAddress: ip,
      ...form({ orgId: t.orgs.departments.get('市场监管局') ?? '', applicantKind: 'person', ...fields }),
    });

  const ledgerItem = async (path: string, receiptNo: string) => {
    const r = await t.app.inject({ url: `/api/requests/${path}?q=${receiptNo}`, headers: t.as.scjg.headers });
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { id: string; receiptNo: string; version: number }[];
    expect(items).toHaveLength(1);
    const detail = await t.app.inject({
      url: `/api/requests/${path}/${items[0]?.id}`,
      headers: t.as.scjg.headers,
    });
    return detail.json();
  };
  const act = async (path: string, item: { id: string; version: number }, action: string, data: object) => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/requests/${path}/${item.id}/actions`,
      headers: t.as.scjg.headers,
      payload: { version: item.version, action, date: today, data },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it('依申请公开: the page form → ledger (网络申请, received today, art. 31) → answered → the lookup shows status and answer type', async () => {
    const page = await t.app.inject({ url: '/portal/disclosure' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('政府信息公开申请');
    expect(page.body).toContain('市场监督管理局');
    expect(page.body).toContain('法人或其他组织:商业企业');

    const sent = await applyOnline('10.0.0.1', {
      applicantName: applicant.name,
      applicantContact: applicant.contact,
      subject: '本县2025年食品安全抽检结果',
      form: 'electronic',
      delivery: 'email',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const receiptNo = /GK-\d{4}-\d{5}/.exec(sent.body)?.[0] ?? '';
    const secret = /<dt>查询码<\/dt><dd>([A-Z0-9]{8})<\/dd>/.exec(sent.body)?.[1] ?? '';
    expect(receiptNo).not.toBe('');
    expect(secret).not.toBe('');
    expect(sent.body).toContain(today);

    const item = await ledgerItem('disclosure', receiptNo);
    expect(item.channelLabel).toBe('网络申请');
    expect(item.receivedOn).toBe(today);
    expect(item.applicantName).toBe(applicant.name);
    expect(item.facts).toMatchObject({ confirmedOn: today, form: '电子文档', delivery: '电子邮件' });
    expect(item.timeline[0].actorName).toBe('门户网站网上提交');

    const pending = await t.app.inject({
      method: 'POST',
      url: '/portal/disclosure/status',
      remoteAddress: '10.0.0.1',
      ...form({ receiptNo, secret }),
    });
    expect(pending.body).toContain('办理中');

    await act('disclosure', item, 'answer', { answerType: 'disclosed', documentNo: '市监公开〔2026〕1号' });
    const done = await t.app.inject({
      method: 'POST',
      url: '/portal/disclosure/status',
      remoteAddress: '10.0.0.1',
      ...form({ receiptNo: receiptNo.toLowerCase(), secret }),
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('已答复待送达');
    expect(done.body).toContain('予以公开');
    // no public page shows who applied or how to reach them
    for (const body of [done.body, pending.body]) {
      expect(body).not.toContain(applicant.name);
      expect(body).not.toContain(applicant.contact);
    }
  });

  it('网上信访 (JSON): → 信访 ledger with channel 网上信访 → accepted and answered → lookup shows the result', async () => {
    const r = await portalApi('petitions', '10.0.0.2', {
      orgId: t.orgs.departments.get('市场监管局'),
      petitionerKind: 'person',
      petitionerName: applicant.name,
      petitionerContact: applicant.contact,
      category: 'claim',
      subject: '反映某超市出售过期食品,请求查处',
    });
    expect(r.statusCode, r.body).toBe(201);
    const { receiptNo, secret, receivedOn } = r.json();
    expect(receiptNo).toMatch(/^XF-\d{4}-\d{5}$/);
    expect(receivedOn).toBe(today);
    let item = await ledgerItem('petitions', receiptNo);
    expect(item.channelLabel).toBe('网上信访');
    expect(item.receivedOn).toBe(today);
    item = await act('petitions', item, 'accept', {});
    item = await act('petitions', item, 'answer', { result: 'supported', documentNo: '市监信〔2026〕1号' });
    const s = await portalApi('petitions/status', '10.0.0.2', { receiptNo, secret });
    expect(s.statusCode).toBe(200);
    expect(s.json()).toMatchObject({ receiptNo, statusLabel: '已出具处理意见', outcomeLabel: '支持' });
    expect(JSON.stringify(s.json())).not.toContain(applicant.contact);
    expect(JSON.stringify(s.json())).not.toContain(applicant.name);
  });

  it('bad input names the field in Chinese on the page, and nothing is written', async () => {
    const before = await disclosureTotal();
    const r = await applyOnline('10.0.0.3', {
      applicantName: '',
      applicantContact: applicant.contact,
      subject: '某信息',
      form: 'paper',
      delivery: 'mail',
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('申请人姓名或名称');
    expect(r.body).toContain('<p class="error" role="alert">申请人姓名或名称:不能为空</p>');
    expect(await disclosureTotal()).toBe(before);
  });

  it('a flood of applications from one address is refused with 429 and nothing is written', async () => {
    const payload = {
      orgId: t.orgs.departments.get('市场监管局'),
      applicantKind: 'business',
      applicantName: '某公司',
      applicantContact: '0571-0000000',
      subject: '某项许可信息',
      form: 'paper',
      delivery: 'mail',
    };
    const send = () => portalApi('disclosure', '10.0.0.4', payload);
    for (let i = 0; i < SUBMIT_RULE.free; i++) expect((await send()).statusCode).toBe(201);
    const before = await disclosureTotal();
    const flood = await send();
    expect(flood.statusCode).toBe(429);
    expect(flood.json().detail).toContain('网上提交过于频繁');
    expect(await disclosureTotal()).toBe(before);
  });

  it('wrong secrets are throttled: after the free attempts even the right secret waits', async () => {
    const r = await portalApi('disclosure', '10.0.0.5', {
      orgId: t.orgs.departments.get('市场监管局'),
      applicantKind: 'person',
      applicantName: '某人',
      applicantContact: '13800000000',
      subject: '某信息',
      form: 'paper',
      delivery: 'pickup',
    });
    const { receiptNo, secret } = r.json();
    const look = (s: string) => portalApi('disclosure/status', '10.0.0.6', { receiptNo, secret: s });
    const wrong = secret === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
    for (let i = 0; i < LOOKUP_RULE.free; i++) {
      const miss = await look(wrong);
      expect(miss.statusCode).toBe(404);
      expect(miss.json().detail).toContain('查询码不正确');
    }
    const blocked = await look(secret);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().detail).toContain('查询过于频繁');
  });
});

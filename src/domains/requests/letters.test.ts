import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { appWithOrgs, loginAs, type Session } from '../../test/app.js';
import { testEngines } from '../../test/db.js';
import type { DemoOrgs } from '../org/seed.js';
import { AnswerType } from './disclosure/schema.js';
import { answerLetterText } from './letters.js';

/** The text a reader sees in a .docx (word/document.xml, runs joined). */
async function docxText(buf: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('答复书 wording (政府信息公开条例)', () => {
  it.each(AnswerType.options)('%s cites the article it rests on, in full-width punctuation', (type) => {
    const text = answerLetterText[type];
    if (type === 'other.other') expect(text).toContain('依法');
    else expect(text).toMatch(/第[一二三四五六七八九十]+条/);
    expect(text).not.toMatch(/[,;:()]/);
  });
});

describe.each(testEngines())('answer letters as .docx on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let orgs: DemoOrgs;
  let scjg: Session;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    h = await engine.open();
    ({ app, orgs } = await appWithOrgs(h));
    scjg = await loginAs(app, 'scjg');
  }, 300_000);
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  const post = async (url: string, payload: object) => {
    const r = await app.inject({ method: 'POST', url, headers: scjg.headers, payload });
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json();
  };

  it('政府信息公开申请答复书 by answer type, from the record; none before the answer', async () => {
    const item = await post('/api/requests/disclosure', {
      orgId: orgs.departments.get('市场监管局'),
      applicantName: '申请人王某',
      applicantKind: 'person',
      subject: '某企业行政许可材料',
      channel: 'inPerson',
      submittedOn: today,
    });
    const early = await app.inject({
      url: `/api/requests/disclosure/${item.id}/letter.docx`,
      headers: scjg.headers,
    });
    expect(early.statusCode).toBe(409);
    await post(`/api/requests/disclosure/${item.id}/actions`, {
      version: item.version,
      action: 'answer',
      date: today,
      data: {
        answerType: 'partial',
        documentNo: '市监公开〔2026〕7号',
        disclosedPart: '许可决定书',
        withheldPart: '申请人的身份证件信息',
        reason: '涉及个人隐私',
      },
    });
    const r = await app.inject({
      url: `/api/requests/disclosure/${item.id}/letter.docx`,
      headers: scjg.headers,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(r.rawPayload);
    expect(text).toContain('政府信息公开申请答复书');
    expect(text).toContain('市监公开〔2026〕7号');
    expect(text).toContain('申请人王某：');
    expect(text).toContain('第三十七条');
    expect(text).toContain('予以公开的内容：许可决定书。');
    expect(text).toContain('理由：涉及个人隐私');
  });

  it('信访事项受理告知书 and 信访处理意见书', async () => {
    let item = await post('/api/requests/petitions', {
      orgId: orgs.departments.get('市场监管局'),
      petitionerName: '信访人李某',
      petitionerKind: 'person',
      subject: '反映某餐馆卫生问题',
      channel: 'letter',
      category: 'accusation',
      receivedOn: today,
    });
    const none = await app.inject({
      url: `/api/requests/petitions/${item.id}/letter.docx?type=acceptance`,
      headers: scjg.headers,
    });
    expect(none.statusCode).toBe(409);
    item = await post(`/api/requests/petitions/${item.id}/actions`, {
      version: item.version,
      action: 'accept',
      date: today,
      data: {},
    });
    const notice = await docxText(
      (
        await app.inject({
          url: `/api/requests/petitions/${item.id}/letter.docx?type=acceptance`,
          headers: scjg.headers,
        })
      ).rawPayload,
    );
    expect(notice).toContain('信访事项受理告知书');
    expect(notice).toContain('以来信形式提出的信访事项（反映某餐馆卫生问题）');
    expect(notice).toContain('六十日内办结');
    await post(`/api/requests/petitions/${item.id}/actions`, {
      version: item.version,
      action: 'answer',
      date: today,
      data: { result: 'partlySupported', documentNo: '市监信复〔2026〕3号' },
    });
    const opinion = await docxText(
      (
        await app.inject({
          url: `/api/requests/petitions/${item.id}/letter.docx?type=opinion`,
          headers: scjg.headers,
        })
      ).rawPayload,
    );
    expect(opinion).toContain('信访处理意见书');
    expect(opinion).toContain('处理结果：部分支持。');
    expect(opinion).toContain('三十日内请求原办理行政机关的上一级行政机关复查');
  });
});

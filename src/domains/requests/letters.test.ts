import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test/db.js';
import { AnswerType } from './disclosure/schema.js';
import { answerLetterText } from './letters.js';
import { appSetup, chinaToday } from '../../test/app-suite.js';
import { disclosureApplication } from './core/test-fixtures.js';

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
  const today = chinaToday();

  const t = appSetup(engine, { users: ['scjg'] });

  const post = async (url: string, payload: object) => {
    const r = await t.app.inject({ method: 'POST', url, headers: t.as.scjg.headers, payload });
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json();
  };
  /** A record's letter as 市场监管局 downloads it. */
  const letter = (url: string) => t.app.inject({ url, headers: t.as.scjg.headers });

  it('政府信息公开申请答复书 by answer type, from the record; none before the answer', async () => {
    const item = await post(
      '/api/requests/disclosure',
      disclosureApplication(t.orgs.departments.get('市场监管局') ?? '', today, {
        applicantName: '申请人王某',
        subject: '某企业行政许可材料',
      }),
    );
    const early = await letter(`/api/requests/disclosure/${item.id}/letter.docx`);
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
    const r = await letter(`/api/requests/disclosure/${item.id}/letter.docx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(r.rawPayload);
    for (const words of [
      '政府信息公开申请答复书',
      '市监公开〔2026〕7号',
      '申请人王某：',
      '第三十七条',
      '予以公开的内容：许可决定书。',
      '理由：涉及个人隐私',
    ])
      expect(text).toContain(words);
  });

  it('信访事项受理告知书 and 信访处理意见书', async () => {
    let item = await post('/api/requests/petitions', {
      orgId: t.orgs.departments.get('市场监管局'),
      petitionerName: '信访人李某',
      petitionerKind: 'person',
      subject: '反映某餐馆卫生问题',
      channel: 'letter',
      category: 'accusation',
      receivedOn: today,
    });
    const none = await letter(`/api/requests/petitions/${item.id}/letter.docx?type=acceptance`);
    expect(none.statusCode).toBe(409);
    item = await post(`/api/requests/petitions/${item.id}/actions`, {
      version: item.version,
      action: 'accept',
      date: today,
      data: {},
    });
    const notice = await docxText(
      (await letter(`/api/requests/petitions/${item.id}/letter.docx?type=acceptance`)).rawPayload,
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
      (await letter(`/api/requests/petitions/${item.id}/letter.docx?type=opinion`)).rawPayload,
    );
    expect(opinion).toContain('信访处理意见书');
    expect(opinion).toContain('处理结果：部分支持。');
    expect(opinion).toContain('三十日内请求原办理行政机关的上一级行政机关复查');
  });
});

import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/db.js';
import { databaseSetup } from '../../../test/suite.js';
import { codeOf } from '../../../test/ctx.js';
import { ctxAt, orgId, withOrgs } from '../test/fixtures.js';
import { reconDocument } from './documents.js';
import { createReconsideration, recordReconAction } from './service.js';

/** The text of a .docx as Word reads it: the runs of word/document.xml. */
async function docText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe.each(testEngines())('复议 documents from the record on $name', (engine) => {
  const t = databaseSetup(engine, async (h) => {
    await withOrgs(h);
    const sys = ctxAt(h);
    const c = await createReconsideration(sys, {
      channel: 'inPerson',
      receivedOn: '2025-06-02',
      respondentOrgId: await orgId(h, '市场监督管理局'),
      applicantKind: 'person',
      applicantName: '周文斌',
      act: {
        title: '行政处罚决定书',
        documentNo: '市监罚〔2025〕31号',
        kind: 'penalty',
        knownOn: '2025-05-20',
        penaltyTypes: ['fine'],
        amount: 5000,
      },
      request: '撤销被申请人作出的行政处罚决定',
      reasons: '被申请人认定事实不清。',
    });
    return { sys, id: c.id };
  });

  const act = async (action: string, date: string, data: Record<string, unknown> = {}) => {
    const { getReconsideration } = await import('./service.js');
    const { version } = await getReconsideration(t.sys, t.id);
    await recordReconAction(t.sys, t.id, { version, action, date, data });
  };

  it('refuses a document whose act is not on the log yet', async () => {
    expect(await codeOf(reconDocument(t.sys, t.id, 'decision'))).toBe(
      'disputes.reconsideration.documentNotReady@kind',
    );
  });

  it('writes the 补正、受理、答复 notices and the 决定书 with the facts of the record', async () => {
    await act('requestCorrection', '2025-06-03', { items: ['申请人身份证明复印件', '行政处罚决定书复印件'] });
    let text = await docText((await reconDocument(t.sys, t.id, 'correction-notice')).bytes);
    expect(text).toContain('行政复议申请补正通知书');
    expect(text).toContain('周文斌:');
    expect(text).toContain('2025年6月2日提出的行政复议申请');
    expect(text).toContain('一、申请人身份证明复印件');
    expect(text).toContain('二、行政处罚决定书复印件');
    expect(text).toContain('十日内补正');

    await act('supplyCorrection', '2025-06-05');
    await act('accept', '2025-06-06', { procedure: 'ordinary' });
    text = await docText((await reconDocument(t.sys, t.id, 'acceptance-notice')).bytes);
    expect(text).toContain('行政复议受理通知书');
    expect(text).toContain('《行政处罚决定书》(市监罚〔2025〕31号)');
    expect(text).toContain('自2025年6月6日起受理');
    expect(text).toContain('适用普通程序审理');

    await act('sendCopy', '2025-06-09');
    text = await docText((await reconDocument(t.sys, t.id, 'answer-notice')).bytes);
    expect(text).toContain('提出答复通知书');
    expect(text).toContain('第四十八条');
    expect(text).toContain('自收到本通知之日起十日内');

    await act('decide', '2025-06-13', {
      outcome: 'revoke',
      documentNo: '行复决〔2025〕7号',
      text: '本机关认为,被申请人认定事实的证据不足。',
    });
    const doc = await reconDocument(t.sys, t.id, 'decision');
    expect(doc.filename).toMatch(/^行政复议决定书\(行复〔2025〕\d+号\)\.docx$/);
    text = await docText(doc.bytes);
    expect(text).toContain('行复决〔2025〕7号');
    expect(text).toContain('申请人:周文斌');
    expect(text).toMatch(/被申请人:.*市场监督管理局/);
    expect(text).toContain('本机关认为,被申请人认定事实的证据不足。');
    expect(text).toContain('第六十四条的规定,本机关决定:撤销。');
    expect(text).toContain('2025年6月13日');
    expect(text).toContain('十五日内');
  });
});

import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { annualDisclosureTable } from '../domains/disputes/api.js';
import { demoUscc, seedOrgs } from '../domains/org/seed.js';
import {
  changeDataCallStatus,
  getDataCall,
  getSubmission,
  reviewSubmission,
  saveFigures,
  submitSubmission,
} from './planning/data-call-service.js';
import { addEntry } from '../domains/requests/core/entry-service.js';
import { recordAction } from '../domains/requests/core/service.js';
import { createDisclosure } from '../domains/requests/disclosure/service.js';
import { saveReportText } from '../domains/requests/disclosure/report-service.js';
import { disclosureSpec } from '../domains/requests/disclosure/spec.js';
import { systemCtx } from '../platform/context.js';
import { testEngines } from '../test/db.js';
import { databaseSetup } from '../test/suite.js';
import { composeDisclosureReport, PROACTIVE_METRICS, requestMissingFigures } from './disclosure-annual.js';
import { renderDisclosureReportDocx, renderDisclosureReportHtml } from './disclosure-annual-render.js';
import { computeFigures, loadRegistry, yearPeriod } from './registry.js';

/** The tables of a .docx as rows of cell texts, read from word/document.xml as Word would. */
async function docxTables(buf: Buffer): Promise<string[][][]> {
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no document.xml');
  const text = (s: string) =>
    [...s.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1] ?? '')
      .join('')
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1] ?? '')),
    ),
  );
}
const rowOf = (tables: string[][][], label: string) => tables.flat().find((r) => r[0] === label);

describe.each(testEngines())('政府信息公开工作年度报告 (国办公开办函〔2021〕30号) on $name', (engine) => {
  const YEAR = 2025;

  const suite = databaseSetup(
    engine,
    async (h) => {
      const ctx = systemCtx(h.db, () => new Date('2026-01-10T02:00:00Z'));
      const orgs = await seedOrgs(ctx, 'Passw0rd1', demoUscc);
      const dept = orgs.departments.get('市场监管局') ?? '';
      const apply = async (applicantKind: string, receivedOn: string) =>
        createDisclosure(ctx, {
          orgId: dept,
          applicantName: '申请人',
          applicantKind,
          subject: '某项政府信息',
          channel: 'inPerson',
          submittedOn: receivedOn,
        });
      const answer = async (item: { id: string; version: number }, date: string, data: object) =>
        recordAction(ctx, disclosureSpec, item.id, { version: item.version, action: 'answer', date, data });
      await answer(await apply('person', '2025-03-03'), '2025-03-20', {
        answerType: 'disclosed',
        documentNo: '公开〔2025〕1号',
      });
      await answer(await apply('person', '2025-05-06'), '2025-05-20', {
        answerType: 'partial',
        documentNo: '公开〔2025〕2号',
        disclosedPart: '许可决定',
        withheldPart: '个人信息',
      });
      await answer(await apply('business', '2025-06-02'), '2025-06-20', {
        answerType: 'withheld.thirdParty',
        documentNo: '公开〔2025〕3号',
        reason: '涉及商业秘密,第三方不同意公开',
      });
      await apply('person', '2025-12-26'); // still open at the year's end: 结转下年度
      await answer(await apply('person', '2024-12-24'), '2025-01-10', {
        answerType: 'disclosed',
        documentNo: '公开〔2025〕4号',
      }); // 上年结转
      await addEntry(ctx, 'proactive', {
        orgId: dept,
        category: 'meeting',
        occurredOn: '2025-04-01',
        title: '常务会议公开',
        quantity: 6,
      });
      return { ctx, orgs };
    },
    300_000,
  );

  it('the .docx opens with the statutory tables filled from the records', async () => {
    const report = await composeDisclosureReport(suite.ctx, suite.orgs.rootId, YEAR);
    const tables = await docxTables(await renderDisclosureReportDocx(report));
    // 表三: counts of the applications by applicant kind (columns 自然人 … 总计)
    const counts = async (where: (r: { received_on: string; applicant_kind: string }) => boolean) => {
      const rows = await suite.h.db
        .selectFrom('requests_item')
        .select(['received_on', 'applicant_kind'])
        .where('kind', '=', 'disclosure')
        .execute();
      const picked = rows.filter(where);
      const kinds = ['person', 'business', 'research', 'publicInterest', 'legalService', 'other'];
      return [
        ...kinds.map((k) => String(picked.filter((r) => r.applicant_kind === k).length)),
        String(picked.length),
      ];
    };
    expect(rowOf(tables, '一、本年新收政府信息公开申请数量')?.slice(1)).toEqual(
      await counts((r) => r.received_on >= '2025-01-01' && r.received_on <= '2025-12-31'),
    );
    expect(rowOf(tables, '一、本年新收政府信息公开申请数量')?.slice(1)).toEqual([
      '3',
      '1',
      '0',
      '0',
      '0',
      '0',
      '4',
    ]);
    expect(rowOf(tables, '二、上年结转政府信息公开申请数量')?.slice(1)).toEqual([
      '1',
      '0',
      '0',
      '0',
      '0',
      '0',
      '1',
    ]);
    expect(rowOf(tables, '（一）予以公开')?.slice(1)).toEqual(['2', '0', '0', '0', '0', '0', '2']);
    expect(rowOf(tables, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')?.[7]).toBe('1');
    expect(rowOf(tables, '4.保护第三方合法权益')?.slice(1)).toEqual(['0', '1', '0', '0', '0', '0', '1']);
    expect(rowOf(tables, '（七）总计')?.[7]).toBe('4');
    expect(rowOf(tables, '四、结转下年度继续办理')?.[7]).toBe('1');

    // 表二: each cell is the figure its metric computes from the records (or 未填报 when none is filed)
    const figures = await computeFigures(
      suite.ctx,
      await loadRegistry(suite.h.db),
      suite.orgs.rootId,
      yearPeriod(YEAR),
      PROACTIVE_METRICS,
    );
    const v = (id: string) => {
      const f = figures.find((x) => x.metricId === id);
      return f?.value === null || f?.value === undefined ? '未填报' : String(f.value);
    };
    expect(rowOf(tables, '行政规范性文件')?.slice(1)).toEqual([
      v('legality.documents.published'),
      v('legality.documents.repealed'),
      v('legality.documents.currentlyValid'),
    ]);
    expect(rowOf(tables, '行政许可')?.[1]).toBe(v('enforcement.publication.published.license'));
    expect(rowOf(tables, '行政处罚')?.[1]).toBe(v('enforcement.publication.published.penalty'));
    expect(rowOf(tables, '规章')?.slice(1)).toEqual(['未填报', '未填报', '未填报']);
    expect(rowOf(tables, '行政事业性收费')?.[1]).toBe('未填报');
    expect(rowOf(tables, '重要会议')?.slice(1)).toEqual(['1', '6']);

    // 表四: the disputes domain's table, cell for cell
    const t4 = await annualDisclosureTable(suite.ctx, { orgId: suite.orgs.rootId, year: YEAR });
    const printed = tables.find((t) => t[0]?.[0] === '行政复议');
    expect(printed?.[2]).toEqual(
      [...t4.reconsideration, ...t4.litigationDirect, ...t4.litigationAfterReconsideration].map((c) =>
        String(c.value),
      ),
    );
    // full-width punctuation in the drafted text
    expect(report.overview.join('')).not.toMatch(/[,;:()]/);
    expect(report.overview[2]).toContain('本年新收政府信息公开申请4件');
  });

  it('figures no record holds are asked through a data call; once accepted they print', async () => {
    const asked = await requestMissingFigures(suite.ctx, {
      orgId: suite.orgs.rootId,
      year: YEAR,
      deadline: '2026-01-25',
    });
    expect(asked.metricIds.sort()).toEqual(
      [
        'rpt.govDisclosure.feesCollected',
        'rpt.govDisclosure.rulesInForce',
        'rpt.govDisclosure.rulesIssued',
        'rpt.govDisclosure.rulesRepealed',
      ].sort(),
    );
    const call = await getDataCall(suite.ctx, asked.dataCallId);
    await changeDataCallStatus(suite.ctx, call.id, 'open', { version: call.version });
    const sub = call.submissions[0];
    if (!sub) throw new Error('no submission');
    let form = await getSubmission(suite.ctx, sub.id);
    const filed: Record<string, number> = { 'rpt.govDisclosure.feesCollected': 12.5 };
    form = await saveFigures(suite.ctx, sub.id, {
      version: form.version,
      figures: form.lines
        .filter((l) => !l.readOnly)
        .map((l) => ({
          itemId: l.id,
          value: filed[l.metricId] ?? 0,
          unit: l.unit,
          evidenceText: '非税收入台账',
        })),
    });
    form = await submitSubmission(suite.ctx, sub.id, { version: form.version });
    await reviewSubmission(suite.ctx, sub.id, 'accept', { version: form.version });

    await saveReportText(suite.ctx, {
      orgId: suite.orgs.rootId,
      year: YEAR,
      problems: '依申请公开答复质量有待提高。',
      otherMatters: '',
    });
    const report = await composeDisclosureReport(suite.ctx, suite.orgs.rootId, YEAR);
    expect(report.missing).toEqual([]);
    const tables = await docxTables(await renderDisclosureReportDocx(report));
    expect(rowOf(tables, '行政事业性收费')?.[1]).toBe('12.5');
    expect(rowOf(tables, '规章')?.slice(1)).toEqual(['0', '0', '0']);
    const html = renderDisclosureReportHtml(report);
    expect(html).toContain('五、存在的主要问题及改进情况');
    expect(html).toContain('依申请公开答复质量有待提高。');
    expect(html).not.toContain('申请人'.repeat(2));
  });

  it('a submission date inside the year itself is refused, naming the field; nothing written', async () => {
    await expect(
      saveReportText(suite.ctx, {
        orgId: suite.orgs.rootId,
        year: YEAR,
        version: 1,
        submittedOn: '2025-12-30',
      }),
    ).rejects.toMatchObject({ details: { field: 'submittedOn' } });
  });
});

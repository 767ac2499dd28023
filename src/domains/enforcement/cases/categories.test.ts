import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DomainError } from '../../../platform/errors.js';
import { LocalFileStore, storeAttachment } from '../../../platform/files/index.js';
import { testEngines } from '../../../test/db.js';
import { createCases, getCase, openCase, searchCases } from './service.js';
import { addRecords, recordAction } from './act-service.js';
import { caseNoAbbreviation } from '../../org/rules.js';
import { updateOrg } from '../../org/org-service.js';
import { searchBodies } from '../officers/service.js';
import { publishPublications, searchPublications } from '../publications/service.js';
import { withdrawPublication } from '../publications/withdrawal.js';
import { marketCase, marketSetup } from '../test/fixtures.js';
import { fillGaps, testFiles } from '../test/records.js';
import { errorCodeOf } from '../../../test/ctx.js';

const all = { offset: 0, limit: 500 };

describe.each(testEngines())('cases of every category on $name', (engine) => {
  const m = marketSetup(engine);
  let party: Record<string, unknown>;
  let t: Awaited<ReturnType<typeof testFiles>>;
  const doc = (name: string) => ({ sha256: t.pdf, kind: 'document' as const, name });
  const recordCount = async () =>
    Number(
      (
        await m.h.db
          .selectFrom('enforcement_case_record')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    party = marketCase(m, { partyName: '开远市某某药店', facts: '申请药品零售许可' });
    t = await testFiles(m.sys);
  });

  it('numbers a case with the 文书编号前缀 of its org record, as edited in 机构管理', async () => {
    const body = (await searchBodies(m.sys, { q: '市场监督管理局' }, all)).items[0];
    const org = await m.h.db
      .selectFrom('org')
      .select(['id', 'version', 'doc_prefix'])
      .where('id', '=', body?.orgId ?? '')
      .executeTakeFirstOrThrow();
    await updateOrg(m.sys, org.id, { version: org.version, docPrefix: '测试监' });
    const c = await openCase(m.sys, { ...party, category: 'inspection', openedOn: '2025-06-03' });
    expect(c.caseNo).toMatch(/^测试监检〔2025〕\d+号$/);
    await updateOrg(m.sys, org.id, { version: org.version + 1, docPrefix: org.doc_prefix });
  });

  it('a license case: 申请 → 受理 → 准予 → 颁证 → 结案, with its working-day clocks and records', async () => {
    let c = await openCase(
      m.sys,
      { ...party, category: 'license', openedOn: '2025-05-06' },
      { files: t.files },
    );
    expect(c).toMatchObject({ category: 'license', procedure: 'license', status: 'applied' });
    expect(c.caseNo).toMatch(/^开市监许〔2025〕\d+号$/);
    // 许可法 第三十二条: 受理 within 5 working days (05-06 → 05-13), now 逾期
    expect(c.nextDue).toMatchObject({ kind: 'acceptance', due: '2025-05-13', state: 'overdue' });
    expect(c.recordGaps.map((g) => g.recordLabel)).toEqual(['申请书及申请材料']);
    c = await recordAction(
      m.sys,
      c.id,
      { version: c.version, action: 'accept', date: '2025-05-08', records: [doc('受理通知书.pdf')] },
      t.files,
    );
    expect(c.status).toBe('examining');
    // 第四十二条: 二十个工作日 from 受理 (05-08 → 06-06)
    expect(c.nextDue).toMatchObject({ kind: 'licenseDecision', due: '2025-06-06' });
    c = await recordAction(
      m.sys,
      c.id,
      {
        version: c.version,
        action: 'grant',
        date: '2025-06-05',
        data: { licenseNo: '药开2025001' },
        records: [doc('准予许可决定书.pdf')],
      },
      t.files,
    );
    expect(c.status).toBe('decided');
    // 国办发〔2018〕118号: a license decision is published within 7 working days
    expect(c.publication).toMatchObject({ status: 'pending', dueOn: '2025-06-16', category: 'license' });
    expect(c.nextDue).toMatchObject({ kind: 'licenseIssue', due: '2025-06-19', state: 'dueSoon' });
    c = await recordAction(m.sys, c.id, { version: c.version, action: 'issue', date: '2025-06-09' }, t.files);
    const before = await recordCount();
    const refused = await recordAction(
      m.sys,
      c.id,
      { version: c.version, action: 'close', date: '2025-06-10' },
      t.files,
    ).catch((e: DomainError) => e);
    expect((refused as DomainError).code).toBe('enforcement.recordsMissing');
    expect((refused as DomainError).message).toContain('第 1 环节“申请”缺申请书及申请材料');
    expect((refused as DomainError).message).toContain('第 4 环节“送达决定、颁发证件”缺送达回证');
    expect(await recordCount()).toBe(before);
    c = await fillGaps(m.sys, c, t);
    expect(c.actions[0]?.records).toEqual([
      expect.objectContaining({ sha256: t.pdf, kind: 'document', late: true }),
    ]);
    c = await recordAction(m.sys, c.id, { version: c.version, action: 'close', date: '2025-06-10' }, t.files);
    expect(c.status).toBe('closed');
    expect((await searchCases(m.sys, { category: 'license' }, all)).items.map((x) => x.id)).toContain(c.id);
    expect((await searchCases(m.sys, { category: 'coercion' }, all)).items.map((x) => x.id)).not.toContain(
      c.id,
    );
  });

  it('refuses a record whose hash is unknown or whose bytes were swapped, and writes nothing', async () => {
    const c = await openCase(m.sys, { ...party, category: 'inspection', openedOn: '2025-06-02' });
    const before = await recordCount();
    const unknown = { sha256: 'f'.repeat(64), kind: 'document', name: '立案审批表.pdf' };
    expect(await errorCodeOf(addRecords(m.sys, c.id, 1, { records: [unknown] }, t.files))).toBe(
      'enforcement.recordUnknown',
    );
    const swapped = await storeAttachment(m.h.db, t.files, {
      bytes: new TextEncoder().encode('%PDF-1.4\n%swap\n%%EOF\n'),
      originalName: 'x.pdf',
      createdBy: null,
    });
    fs.writeFileSync(new LocalFileStore(t.dir).pathOf(swapped.sha256), '%PDF-1.4\n%other bytes\n%%EOF\n');
    expect(
      await errorCodeOf(
        addRecords(m.sys, c.id, 1, { records: [{ ...unknown, sha256: swapped.sha256 }] }, t.files),
      ),
    ).toBe('enforcement.recordCorrupt');
    expect(await errorCodeOf(addRecords(m.sys, c.id, 1, { records: [doc('立案审批表.pdf')] }, null))).toBe(
      'files.unavailable',
    );
    expect(await errorCodeOf(addRecords(m.sys, c.id, 9, { records: [doc('立案审批表.pdf')] }, t.files))).toBe(
      'enforcement.actionNotFound',
    );
    expect(await recordCount()).toBe(before);
    expect((await getCase(m.sys, c.id)).recordGaps).toHaveLength(1);
  });

  it('a generic decision is published within 20 working days; revoked after 公示, it must be withdrawn within 3', async () => {
    let c = await openCase(m.sys, { ...party, category: 'levy', openedOn: '2025-05-05' });
    expect(c.procedure).toBe('generic');
    c = await recordAction(m.sys, c.id, {
      version: c.version,
      action: 'decide',
      date: '2025-05-12',
      data: { amount: 3000 },
    });
    expect(c.amount).toBe(3000);
    expect(c.publication).toMatchObject({ status: 'pending', dueOn: '2025-06-10' });
    await publishPublications(m.sys, [{ id: c.publication?.id ?? '', date: '2025-05-20' }]);
    const missing = await errorCodeOf(
      recordAction(m.sys, c.id, {
        version: c.version,
        action: 'revokeDecision',
        date: '2025-06-11',
        data: { reason: '复议撤销' },
      }),
    );
    expect(missing).toBe('enforcement.changeDecisionNo');
    c = await recordAction(m.sys, c.id, {
      version: c.version,
      action: 'revokeDecision',
      date: '2025-06-11',
      data: { reason: '经行政复议撤销', decisionNo: '开复决〔2025〕3号', revocation: 'revoke' },
    });
    expect(c.status).toBe('revoked');
    // 处罚法 第四十八条: 06-11 + 3 working days = 06-16 (today): 临期
    expect(c.publication).toMatchObject({
      status: 'published',
      withdrawDueOn: '2025-06-16',
      withdrawState: 'dueSoon',
      changeKind: 'revoke',
    });
    const pending = await searchPublications(m.sys, { withdrawal: 'pending' }, all);
    expect(pending.items.map((p) => p.caseId)).toContain(c.id);
    const p = c.publication;
    expect(
      await errorCodeOf(
        withdrawPublication(m.sys, p?.id ?? '', { version: p?.version ?? 0, date: '2025-06-13', note: '' }),
      ),
    ).toBe('enforcement.withdrawNote');
    await withdrawPublication(m.sys, p?.id ?? '', {
      version: p?.version ?? 0,
      date: '2025-06-13',
      note: '原决定已撤销,撤回公示',
    });
    const after = await getCase(m.sys, c.id);
    expect(after.publication).toMatchObject({
      status: 'withdrawn',
      withdrawnOn: '2025-06-13',
      withdrawLate: false,
      withdrawState: null,
    });
    expect(
      (await searchPublications(m.sys, { withdrawal: 'pending' }, all)).items.map((x) => x.caseId),
    ).not.toContain(c.id);
  });

  it('a change before 公示 withholds the publication with the reason', async () => {
    let c = await openCase(m.sys, { ...party, category: 'coercion', openedOn: '2025-05-05' });
    c = await recordAction(m.sys, c.id, { version: c.version, action: 'seize', date: '2025-05-06' });
    expect(c.nextDue).toMatchObject({ kind: 'seizure', due: '2025-06-05', state: 'overdue' });
    c = await recordAction(m.sys, c.id, {
      version: c.version,
      action: 'dispose',
      date: '2025-05-20',
      data: { disposal: 'release' },
    });
    c = await recordAction(m.sys, c.id, {
      version: c.version,
      action: 'amendDecision',
      date: '2025-05-21',
      data: { reason: '处理决定文书有误', decisionNo: '开市监强变〔2025〕1号' },
    });
    expect(c.status).toBe('decided');
    expect(c.publication).toMatchObject({ status: 'withheld', changeKind: 'amend' });
    expect(c.publication?.withheldReason).toContain('决定已变更');
  });

  it('a batch draft already revoked withholds its publication too', async () => {
    const a = (action: string, date: string, data: object = {}) =>
      ({ action, date, data, actorId: null }) as never;
    const [id] = await createCases(m.sys, [
      {
        kind: 'open',
        input: { ...party, category: 'reward', openedOn: '2025-04-01' },
        actions: [
          a('decide', '2025-04-07', { amount: 500 }),
          a('revokeDecision', '2025-04-09', { reason: '奖励对象有误', decisionNo: '开市监奖撤〔2025〕1号' }),
        ],
      },
    ]);
    const c = await getCase(m.sys, id ?? '');
    expect(c).toMatchObject({ status: 'revoked', category: 'reward' });
    expect(c.publication).toMatchObject({ status: 'withheld', changeKind: 'revoke' });
  });
});

describe('case-number abbreviations (文书编号)', () => {
  it.each([
    ['市场监督管理局', '市监'],
    ['生态环境局', '环'],
    ['住房和城乡建设局', '住建'],
    ['某街道综合行政执法队', '某街道综执'],
    ['交通运输综合行政执法大队', '交综执'],
  ])('an org without its own prefix: %s → %s', (name, abbr) => {
    expect(caseNoAbbreviation(name)).toBe(abbr);
  });
});

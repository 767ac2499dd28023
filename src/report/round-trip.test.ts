import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  changeDataCallStatus,
  createDataCall,
  getSubmission,
  reviewSubmission,
  saveFigures,
  submitSubmission,
} from './planning/data-call-service.js';
import { generateReport } from './planning/report-service.js';
import { orgIdOf, seedDemoOrgs, userCtx } from './planning/test-fixtures.js';
import { testEngines } from '../test/db.js';
import { databaseSetup } from '../test/suite.js';
import { reportedCatalogue } from '../domains/planning/catalogue.js';
import seedFactMap from './seed-fact-map.json' with { type: 'json' };
import { formatNumber } from './sentences.js';
import { leadershipGroups, themes } from './templates.js';

interface SeedFact {
  doc: string;
  metric: string;
  value: number;
  unit: string;
  quote: string;
}

/** Seed 003: 开远市 (the demo county) on its rule-of-law government work. */
const facts: (SeedFact & { metricId: string })[] = fs
  .readFileSync(path.resolve(import.meta.dirname, 'fixtures/seed-facts.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as SeedFact)
  .filter((f) => f.doc.startsWith('003_'))
  .map((f) => {
    const m = seedFactMap.find((x) => x.doc === f.doc && x.metric === f.metric);
    if (!m) throw new Error(`unmapped ${f.metric}`);
    return { ...f, metricId: m.registryId, source: m.source };
  })
  // figures computed from records are not filed through data calls
  .filter((f) => f.source === 'reported');

const spec = (id: string) => {
  const s = reportedCatalogue.find((c) => c.id === id);
  if (!s) throw new Error(`not in the catalogue: ${id}`);
  return s;
};

type Filer = 'county' | 'justice' | 'township';

/**
 * Who files what: the county files the area-wide totals, which replace its units' filings (the
 * units file 0 on the same form; issue 16: a parent's own filing is not added to its children's).
 */
function shares(f: (typeof facts)[number]): [Filer, number][] {
  spec(f.metricId);
  return [
    ['county', f.value],
    ['justice', 0],
    ['township', 0],
  ];
}

describe.each(testEngines())('round trip of seed 003 (开远市) through data calls on $name', (engine) => {
  const suite = databaseSetup(engine, async (h) => {
    const orgs = await seedDemoOrgs(h);
    const township = [...orgs.townships.values()][0]?.id ?? '';
    const orgOf: Record<Filer, string> = { county: orgs.rootId, justice: orgIdOf(orgs, '司法局'), township };
    const admin = await userCtx(h, 'admin');
    const call = await createDataCall(admin, {
      orgId: orgIdOf(orgs, '司法局'),
      title: '2025年度法治政府建设数据填报',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      deadline: '2026-02-28',
      targetOrgIds: Object.values(orgOf),
      items: facts.map((f) => ({ metricId: f.metricId })),
    });
    await changeDataCallStatus(admin, call.id, 'open', { version: 1 });
    for (const [filer, orgId] of Object.entries(orgOf) as [Filer, string][]) {
      const subId = call.submissions.find((s) => s.orgId === orgId)?.id ?? '';
      let form = await getSubmission(admin, subId);
      const figures = form.lines.flatMap((line) => {
        const f = facts.find((x) => x.metricId === line.metricId);
        const share = f ? shares(f).find(([who]) => who === filer)?.[1] : undefined;
        return share === undefined
          ? []
          : [{ itemId: line.id, value: share, unit: line.unit, evidenceText: f?.quote ?? '' }];
      });
      form = await saveFigures(admin, subId, { version: form.version, figures });
      form = await submitSubmission(admin, subId, { version: form.version });
      await reviewSubmission(admin, subId, 'accept', { version: form.version });
    }
    const report = await generateReport(admin, { year: 2025 });
    const content = report.current.content;
    return { orgs, content };
  });

  it('generates the report of the county from the figures the units filed', () => {
    expect(suite.content.title).toBe('开远市人民政府关于2025年度法治政府建设工作情况的报告');
    // seed 003's facts still typed in (the rest come from records; 争议领域 took three off the list)
    expect(facts.length).toBe(33);
  });

  it('prints each non-zero number of seed 003 in the sentence of its figure, under its theme', () => {
    const sections = suite.content.parts.flatMap((p) => p.sections.map((s) => ({ part: p.key, ...s })));
    const missing: string[] = [];
    for (const f of facts) {
      const s = spec(f.metricId);
      const sentences = sections
        .flatMap((sec) => sec.sentences.map((x) => ({ sec, ...x })))
        .filter((x) => x.metricIds.includes(f.metricId));
      if (f.value === 0) {
        if (sentences.length > 0) missing.push(`${f.metric}: 零值不应打印`);
        continue;
      }
      const printed = `${formatNumber(f.value)}${s.unit === ':1' ? '∶1' : s.unit}`;
      const hit = sentences.find((x) => x.text.includes(printed));
      if (!hit) {
        missing.push(`${f.metric}: 未找到“${printed}”`);
        continue;
      }
      const theme = themes.find((t) => (t.groups as readonly string[]).includes(s.group));
      const expected = (leadershipGroups as readonly string[]).includes(s.group)
        ? 'leadershipFigures'
        : (theme?.key ?? 'leadership');
      if (hit.sec.key !== expected) missing.push(`${f.metric}: 在“${hit.sec.key}”而非“${expected}”`);
    }
    expect(missing).toEqual([]);
  });

  it('lists every printed figure in the appendix with its value rolled up over the county', () => {
    // 营商环境 figures are owned by other systems and stay filed through data calls
    const filed = facts.find((f) => f.metricId.startsWith('rpt.businessEnv.') && f.value > 0);
    const fig = suite.content.figures.find((f) => f.metricId === filed?.metricId);
    expect(fig).toMatchObject({
      value: filed?.value,
      orgName: '开远市人民政府',
      from: '2025-01-01',
      to: '2025-12-31',
    });
    const printedIds = new Set(
      suite.content.parts.flatMap((p) => p.sections.flatMap((s) => s.sentences.flatMap((x) => x.metricIds))),
    );
    expect(new Set(suite.content.figures.map((f) => f.metricId))).toEqual(printedIds);
  });
});

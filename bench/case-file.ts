// Builds a historical-case import file (the import's own columns) from the officers in a
// database, so every row is valid: certificates that cover the case's dates, bodies with their
// own orgs, a mix of categories and procedures. Used by the import benchmark.
import fs from 'node:fs';
import { once } from 'node:events';
import type { Db } from '../src/platform/db/types.js';
import { addDays, compareDates } from '../src/platform/calendar/index.js';
import { demoIdNumber } from '../src/platform/ids/index.js';
import { exportLedgerXlsx } from '../src/platform/io/index.js';
import { type CaseImportRow, caseImportColumns } from '../src/domains/enforcement/cases/import/columns.js';
import { intBetween, mulberry32, pickOne } from '../src/domains/enforcement/demo-names.js';
import type { PenaltyKind } from '../src/domains/enforcement/cases/schema.js';

interface Team {
  body: string;
  org: string;
  certificates: [string, string];
  from: string;
  to: string;
}

/** Per body, two certificates valid together for at least half a year before `today`. */
export async function teams(db: Db, today: string): Promise<Team[]> {
  const rows = await db
    .selectFrom('enforcement_certificate as c')
    .innerJoin('enforcement_officer as o', 'o.id', 'c.officer_id')
    .innerJoin('enforcement_body as b', 'b.id', 'o.body_id')
    .innerJoin('org as g', 'g.id', 'b.org_id')
    .select([
      'b.id as body_id',
      'b.name as body',
      'g.name as org',
      'c.number',
      'c.issued_on',
      'c.valid_until',
    ])
    .where('c.status', '=', 'valid')
    .where('b.active', '=', true)
    .orderBy('c.number')
    .execute();
  const byBody = new Map<string, typeof rows>();
  for (const r of rows) byBody.set(r.body_id, [...(byBody.get(r.body_id) ?? []), r]);
  const out: Team[] = [];
  for (const certs of byBody.values()) {
    for (let i = 0; i + 1 < certs.length; i++) {
      const a = certs[i];
      const b = certs[i + 1];
      if (!a || !b || a.number === b.number) continue;
      const from = compareDates(a.issued_on, b.issued_on) > 0 ? a.issued_on : b.issued_on;
      let to = compareDates(a.valid_until, b.valid_until) < 0 ? a.valid_until : b.valid_until;
      if (compareDates(to, addDays(today, -1)) > 0) to = addDays(today, -1);
      if (compareDates(addDays(from, 200), to) < 0) {
        out.push({ body: a.body, org: a.org, certificates: [a.number, b.number], from, to });
        break;
      }
    }
  }
  return out;
}

const OTHER = ['license', 'coercion', 'inspection', 'confirmation'] as const;
const FACTS = [
  '销售过期食品',
  '未取得许可从事经营活动',
  '超限运输',
  '违法排放污染物',
  '未按规定设置安全警示标志',
];

export function* historicalRows(list: readonly Team[], n: number, prefix = 'LS'): Generator<CaseImportRow> {
  const random = mulberry32(20240601);
  for (let i = 0; i < n; i++) {
    const t = pickOne(random, list);
    const span = Math.max(1, Math.round((Date.parse(t.to) - Date.parse(t.from)) / 86_400_000) - 120);
    const opened = addDays(t.from, intBetween(random, 0, span));
    const kind = random();
    const person = random() < 0.4;
    const base = {
      caseNo: `${prefix}${opened.slice(0, 4)}-${String(i + 1).padStart(7, '0')}`,
      bodyName: t.body,
      orgName: t.org,
      partyKind: person ? 'person' : 'organisation',
      partyName: person ? `张某${i % 1000}` : `第${i + 1}商贸有限公司`,
      partyCode: person ? demoIdNumber(i, '532502') : null,
      facts: pickOne(random, FACTS),
      powerItemCode: null,
      certificate1: t.certificates[0],
      certificate2: t.certificates[1],
      openedOn: opened,
      major: false,
      decisionNo: null,
    };
    if (kind < 0.15) {
      const fine = random() < 0.7;
      yield {
        ...base,
        category: 'penalty',
        procedure: 'summary',
        decidedOn: opened,
        servedOn: opened,
        closedOn: addDays(opened, intBetween(random, 0, 10)),
        penalties: [fine ? 'fine' : 'warning'] as PenaltyKind[],
        amount: fine ? `${intBetween(random, 1, 200)}.00` : null,
        reviewed: false,
      };
    } else if (kind < 0.2) {
      yield {
        ...base,
        category: 'penalty',
        procedure: 'ordinary',
        decidedOn: null,
        servedOn: null,
        closedOn: addDays(opened, intBetween(random, 5, 60)),
        penalties: null,
        amount: null,
        reviewed: false,
      };
    } else if (kind < 0.3) {
      const decided = addDays(opened, intBetween(random, 1, 20));
      yield {
        ...base,
        category: pickOne(random, OTHER),
        procedure: 'ordinary',
        decidedOn: decided,
        servedOn: null,
        closedOn: addDays(decided, intBetween(random, 0, 10)),
        penalties: null,
        amount: null,
        reviewed: false,
      };
    } else {
      const decided = addDays(opened, intBetween(random, 10, 85));
      const served = addDays(decided, intBetween(random, 0, 7));
      const amount = intBetween(random, 1, 50) * 1000;
      yield {
        ...base,
        category: 'penalty',
        procedure: 'ordinary',
        decidedOn: decided,
        servedOn: served,
        closedOn: addDays(served, intBetween(random, 0, 30)),
        penalties: ['warning', 'fine'] as PenaltyKind[],
        amount: `${amount}.00`,
        reviewed: random() < 0.3,
      };
    }
  }
}

/** Writes `n` valid rows as .xlsx to `file`. */
export async function writeHistoricalFile(db: Db, file: string, n: number, today: string): Promise<void> {
  const list = await teams(db, today);
  if (list.length === 0) throw new Error('no enforcement body with two certified officers');
  const out = fs.createWriteStream(file);
  await exportLedgerXlsx(historicalRows(list, n), caseImportColumns, out, { sheetName: '行政执法案件' });
  if (!out.writableFinished) await once(out, 'finish');
}

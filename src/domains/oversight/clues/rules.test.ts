import { describe, expect, it } from 'vitest';
import type { PendingPublication, SupervisionFacts } from '../../enforcement/api.js';
import {
  CLUE_ALLOWED,
  caseRuleHits,
  deriveClueStatus,
  fineOutsideDiscretion,
  missingRecords,
  overdueCase,
  overduePublication,
  unreviewedMajorDecision,
  uncertifiedHandler,
} from './rules.js';
import { ClueStatus } from './schema.js';

const TODAY = '2025-06-16';
const clean: SupervisionFacts = {
  id: 'c1',
  caseNo: '开市监罚〔2025〕1号',
  orgId: 'o1',
  regionCode: '532502',
  category: 'penalty',
  status: 'closed',
  openedOn: '2025-03-01',
  decidedOn: '2025-04-01',
  nextDueKind: null,
  nextDueOn: null,
  isMajor: true,
  reviewed: true,
  discretionDeparted: false,
  recordCount: 3,
  uncertifiedHandlers: [],
};

describe('clue rules over enforcement records', () => {
  it('a clean case fires no rule', () => {
    expect(caseRuleHits(clean, TODAY)).toEqual([]);
  });

  it.each([
    ['overdueCase', { nextDueOn: '2025-06-15' }, (f: SupervisionFacts) => overdueCase(f, TODAY)],
    ['unreviewedMajorDecision', { reviewed: false }, unreviewedMajorDecision],
    ['fineOutsideDiscretion', { discretionDeparted: true }, fineOutsideDiscretion],
    ['missingRecords', { recordCount: 0 }, missingRecords],
    ['uncertifiedHandler', { uncertifiedHandlers: ['王五'] }, uncertifiedHandler],
  ] as const)('%s fires on its fact and only on it', (rule, change, fn) => {
    const f = { ...clean, ...change } as SupervisionFacts;
    expect(fn(f)?.rule).toBe(rule);
    expect(fn(clean)).toBeNull();
    expect(caseRuleHits(f, TODAY).map((h) => h.rule)).toEqual([rule]);
  });

  it('a case due today is not overdue; an undecided case needs no records or review yet', () => {
    expect(overdueCase({ ...clean, nextDueOn: TODAY }, TODAY)).toBeNull();
    expect(missingRecords({ ...clean, decidedOn: null, recordCount: 0 })).toBeNull();
    expect(unreviewedMajorDecision({ ...clean, decidedOn: null, reviewed: false })).toBeNull();
  });

  it('a pending publication past its due date fires', () => {
    const p: PendingPublication = {
      id: 'p1',
      caseId: 'c1',
      caseNo: clean.caseNo,
      orgId: 'o1',
      regionCode: '532502',
      dueOn: '2025-06-10',
    };
    expect(overduePublication(p, TODAY)?.description).toContain('未按期公示');
    expect(overduePublication({ ...p, dueOn: TODAY }, TODAY)).toBeNull();
  });

  it.each(ClueStatus.options)('status %s allows only its listed actions; the log derives it', (status) => {
    expect(Array.isArray(CLUE_ALLOWED[status])).toBe(true);
    expect(deriveClueStatus([{ action: 'assign' }, { action: 'answer' }, { action: 'close' }])).toBe(
      'closed',
    );
    expect(deriveClueStatus([])).toBe('new');
  });
});

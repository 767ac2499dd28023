import { describe, expect, it } from 'vitest';
import { ALLOWED_ACTIONS, checkRectificationAction, deriveRectification, rectificationDue } from './rules.js';
import { RectificationStatus, type RectificationActionRecord } from './schema.js';

const act = (
  action: RectificationActionRecord['action'],
  extra: Partial<RectificationActionRecord> = {},
): RectificationActionRecord => ({
  seq: 1,
  action,
  occurredOn: '2025-06-01',
  data: {},
  evidence: [],
  actorName: '测试',
  ...extra,
});
const pdf = { sha256: 'a'.repeat(64), name: '整改报告.pdf' };

describe('rectification rules', () => {
  it('derives the status, measure, due date and evidence from the log', () => {
    const log = [
      act('raise', { data: { dueOn: '2025-06-30' } }),
      act('plan', { data: { measure: '完善公示制度' } }),
      act('extend', { data: { dueOn: '2025-07-31' } }),
      act('complete', { evidence: [pdf] }),
      act('close', { occurredOn: '2025-07-02' }),
    ];
    const states = log.map((_, i) => deriveRectification(log.slice(0, i + 1)).status);
    expect(states).toEqual(['open', 'rectifying', 'rectifying', 'reported', 'closed']);
    expect(deriveRectification(log)).toEqual({
      status: 'closed',
      measure: '完善公示制度',
      dueOn: '2025-07-31',
      evidenceCount: 1,
      closedOn: '2025-07-02',
    });
  });

  it.each(RectificationStatus.options)('allows from %s only the actions in the table', (status) => {
    const state = { status, measure: '', dueOn: '2025-06-30', evidenceCount: 1, closedOn: null };
    for (const a of ['plan', 'progress', 'complete', 'return', 'extend', 'close'] as const) {
      const allowed = (ALLOWED_ACTIONS[status] as readonly string[]).includes(a);
      const run = () =>
        checkRectificationAction(state, { action: a, measure: 'm', dueOn: '2025-08-01', evidence: [] });
      if (allowed) expect(run).not.toThrow();
      else expect(run).toThrow('当前状态下不能');
    }
  });

  it.each([
    ['close', 'reported', 0, 'evidence', '没有整改佐证材料,不能销号'],
    ['complete', 'rectifying', 0, 'evidence', '报整改完成须上传整改佐证材料'],
    ['plan', 'open', 0, 'measure', '请填写整改措施'],
  ] as const)(
    'refuses %s from %s with %i evidence (field %s)',
    (action, status, evidenceCount, field, message) => {
      const state = { status, measure: '', dueOn: '2025-06-30', evidenceCount, closedOn: null };
      expect(() => checkRectificationAction(state, { action, evidence: [] })).toThrow(message);
      try {
        checkRectificationAction(state, { action, evidence: [] });
      } catch (e) {
        expect((e as { details: { field: string } }).details.field).toBe(field);
      }
    },
  );

  it('refuses an extension that is not later', () => {
    const state = {
      status: 'open' as const,
      measure: '',
      dueOn: '2025-06-30',
      evidenceCount: 0,
      closedOn: null,
    };
    expect(() =>
      checkRectificationAction(state, { action: 'extend', dueOn: '2025-06-30', evidence: [] }),
    ).toThrow('应晚于原期限');
  });

  it.each([
    ['open', '2025-06-30', '2025-06-20', 'normal'],
    ['open', '2025-06-30', '2025-06-23', 'dueSoon'],
    ['rectifying', '2025-06-30', '2025-06-30', 'dueSoon'],
    ['reported', '2025-06-30', '2025-07-01', 'overdue'],
    ['closed', '2025-06-30', '2025-09-01', 'normal'],
  ] as const)('%s due %s on %s is %s', (status, dueOn, today, expected) => {
    expect(rectificationDue({ status, dueOn }, today)).toBe(expected);
  });
});

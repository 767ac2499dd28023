import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { type ActTable, actRefused, checkAct, foldActs, isActAllowed } from './act-table.js';

type Status = 'draft' | 'sent' | 'closed';
type Action = 'write' | 'send' | 'close';

const table: ActTable<Status, Action> = {
  code: 'demo.actionNotAllowed',
  noun: '来文',
  allowed: { draft: ['write', 'send'], sent: ['close'], closed: [] },
  statusLabels: { draft: '起草中', sent: '已发出', closed: '已办结' },
  actionLabels: { write: '起草', send: '发出', close: '办结' },
};
const after = (_: Status, a: Action): Status => (a === 'send' ? 'sent' : a === 'close' ? 'closed' : 'draft');

function refusal(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError)
      return { code: e.code, kind: e.kind, field: e.details.field, message: e.message };
    throw e;
  }
  return null;
}

describe('a status → acts table', () => {
  it.each([
    ['draft', 'send', true],
    ['draft', 'close', false],
    ['sent', 'close', true],
    ['closed', 'write', false],
  ] as const)('in %s, %s is allowed: %s', (status, action, allowed) => {
    expect(isActAllowed(table, status, action)).toBe(allowed);
    expect(refusal(() => checkAct(table, status, action)) === null).toBe(allowed);
  });

  it.each([
    ['quoted (the default)', table, {}, '来文处于“已办结”状态,不能“起草”'],
    ['in plain words', { ...table, plainWords: true as const }, {}, '来文已办结,不能起草'],
    ['naming the record otherwise', table, { noun: '该事项' }, '该事项处于“已办结”状态,不能“起草”'],
    ['in the caller’s words', table, { message: '已办结的来文不能再起草' }, '已办结的来文不能再起草'],
  ] as const)('a refused act is a 409 on action, worded %s', (_, t, words, message) => {
    expect(refusal(() => checkAct(t, 'closed', 'write', words))).toEqual({
      code: 'demo.actionNotAllowed',
      kind: 'conflict',
      field: 'action',
      message,
    });
    expect(actRefused(t, 'closed', 'write', words).message).toBe(message);
  });

  it('folds a log to its status, and refuses its first illegal act', () => {
    expect(foldActs(table, 'draft', [], after)).toBe('draft');
    expect(
      foldActs(table, 'draft', [{ action: 'write' }, { action: 'send' }, { action: 'close' }], after),
    ).toBe('closed');
    expect(
      refusal(() =>
        foldActs(table, 'draft', [{ action: 'send' }, { action: 'send' }, { action: 'write' }], after),
      ),
    ).toMatchObject({ message: '来文处于“已发出”状态,不能“发出”' });
  });
});

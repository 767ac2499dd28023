import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from './errors.js';
import { parseInput, parseRow } from './validation.js';

const Person = z.strictObject({
  name: z.string().min(1, '不能为空'),
  contact: z.strictObject({ phone: z.string() }),
});

function problem(run: () => unknown): { message: string; field: string | undefined } {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'validation')
      return { message: e.message, field: e.details.field };
    throw e;
  }
  throw new Error('no problem raised');
}

describe('parseInput', () => {
  it('returns the parsed input', () => {
    expect(parseInput(Person, { name: '张三', contact: { phone: '1' } })).toEqual({
      name: '张三',
      contact: { phone: '1' },
    });
  });

  it.each([
    ['the path', {}, { message: 'name:不能为空', field: 'name' }],
    ['the path under an act', { under: 'data' }, { message: 'data.name:不能为空', field: 'data.name' }],
    ['the Chinese name', { labels: { name: '姓名' } }, { message: '姓名:不能为空', field: 'name' }],
    ['the row first', { lead: '第 2 条:' }, { message: '第 2 条:name:不能为空', field: 'name' }],
    ['the row index in the field only', { row: 1 }, { message: 'name:不能为空', field: '1.name' }],
  ])('names %s', (_, place, expected) => {
    expect(problem(() => parseInput(Person, { name: '', contact: { phone: '1' } }, place))).toEqual(expected);
  });

  it('names the deepest labelled segment of a nested path', () => {
    const p = problem(() =>
      parseInput(Person, { name: 'a', contact: { phone: 1 } }, { labels: { contact: '联系方式' } }),
    );
    expect(p.field).toBe('contact.phone');
    expect(p.message.startsWith('联系方式:')).toBe(true);
  });
});

describe('parseRow', () => {
  it('says the row, and puts its index in the field when the batch has several rows', () => {
    expect(problem(() => parseRow(Person, { name: '', contact: { phone: '1' } }, 2, 3))).toEqual({
      message: '第 3 条:name:不能为空',
      field: '2.name',
    });
    expect(problem(() => parseRow(Person, { name: '', contact: { phone: '1' } }, 0, 1))).toEqual({
      message: '第 1 条:name:不能为空',
      field: 'name',
    });
  });
});

import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { actionBody } from './action-form.js';
import { caseBody } from './open-case-page.js';

const base = {
  bodyId: 'b',
  category: 'penalty',
  partyKind: 'organisation' as const,
  partyName: ' 开远市云岭食品有限公司 ',
  partyUscc: '',
  partyIdNumber: '530000',
  facts: '销售过期食品',
  handlerIds: ['h1', 'h2'],
  openedOn: dayjs('2026-11-20'),
  decidedOn: dayjs('2026-11-21'),
  sanction: { penalties: ['warning'], amount: 300 },
};

/** What the forms send must pass the server's strict schemas: nothing extra, nothing empty. */
describe('case request bodies', () => {
  it('立案 sends the dates as plain dates and leaves out what a 法人 has not', () => {
    expect(caseBody('open', base)).toEqual({
      bodyId: 'b',
      powerItemId: undefined,
      partyKind: 'organisation',
      partyName: '开远市云岭食品有限公司',
      partyUscc: undefined,
      facts: '销售过期食品',
      handlerIds: ['h1', 'h2'],
      openedOn: '2026-11-20',
      majorReason: undefined,
    });
  });

  it("a natural person: address kept for service, other persons' names sent to be hidden", () => {
    const body = caseBody('open', {
      ...base,
      partyKind: 'person',
      partyName: '李某',
      partyAddress: ' 开远市灵泉街道人民路18号 ',
      privateNames: [' 王某某 ', ''],
    });
    expect(body).toMatchObject({ partyAddress: '开远市灵泉街道人民路18号', privateNames: ['王某某'] });
    expect(caseBody('open', base).privateNames).toBeUndefined();
  });

  it('sends a category other than 行政处罚 only on 立案', () => {
    expect(caseBody('open', { ...base, category: 'license' }).category).toBe('license');
    expect(caseBody('onTheSpot', { ...base, category: 'license' }).category).toBeUndefined();
  });

  it('当场处罚 sends the sanction with no fine amount unless a fine is chosen', () => {
    const body = caseBody('onTheSpot', base);
    expect(body).toMatchObject({ decidedOn: '2026-11-21', sanction: { penalties: ['warning'], amount: 0 } });
    expect(body.openedOn).toBeUndefined();
  });

  it('an act sends its date, its filled fields, and records only when there are some', () => {
    const v = {
      date: dayjs('2026-11-22'),
      data: { note: ' 现场检查 ', opinion: '  ', noticedOn: dayjs('2026-11-10') },
      records: [],
    };
    expect(actionBody({ version: 3 }, 'investigate', v)).toEqual({
      version: 3,
      action: 'investigate',
      date: '2026-11-22',
      data: { note: '现场检查', noticedOn: '2026-11-10' },
    });
    const withFile = actionBody({ version: 3 }, 'investigate', {
      ...v,
      records: [{ sha256: 'a'.repeat(64), kind: 'document', name: '笔录.pdf', size: 10 }],
    });
    expect(withFile.records).toEqual([{ sha256: 'a'.repeat(64), kind: 'document', name: '笔录.pdf' }]);
  });
});

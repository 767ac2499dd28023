import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  ActionData,
  OnTheSpotInput,
  OpenCaseInput,
  RecordActionInput,
  RecordsInput,
} from '../../../../domains/enforcement/cases/schema.js';
import { Circumstance } from '../../../../domains/powers/schema.js';
import { actionBody, actionDefaults, openHearingPeriod } from './action-form.js';
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

/**
 * One source of truth: every body the case forms build is parsed by the very schemas the routes
 * declare, so a field the server starts to require (or stops taking) fails here, not in the field.
 */
describe('case forms against the route schemas', () => {
  const HASH = 'b'.repeat(64);
  const uuid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const full = {
    ...base,
    bodyId: uuid(1),
    powerItemId: uuid(2),
    handlerIds: [uuid(3), uuid(4)],
    records: [{ sha256: HASH, kind: 'document' as const, name: '立案审批表.pdf', size: 1 }],
  };

  it('立案 and 当场处罚 bodies, with the 立案审批表, pass the routes’ body schemas', () => {
    const open = OpenCaseInput.extend({ records: RecordsInput.optional() }).safeParse(caseBody('open', full));
    expect(open.error?.issues).toBeUndefined();
    expect(open.data?.records).toEqual([{ sha256: HASH, kind: 'document', name: '立案审批表.pdf' }]);
    const spot = OnTheSpotInput.extend({ records: RecordsInput.optional() }).safeParse(
      caseBody('onTheSpot', full),
    );
    expect(spot.error?.issues).toBeUndefined();
  });

  it('a decision carries the 违法情节, 计罚基数, 理由 and 清单 item the server checks', () => {
    const body = actionBody({ version: 4 }, 'decide', {
      date: dayjs('2026-11-30'),
      data: {
        sanction: { penalties: ['fine'], amount: 8000 },
        circumstance: 'general',
        fineBase: 2000,
        discretionReason: '  ',
        leniencyItemId: uuid(5),
      },
    });
    const parsed = RecordActionInput.safeParse(body);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data?.data).toMatchObject({
      circumstance: 'general',
      fineBase: 2000,
      leniencyItemId: uuid(5),
    });
    expect(parsed.data?.data.discretionReason).toBeUndefined();
  });

  it('every 情节 the 裁量权基准 defines is one the decision schema takes', () => {
    for (const c of Circumstance.options)
      expect(ActionData.safeParse({ circumstance: c }).success, c).toBe(true);
  });

  it('a decision starts from the 告知’s 处罚种类 and 金额; other acts start empty', () => {
    const detail = {
      actions: [
        { action: 'open', data: {} },
        { action: 'notify', data: { sanction: { penalties: ['warning', 'fine'], amount: 5000 } } },
      ],
    } as unknown as Parameters<typeof actionDefaults>[0];
    expect(actionDefaults(detail, 'decide').data).toEqual({
      sanction: { penalties: ['warning', 'fine'], amount: 5000 },
    });
    expect(actionDefaults(detail, 'serve').data).toBeUndefined();
  });

  it('warns of a 听证 request period still open, not once the party asked or the period passed', () => {
    const c = (acts: string[]) =>
      ({
        dueDates: [{ kind: 'hearingRequest', due: '2026-12-07', metOn: '2026-12-02' }],
        actions: acts.map((action) => ({ action })),
      }) as unknown as Parameters<typeof openHearingPeriod>[0];
    // submitted for 法制审核 the day after the 告知: the party's period is still open
    expect(openHearingPeriod(c(['open', 'notify', 'submitReview', 'passReview']), '2026-12-03')).toBe(
      '2026-12-07',
    );
    expect(openHearingPeriod(c(['open', 'notify', 'requestHearing']), '2026-12-03')).toBeNull();
    expect(openHearingPeriod(c(['open', 'notify']), '2026-12-08')).toBeNull();
    expect(openHearingPeriod(c(['open']), '2026-12-03')).toBeNull();
  });
});

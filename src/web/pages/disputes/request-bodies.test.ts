import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  AddHearingInput,
  ConcludeInput,
  CreateLawsuitInput,
} from '../../../domains/disputes/litigation/schema.js';
import { REQUIRED } from '../../../domains/disputes/reconsideration/required.js';
import { allowedReconActions } from '../../../domains/disputes/reconsideration/rules.js';
import {
  CreateReconInput,
  RecordReconActionInput,
} from '../../../domains/disputes/reconsideration/schema.js';
import { CreateSuggestionInput, ReplyInput } from '../../../domains/disputes/suggestions/schema.js';
import { concludeBody, hearingBody, lawsuitCreateBody } from './lawsuit-bodies.js';
import { RECON_FIELDS, RECON_REQUIRED, reconActionBody } from './recon-action-body.js';
import { reconCreateBody } from './recon-create-body.js';
import { replyBody, suggestionCreateBody } from './suggestion-bodies.js';

const ORG = '0b6f7c1e-3a52-4f0e-9a51-2f1f3c4d5e6f';
const day = dayjs('2026-11-20');

/** What the 复议应诉 forms send must pass the routes' strict schemas, and ask what the server requires. */
describe('复议应诉 request bodies', () => {
  it('every act a case can take asks for exactly the facts the server requires', () => {
    const acts = new Set(Object.values(allowedReconActions).flat());
    for (const action of acts) {
      const required = REQUIRED[action] ?? [];
      expect([...(RECON_REQUIRED[action] ?? [])].sort(), action).toEqual([...required].sort());
      for (const f of required) expect(RECON_FIELDS[action] ?? ['note'], action).toContain(f);
    }
  });

  it('an act with its facts filled in passes the route schema; empty fields are left out', () => {
    const decide = reconActionBody('decide', 3, {
      date: day,
      outcome: 'revoke',
      documentNo: ' 行复决〔2026〕1号 ',
      text: '',
    });
    expect(decide).toEqual({
      version: 3,
      action: 'decide',
      date: '2026-11-20',
      data: { outcome: 'revoke', documentNo: '行复决〔2026〕1号' },
    });
    expect(RecordReconActionInput.safeParse(decide).success).toBe(true);
    const correction = reconActionBody('requestCorrection', 1, {
      date: day,
      items: '身份证明\n\n 授权委托书 ',
    });
    expect(correction.data).toEqual({ items: ['身份证明', '授权委托书'] });
    const extend = reconActionBody('extend', 2, { date: day, days: 30, approver: '王主任' });
    expect(RecordReconActionInput.safeParse(extend).success).toBe(true);
    const hearing = reconActionBody('noticeHearing', 2, { date: day, hearingOn: dayjs('2026-11-30') });
    expect(hearing.data).toEqual({ hearingOn: '2026-11-30' });
    expect(RecordReconActionInput.safeParse(reconActionBody('sendCopy', 2, { date: day })).success).toBe(
      true,
    );
  });

  it('登记 sends a 当面 application without a postmark date, a 邮寄 one with it', () => {
    const base = {
      channel: 'inPerson',
      receivedOn: day,
      filedOn: dayjs('2026-11-18'),
      respondentOrgId: ORG,
      applicantKind: 'person',
      applicantName: ' 周文斌 ',
      applicantPhone: '',
      actTitle: '行政处罚决定',
      actKind: 'penalty',
      actKnownOn: dayjs('2026-11-01'),
      actAmount: null,
      request: '撤销',
      reasons: '认定事实不清。',
    };
    const body = reconCreateBody(base);
    expect(body.filedOn).toBeUndefined();
    expect(body.applicantPhone).toBeUndefined();
    expect(CreateReconInput.safeParse(body).success).toBe(true);
    expect(reconCreateBody({ ...base, channel: 'mail' }).filedOn).toBe('2026-11-18');
    const area = reconCreateBody({ ...base, subjectArea: 'landExpropriation' });
    expect(CreateReconInput.safeParse(area).success).toBe(true);
  });

  it('出庭: a 负责人 sends no excuse; a staff member sends the excuse with its proof', () => {
    const head = hearingBody(1, {
      summonsServedOn: day,
      hearingOn: dayjs('2026-11-25'),
      appearerName: '李明',
      appearerTitle: '局长',
      appearerRole: 'principal',
      excuseGround: 'accident',
    });
    expect(head.excuse).toBeUndefined();
    expect(AddHearingInput.safeParse(head).success).toBe(true);
    const staff = hearingBody(1, {
      summonsServedOn: day,
      hearingOn: dayjs('2026-11-25'),
      appearerName: '张三',
      appearerTitle: '法制股股长',
      appearerRole: 'staff',
      excuseGround: 'irreplaceableDuty',
      excuseNote: '局长参加全省会议',
      proofSha256: 'a'.repeat(64),
    });
    expect(AddHearingInput.safeParse(staff).success).toBe(true);
    expect(
      ConcludeInput.safeParse(concludeBody(2, { outcome: 'dismissClaim', concludedOn: day })).success,
    ).toBe(true);
    const suit = lawsuitCreateBody({
      defendantOrgId: ORG,
      court: '某县人民法院',
      courtCaseNo: '(2026)云2502行初12号',
      instance: 'first',
      plaintiff: '周文斌',
      contestedAct: '行政处罚决定',
      filedOn: day,
      claims: '撤销处罚',
    });
    expect(CreateLawsuitInput.safeParse(suit).success).toBe(true);
  });

  it('建议: the 15-day urgency goes only with 公益诉讼诉前; the reply passes the schema', () => {
    const v = {
      kind: 'judicial',
      orgId: ORG,
      issuer: '某县人民法院',
      documentNo: '司建〔2026〕3号',
      issuedOn: day,
      receivedOn: day,
      urgent: true,
      summary: '规范执法程序',
    };
    expect(suggestionCreateBody(v).urgent).toBe(false);
    expect(suggestionCreateBody({ ...v, kind: 'publicInterest' }).urgent).toBe(true);
    expect(CreateSuggestionInput.safeParse(suggestionCreateBody(v)).success).toBe(true);
    expect(
      ReplyInput.safeParse(replyBody(1, { repliedOn: day, reply: '已整改完毕', rectification: '' })).success,
    ).toBe(true);
  });
});

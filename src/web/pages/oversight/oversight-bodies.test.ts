import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { CreateCampaignInput } from '../../../domains/oversight/case-review/schema.js';
import {
  ClueActInput,
  CreateTipOffInput,
  IssueOpinionInput,
} from '../../../domains/oversight/clues/schema.js';
import {
  CreateInspectionPlanInput,
  RecordVisitInput,
} from '../../../domains/oversight/inspections/schema.js';
import {
  campaignBody,
  clueActBody,
  opinionBody,
  planBody,
  tipOffBody,
  visitBody,
} from './oversight-bodies.js';

const id = '0b4f8a4e-6c1f-4b8e-9a53-1f2d3c4b5a69';
const d = dayjs('2025-11-05');

/** The 督察, 线索, 意见书 and 评查 forms send what their routes require. */
describe('oversight forms ask for what the server requires', () => {
  it('登记举报线索', () => {
    expect(
      CreateTipOffInput.safeParse(tipOffBody({ orgId: id, description: ' 无证经营 ', receivedOn: d })).error,
    ).toBeUndefined();
  });
  it('交办、答复、办结 (closing turns each line into a 整改 item)', () => {
    expect(
      ClueActInput.safeParse(clueActBody(1, { action: 'assign', assignee: '市场监管局' })).error,
    ).toBeUndefined();
    expect(
      ClueActInput.safeParse(clueActBody(2, { action: 'answer', answer: '已核实' })).error,
    ).toBeUndefined();
    const close = clueActBody(3, {
      action: 'close',
      conclusion: '属实',
      problems: '未公示\n\n超期',
      dueOn: d,
    });
    expect(close.findings).toHaveLength(2);
    expect(ClueActInput.safeParse(close).error).toBeUndefined();
  });
  it('制发监督意见书', () => {
    const body = opinionBody({
      orgId: id,
      kind: 'opinion',
      docNo: '司执监〔2025〕1号',
      issuedOn: d,
      dueOn: d.add(30, 'day'),
      content: '监督意见',
      problems: '问题一\n问题二',
    });
    expect(IssueOpinionInput.safeParse(body).error).toBeUndefined();
  });
  it('督察计划 and 督察记录', () => {
    const plan = planBody({
      year: 2025,
      title: '督察',
      topics: '三项制度、第一责任人',
      subjectOrgIds: [id],
      period: [d, d.add(30, 'day')],
    });
    expect(plan.topics).toEqual(['三项制度', '第一责任人']);
    expect(CreateInspectionPlanInput.safeParse(plan).error).toBeUndefined();
    const visit = visitBody({
      planId: id,
      orgId: id,
      visitedOn: d,
      inspectors: '李、周',
      problems: '公示不及时',
      dueOn: d,
    });
    expect(RecordVisitInput.safeParse(visit).error).toBeUndefined();
  });
  it('新建评查活动', () => {
    const body = campaignBody({
      year: 2025,
      title: '评查',
      rubricId: id,
      closed: [d, d.add(30, 'day')],
      perStratum: 3,
    });
    expect(CreateCampaignInput.safeParse(body).error).toBeUndefined();
  });
});

import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  EditionHeader,
  FillInput,
  OpenRoundInput,
  ReviewInput,
  SubmitInput,
} from '../../../domains/oversight/assessment/schema.js';
import { editionImportQuery, fillBody, openRoundBody, reviewBody } from './assessment-bodies.js';

const id = '0b4f8a4e-6c1f-4b8e-9a53-1f2d3c4b5a69';

/** The 考评 forms send what the routes require: each body passes the route's own schema. */
describe('考评 forms ask for what the server requires', () => {
  it('导入指标体系: name and the three grade lines', () => {
    const q = editionImportQuery(
      { name: ' 示范指标 ', excellentFrom: 90, goodFrom: 80, passFrom: 60 },
      'a.xlsx',
    );
    const { fileName: _f, ...header } = q;
    expect(EditionHeader.safeParse(header).success).toBe(true);
    // every required field of the header is a form field
    const required = Object.entries(EditionHeader.shape)
      .filter(([, s]) => !s.safeParse(undefined).success)
      .map(([k]) => k);
    expect(Object.keys(header)).toEqual(expect.arrayContaining(required));
  });

  it('组织考评: edition, year, title, deadline and units', () => {
    const body = openRoundBody({
      editionId: id,
      year: 2025,
      title: '2025年度考评',
      fillDue: dayjs('2026-01-31'),
      orgIds: [id],
    });
    expect(OpenRoundInput.safeParse(body).error).toBeUndefined();
  });

  it('填报 and 报送', () => {
    const body = fillBody(3, [
      {
        indicatorId: id,
        value: null,
        note: ' 已落实 ',
        evidence: [{ sha256: 'a'.repeat(64), name: '佐证.pdf' }],
      },
    ]);
    expect(FillInput.safeParse(body).error).toBeUndefined();
    expect(SubmitInput.safeParse({ version: 4 }).success).toBe(true);
  });

  it('审核赋分: unscored lines are left out, a return carries its note', () => {
    const drafts = [
      { indicatorId: id, score: 4.5, comment: '' },
      { indicatorId: id, score: null, comment: '' },
    ];
    const body = reviewBody(2, drafts, 'finish');
    expect(body.scores).toHaveLength(1);
    expect(ReviewInput.safeParse(body).error).toBeUndefined();
    expect(ReviewInput.parse(reviewBody(2, [], 'return', '请补充佐证')).note).toBe('请补充佐证');
  });
});

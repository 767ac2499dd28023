import { describe, expect, it } from 'vitest';
import {
  checkDiscretion,
  checkDiscretionLevels,
  checkLeniencyApplication,
  checkLicenseDays,
  checkLicenseFee,
  checkMatter,
  checkMatterHeld,
} from './rules.js';
import type { DiscretionLevel } from './schema.js';
import { codeOfCall } from '../../test/ctx.js';

const level = (
  circumstance: DiscretionLevel['circumstance'],
  fineMin: number | null,
  fineMax: number | null,
  fineUnit: DiscretionLevel['fineUnit'] = 'yuan',
): DiscretionLevel => ({ circumstance, description: '情形', fineUnit, fineMin, fineMax, otherPenalties: '' });

// 食品安全法 第一百二十四条 (货值不足一万元: 五万元以上十万元以下), graded as the demo county does
const food = {
  levels: [
    level('minor', null, null),
    level('general', 50_000, 65_000),
    level('serious', 65_000, 85_000),
    level('grave', 85_000, 100_000),
  ],
};
const fine = (amount: number) => ({ penalties: ['fine'], amount });

describe('checkDiscretion (行政处罚法 第三十四条)', () => {
  it.each([
    ['no standard for the item: nothing to check', null, undefined, fine(1), undefined, {}, 'ok'],
    [
      'a standard but no 情节',
      food,
      undefined,
      fine(60_000),
      undefined,
      {},
      'powers.circumstanceRequired@data.circumstance',
    ],
    ['inside the 一般 range', food, 'general', fine(60_000), undefined, {}, 'ok'],
    ['the lower bound itself', food, 'general', fine(50_000), undefined, {}, 'ok'],
    ['the upper bound itself', food, 'grave', fine(100_000), undefined, {}, 'ok'],
    [
      'above the 一般 range, no reason',
      food,
      'general',
      fine(70_000),
      undefined,
      {},
      'powers.fineOutsideRange@data.sanction.amount',
    ],
    [
      'below the 较重 range, no reason',
      food,
      'serious',
      fine(50_000),
      undefined,
      {},
      'powers.fineOutsideRange@data.sanction.amount',
    ],
    [
      'outside the range with a reason',
      food,
      'general',
      fine(70_000),
      '货值金额接近一万元,社会影响较大',
      {},
      'ok',
    ],
    [
      'a reason too short to be one',
      food,
      'general',
      fine(70_000),
      '无',
      {},
      'powers.fineOutsideRange@data.sanction.amount',
    ],
    ['轻微 without a fine', food, 'minor', { penalties: ['warning'], amount: 0 }, undefined, {}, 'ok'],
    [
      '轻微 with a fine',
      food,
      'minor',
      fine(5_000),
      undefined,
      {},
      'powers.fineOutsideRange@data.sanction.amount',
    ],
    [
      '减轻 may go below the minimum (第三十二条)',
      food,
      'general',
      fine(20_000),
      undefined,
      { leniencyKind: 'reducedPenalty' },
      'ok',
    ],
    [
      '减轻 never above the maximum',
      food,
      'general',
      fine(70_000),
      undefined,
      { leniencyKind: 'reducedPenalty' },
      'powers.fineOutsideRange@data.sanction.amount',
    ],
    [
      '从轻 stays inside the range',
      food,
      'general',
      fine(20_000),
      undefined,
      { leniencyKind: 'lighterPenalty' },
      'powers.fineOutsideRange@data.sanction.amount',
    ],
    [
      'a 情节 the standard lacks',
      { levels: [level('general', 1, 2)] },
      'grave',
      fine(2),
      undefined,
      {},
      'powers.circumstanceUnknown@data.circumstance',
    ],
    [
      'multiples need the base',
      { levels: [level('general', 1, 3, 'multiple')] },
      'general',
      fine(2_000),
      undefined,
      {},
      'powers.fineBaseRequired@data.fineBase',
    ],
    [
      'multiples of the base, inside',
      { levels: [level('general', 1, 3, 'multiple')] },
      'general',
      fine(2_000),
      undefined,
      { fineBase: 1_000 },
      'ok',
    ],
    [
      'multiples of the base, above',
      { levels: [level('general', 1, 3, 'multiple')] },
      'general',
      fine(3_500),
      undefined,
      { fineBase: 1_000 },
      'powers.fineOutsideRange@data.sanction.amount',
    ],
  ] as const)('%s', (_name, standard, circumstance, sanction, reason, opts, expected) => {
    expect(codeOfCall(() => checkDiscretion(standard, circumstance, sanction, reason, opts))).toBe(expected);
  });

  it('names the range and the field to give a reason in, in Chinese', () => {
    try {
      checkDiscretion(food, 'general', fine(70_000), undefined);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe(
        '罚款 70,000 元超出裁量权基准“一般”情节的幅度(50,000 元至65,000 元);确需超出的,请写明超出幅度的理由',
      );
    }
  });

  it('says a departure with a reason was one', () => {
    expect(checkDiscretion(food, 'general', fine(70_000), '社会影响较大,从重')).toMatchObject({
      departed: true,
    });
    expect(checkDiscretion(food, 'general', fine(60_000), undefined)).toMatchObject({
      departed: false,
      range: { min: 50_000, max: 65_000 },
    });
  });
});

describe('checkDiscretionLevels (国办发〔2022〕27号)', () => {
  it.each([
    ['graded ranges', food.levels, 'ok'],
    [
      'a 情节 twice',
      [level('general', 1, 2), level('general', 2, 3)],
      'powers.circumstanceDuplicate@levels.1.circumstance',
    ],
    ['min above max', [level('general', 5, 2)], 'powers.fineRangeInverted@levels.0.fineMax'],
    ['only one bound', [level('general', 5, null)], 'powers.fineRangeOpen@levels.0.fineMax'],
    [
      '严重 below 一般',
      [level('grave', 100, 200), level('general', 500, 800)],
      'powers.fineRangeNotGraded@levels.0.fineMin',
    ],
  ] as const)('%s', (_n, levels, expected) => {
    expect(codeOfCall(() => checkDiscretionLevels(levels))).toBe(expected);
  });
});

describe('license list rules (行政许可法 第四十二条、第五十八条)', () => {
  it.each([
    [20, 10, 'ok'],
    [20, 20, 'ok'],
    [0, 0, 'ok'],
    [20, 21, 'powers.promisedOverStatutory@promisedDays'],
  ])('法定 %i / 承诺 %i working days → %s', (statutoryDays, promisedDays, expected) => {
    expect(codeOfCall(() => checkLicenseDays({ statutoryDays, promisedDays }))).toBe(expected);
  });
  it.each([
    [false, '', 'ok'],
    [true, '依据《资源税法》缴纳', 'ok'],
    [true, '', 'powers.feeBasisMissing@feeNote'],
  ])('收费 %s with 依据 “%s” → %s', (charges, feeNote, expected) => {
    expect(codeOfCall(() => checkLicenseFee({ charges, feeNote }))).toBe(expected);
  });
});

describe('执法事项 (行政处罚法 第十七条、第二十条)', () => {
  const owner = 'org-zhifaju';
  const statutory = { name: '开远市综合行政执法局', kind: 'statutory', active: true, entrustedByOrgId: null };
  const entrusted = {
    name: '灵泉街道综合行政执法队',
    kind: 'entrusted',
    active: true,
    entrustedByOrgId: owner,
  };
  const item = { orgId: owner, status: 'active' };
  it.each([
    ['a statutory body, not entrusted', statutory, item, false, 'ok'],
    ['a statutory body marked entrusted', statutory, item, true, 'powers.entrustedMismatch@entrusted'],
    ['an entrusted body not marked', entrusted, item, false, 'powers.entrustedMismatch@entrusted'],
    ['an entrusted body, the entrusting organ’s item', entrusted, item, true, 'ok'],
    [
      'an entrusted body, another organ’s item',
      entrusted,
      { orgId: 'other', status: 'active' },
      true,
      'powers.entrustingOrgMismatch@powerItemId',
    ],
    [
      'a repealed item',
      statutory,
      { orgId: owner, status: 'repealed' },
      false,
      'powers.powerItemRepealed@powerItemId',
    ],
    ['an inactive body', { ...statutory, active: false }, item, false, 'powers.bodyInactive@bodyId'],
  ] as const)('%s', (_n, body, it2, flag, expected) => {
    expect(codeOfCall(() => checkMatter(body, it2, flag))).toBe(expected);
  });
  it('refuses a case of a matter the body does not hold', () => {
    const body = { id: 'b1', name: '开远市市场监督管理局' };
    expect(codeOfCall(() => checkMatterHeld([{ bodyId: 'b1' }], body, { name: '食品' }))).toBe('ok');
    expect(codeOfCall(() => checkMatterHeld([{ bodyId: 'b2' }], body, { name: '食品' }))).toBe(
      'powers.matterNotHeld@powerItemId',
    );
    expect(codeOfCall(() => checkMatterHeld([], body, { name: '食品' }))).toBe(
      'powers.matterNotHeld@powerItemId',
    );
  });
});

describe('applying a 四张清单 entry', () => {
  const entry = (
    kind: 'noPenalty' | 'lighterPenalty' | 'reducedPenalty' | 'noCoercion',
    powerItemId: string | null = 'p1',
  ) => ({
    kind,
    status: 'active',
    powerItemId,
    violation: '未按规定公示',
  });
  it.each([
    ['不予处罚 ends a case (第三十三条)', entry('noPenalty'), 'terminate', 'ok'],
    ['从轻 with a decision (第三十二条)', entry('lighterPenalty'), 'decide', 'ok'],
    ['减轻 with a decision', entry('reducedPenalty'), 'decide', 'ok'],
    [
      '不予处罚 cannot come with a decision',
      entry('noPenalty'),
      'decide',
      'powers.leniencyKindMismatch@data.leniencyItemId',
    ],
    [
      '从轻 cannot end a case unpunished',
      entry('lighterPenalty'),
      'terminate',
      'powers.leniencyKindMismatch@data.leniencyItemId',
    ],
    [
      '免予强制 is not for penalty decisions',
      entry('noCoercion'),
      'decide',
      'powers.leniencyKindMismatch@data.leniencyItemId',
    ],
    [
      'an entry of another power item',
      entry('noPenalty', 'p2'),
      'terminate',
      'powers.leniencyPowerMismatch@data.leniencyItemId',
    ],
    ['an entry of the whole org fits any item', entry('noPenalty', null), 'terminate', 'ok'],
    [
      'a repealed entry',
      { ...entry('noPenalty'), status: 'repealed' },
      'terminate',
      'powers.leniencyRepealed@data.leniencyItemId',
    ],
  ] as const)('%s', (_n, item, act, expected) => {
    expect(codeOfCall(() => checkLeniencyApplication(item, act, 'p1'))).toBe(expected);
  });
});

import { invalid } from '../../platform/errors.js';
import {
  type Circumstance,
  circumstanceLabels,
  type DiscretionLevel,
  type LeniencyKind,
  leniencyKindLabels,
} from './schema.js';

const yuan = (n: number) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

/** 行政许可法 第四十二条: the promised time may shorten the statutory one, never exceed it. */
export function checkLicenseDays(d: { statutoryDays: number; promisedDays: number }): void {
  if (d.promisedDays > d.statutoryDays)
    throw invalid(
      'powers.promisedOverStatutory',
      `承诺办结时限(${d.promisedDays} 个工作日)不能超过法定办结时限(${d.statutoryDays} 个工作日)`,
      'promisedDays',
    );
}

/** 行政许可法 第五十八条: no fee unless a law or administrative regulation sets one — name it. */
export function checkLicenseFee(d: { charges: boolean; feeNote: string }): void {
  if (d.charges && d.feeNote.trim().length < 2)
    throw invalid('powers.feeBasisMissing', '收费的许可事项须写明收费标准及其法律、行政法规依据', 'feeNote');
}

/** 是否涉及前置: a prerequisite is named, so applicants know what to obtain first. */
export function checkLicensePrerequisite(d: { prerequisite: boolean; prerequisiteNote: string }): void {
  if (d.prerequisite && d.prerequisiteNote.trim().length < 2)
    throw invalid('powers.prerequisiteMissing', '涉及前置审批的,请写明前置事项', 'prerequisiteNote');
}

/** A license-list entry implements a 权责清单 item of category 行政许可 (行政许可法 第二条). */
export function checkLicensePowerItem(item: { category: string; status: string } | undefined): void {
  if (!item) return;
  if (item.category !== 'license')
    throw invalid('powers.notLicensePower', '关联的权责事项不是“行政许可”类别', 'powerItemId');
  if (item.status !== 'active')
    throw invalid('powers.powerItemRepealed', '关联的权责事项已取消', 'powerItemId');
}

/**
 * 行政处罚法 第二十条: an entrusted organisation acts in the name of the entrusting organ, so a
 * matter is 委托 exactly when its body is a 受委托组织, and the entrusting organ owns the item.
 */
export function checkMatter(
  body: { name: string; kind: string; active: boolean; entrustedByOrgId: string | null },
  item: { orgId: string; status: string },
  entrusted: boolean,
): void {
  if (!body.active) throw invalid('powers.bodyInactive', `执法主体“${body.name}”已停用`, 'bodyId');
  if (item.status !== 'active')
    throw invalid('powers.powerItemRepealed', '该权责事项已取消,不能再确定执法主体', 'powerItemId');
  const isEntrustedBody = body.kind === 'entrusted';
  if (entrusted !== isEntrustedBody)
    throw invalid(
      'powers.entrustedMismatch',
      isEntrustedBody
        ? `“${body.name}”是受委托组织,其执法事项应标为“委托”`
        : `“${body.name}”不是受委托组织,不能标为“委托”`,
      'entrusted',
    );
  if (entrusted && body.entrustedByOrgId !== item.orgId)
    throw invalid('powers.entrustingOrgMismatch', '委托执法的事项须属于委托机关的权责清单', 'powerItemId');
}

/**
 * 行政处罚法 第十七条、第二十条: a body punishes only within its 法定职权 (or what it was
 * entrusted). A case's power item must be one of the 执法事项 the body holds.
 */
export function checkMatterHeld(
  held: readonly { bodyId: string }[],
  body: { id: string; name: string },
  item: { name: string },
): void {
  if (!held.some((m) => m.bodyId === body.id))
    throw invalid(
      'powers.matterNotHeld',
      `${body.name}未承担执法事项“${item.name}”,不能办理该事项的案件`,
      'powerItemId',
    );
}

const ORDER: readonly Circumstance[] = ['minor', 'general', 'serious', 'grave'];

/**
 * 国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见 (国办发〔2022〕27号) 三(六): each 情节
 * once, each range well-formed, graver 情节 never below lighter ones.
 */
export function checkDiscretionLevels(levels: readonly DiscretionLevel[]): void {
  const seen = new Set<Circumstance>();
  levels.forEach((l, i) => {
    if (seen.has(l.circumstance))
      throw invalid(
        'powers.circumstanceDuplicate',
        `情节“${circumstanceLabels[l.circumstance]}”重复`,
        `levels.${i}.circumstance`,
      );
    seen.add(l.circumstance);
    if ((l.fineMin === null) !== (l.fineMax === null))
      throw invalid(
        'powers.fineRangeOpen',
        '罚款幅度须同时填写下限和上限(不罚款则都不填)',
        `levels.${i}.fineMax`,
      );
    if (l.fineMin !== null && l.fineMax !== null && l.fineMin > l.fineMax)
      throw invalid('powers.fineRangeInverted', '罚款下限不能高于上限', `levels.${i}.fineMax`);
  });
  const sorted = [...levels].sort((a, b) => ORDER.indexOf(a.circumstance) - ORDER.indexOf(b.circumstance));
  for (let i = 1; i < sorted.length; i++) {
    const lighter = sorted[i - 1];
    const graver = sorted[i];
    if (!lighter || !graver || lighter.fineUnit !== graver.fineUnit) continue;
    if (lighter.fineMin !== null && graver.fineMin !== null && graver.fineMin < lighter.fineMin)
      throw invalid(
        'powers.fineRangeNotGraded',
        `“${circumstanceLabels[graver.circumstance]}”情节的罚款下限不能低于“${circumstanceLabels[lighter.circumstance]}”情节`,
        `levels.${levels.indexOf(graver)}.fineMin`,
      );
  }
}

export interface DiscretionOutcome {
  circumstance: Circumstance;
  /** the level's fine range in yuan, or null when the level imposes no fine */
  range: { min: number; max: number } | null;
  /** outside the range, with the reason given */
  departed: boolean;
}

/**
 * 行政处罚法 第三十四条: a decision follows the published 裁量基准. The fine lies in the range of
 * the 情节 found, unless the decision states why not (国办发〔2022〕27号 三(八)); 减轻处罚
 * (第三十二条) may go below the lower bound, never above the upper one.
 */
export function checkDiscretion(
  standard: { levels: readonly DiscretionLevel[] } | null | undefined,
  circumstance: Circumstance | undefined,
  sanction: { penalties: readonly string[]; amount: number } | undefined,
  reason: string | undefined,
  opts: { leniencyKind?: LeniencyKind | undefined; fineBase?: number | undefined } = {},
): DiscretionOutcome | null {
  if (!standard) return null;
  if (!circumstance)
    throw invalid('powers.circumstanceRequired', '该事项有裁量权基准,请选择违法情节', 'data.circumstance');
  const level = standard.levels.find((l) => l.circumstance === circumstance);
  if (!level)
    throw invalid(
      'powers.circumstanceUnknown',
      `裁量权基准中没有“${circumstanceLabels[circumstance]}”情节`,
      'data.circumstance',
    );
  let range: DiscretionOutcome['range'] = null;
  if (level.fineMin !== null && level.fineMax !== null) {
    if (level.fineUnit === 'multiple') {
      if (opts.fineBase === undefined)
        throw invalid(
          'powers.fineBaseRequired',
          '该情节按倍数罚款,请填写计罚基数(违法所得或货值金额)',
          'data.fineBase',
        );
      range = { min: level.fineMin * opts.fineBase, max: level.fineMax * opts.fineBase };
    } else range = { min: level.fineMin, max: level.fineMax };
  }
  const amount = sanction?.penalties.includes('fine') ? sanction.amount : 0;
  const min = opts.leniencyKind === 'reducedPenalty' ? 0 : (range?.min ?? 0);
  const max = range?.max ?? 0;
  const inside = amount >= min && amount <= max;
  if (inside || (amount === 0 && range === null)) return { circumstance, range, departed: false };
  if (reason && reason.trim().length >= 4) return { circumstance, range, departed: true };
  const label = circumstanceLabels[circumstance];
  const bounds = range ? `${yuan(min)}至${yuan(max)}` : '不罚款';
  throw invalid(
    'powers.fineOutsideRange',
    `罚款 ${yuan(amount)}超出裁量权基准“${label}”情节的幅度(${bounds});确需超出的,请写明超出幅度的理由`,
    'data.sanction.amount',
    { range, amount },
  );
}

/**
 * The 四张清单 item a case applies must fit the act: 不予处罚 (行政处罚法 第三十三条) ends the case
 * without a penalty; 从轻、减轻 (第三十二条) come with a decision; 免予行政强制 (行政强制法 第十六条)
 * is for coercive measures, not penalty decisions. An item tied to a power item fits only it.
 */
export function checkLeniencyApplication(
  item: { kind: LeniencyKind; status: string; powerItemId: string | null; violation: string },
  act: 'decide' | 'terminate',
  casePowerItemId: string | null,
): void {
  const field = 'data.leniencyItemId';
  if (item.status !== 'active') throw invalid('powers.leniencyRepealed', '该包容审慎清单事项已取消', field);
  const fits =
    act === 'terminate'
      ? item.kind === 'noPenalty'
      : item.kind === 'lighterPenalty' || item.kind === 'reducedPenalty';
  if (!fits)
    throw invalid(
      'powers.leniencyKindMismatch',
      act === 'terminate'
        ? `不予处罚只能适用“不予处罚清单”,所选事项属于“${leniencyKindLabels[item.kind]}清单”`
        : `作出处罚决定只能适用“从轻处罚清单”或“减轻处罚清单”,所选事项属于“${leniencyKindLabels[item.kind]}清单”`,
      field,
    );
  if (item.powerItemId && item.powerItemId !== casePowerItemId)
    throw invalid(
      'powers.leniencyPowerMismatch',
      `所选清单事项“${item.violation}”不适用于本案的权责事项`,
      field,
    );
}

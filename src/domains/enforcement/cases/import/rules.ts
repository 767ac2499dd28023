import { compareDates, type LocalDate } from '../../../../platform/calendar/index.js';
import { DomainError } from '../../../../platform/errors.js';
import { checkIdNumber, checkUscc } from '../../../../platform/ids/index.js';
import type { CaseImportRow } from './columns.js';
import { procedureOf } from '../procedures.js';
import { checkSummaryEligible } from '../rules.js';
import type { ActionRecord, CaseCategory, PartyKind, Procedure, Sanction } from '../schema.js';

/** A problem in one row: the column key it concerns and a Chinese message. */
export interface RowProblem {
  column: keyof CaseImportRow | '';
  message: string;
}

/** 罚款 up to 100 亿元: the largest amount a case column holds (numeric(14,2)). */
export const MAX_AMOUNT = 1e10;

const isPenalty = (row: Pick<CaseImportRow, 'category'>) => row.category === 'penalty';

/** The sanction a historical penalty row records, if it records one. */
export function rowSanction(row: CaseImportRow): Sanction | undefined {
  if (!row.penalties || row.penalties.length === 0) return undefined;
  return { penalties: row.penalties, amount: row.amount === null ? 0 : Number(row.amount) };
}

/**
 * Checks one historical (closed) case by itself: dates in the order the acts take place and not
 * in the future, the party's code by its checksum, the sanction against the category and
 * procedure. Checks that need the database (scope, officers, numbers in use) are the caller's.
 */
export function checkHistoricalRow(row: CaseImportRow, today: LocalDate): RowProblem[] {
  const out: RowProblem[] = [];
  const order: [keyof CaseImportRow, string | null][] = [
    ['openedOn', row.openedOn],
    ['decidedOn', row.decidedOn],
    ['servedOn', row.servedOn],
    ['closedOn', row.closedOn],
  ];
  const names = {
    openedOn: '立案日期',
    decidedOn: '决定日期',
    servedOn: '送达日期',
    closedOn: '结案日期',
  } as Record<string, string>;
  let last: [keyof CaseImportRow, string] | undefined;
  for (const [key, date] of order) {
    if (!date) continue;
    if (compareDates(date, today) > 0) out.push({ column: key, message: `${names[key]} ${date} 晚于今天` });
    if (last && compareDates(date, last[1]) < 0)
      out.push({ column: key, message: `${names[key]} ${date} 早于${names[last[0]]} ${last[1]}` });
    last = [key, date];
  }

  if (row.partyCode) {
    const r = row.partyKind === 'person' ? checkIdNumber(row.partyCode, today) : checkUscc(row.partyCode);
    if (!r.ok) out.push({ column: 'partyCode', message: r.reason });
  }
  if (row.certificate1 === row.certificate2)
    out.push({
      column: 'certificate2',
      message: '两名承办人的执法证号相同:执法人员不得少于两人(《中华人民共和国行政处罚法》第四十二条)',
    });

  const amount = row.amount === null ? null : Number(row.amount);
  const amountBad = amount !== null && (amount < 0 || amount > MAX_AMOUNT);
  if (amountBad) out.push({ column: 'amount', message: '罚款金额应在 0 至 100 亿元之间' });

  if (!isPenalty(row)) {
    if (row.procedure === 'summary')
      out.push({ column: 'procedure', message: '简易程序(当场处罚)只适用于行政处罚案件' });
    if (row.penalties) out.push({ column: 'penalties', message: '只有行政处罚案件填写处罚种类' });
    if (amount !== null && amount > 0)
      out.push({ column: 'amount', message: '只有行政处罚案件填写罚款金额' });
    if (row.servedOn && !row.decidedOn)
      out.push({ column: 'servedOn', message: '未作出决定的案件不应填写送达日期' });
    return out;
  }

  const sanction = rowSanction(row);
  if (!row.decidedOn) {
    // 不予处罚或撤销立案: closed without a decision
    if (row.procedure === 'summary')
      out.push({ column: 'decidedOn', message: '简易程序案件须填写决定日期(当场作出决定)' });
    if (sanction) out.push({ column: 'decidedOn', message: '填写了处罚种类的案件须填写决定日期' });
    if (row.servedOn) out.push({ column: 'servedOn', message: '未作出决定的案件不应填写送达日期' });
    return out;
  }
  if (!sanction) {
    out.push({ column: 'penalties', message: '已作出处罚决定的案件须填写处罚种类' });
    return out;
  }
  if (!amountBad && sanction.penalties.includes('fine') !== sanction.amount > 0)
    out.push({ column: 'amount', message: '选择罚款时须填写罚款金额,未选择罚款时金额应为 0 或留空' });
  if (row.procedure === 'summary') {
    // 处罚法 art. 52: the decision is made and handed over on the spot, the day the case starts
    if (row.openedOn !== row.decidedOn)
      out.push({ column: 'decidedOn', message: '简易程序当场作出决定:决定日期应与立案日期相同' });
    if (row.servedOn && row.servedOn !== row.decidedOn)
      out.push({ column: 'servedOn', message: '简易程序当场交付决定书:送达日期应与决定日期相同' });
    try {
      checkSummaryEligible(row.partyKind as PartyKind, sanction);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      out.push({
        column: e.details.field === 'sanction.amount' ? 'amount' : 'penalties',
        message: e.message,
      });
    }
  } else if (!row.servedOn) {
    // 处罚法 art. 61: a decided ordinary case is closed only after its decision was served
    out.push({ column: 'servedOn', message: '普通程序作出决定的案件须填写送达日期' });
  }
  return out;
}

export interface HistoricalLog {
  log: ActionRecord[];
  procedure: Procedure;
}

/**
 * The action log of a closed historical case, dated with the file's dates, so its status and
 * derived columns come from the same projection as a live case's.
 * - 行政处罚, 普通程序: 立案 → 告知 → (提交法制审核 → 审核通过) → 决定 → 送达 → 执行完毕 → 结案;
 *   without a decision: 立案 → 不予处罚或撤销立案.
 * - 行政处罚, 简易程序: 当场处罚 → 执行完毕 → 结案 (处罚法 art. 52).
 * - other categories: 立案 → 决定 → 结案 (or 立案 → 撤销立案).
 * 告知 and 审核 are dated the decision day: the old systems did not record their own dates.
 */
export function historicalLog(row: CaseImportRow, actorId: string | null): HistoricalLog {
  const act = (
    action: ActionRecord['action'],
    date: string,
    data: ActionRecord['data'] = {},
  ): ActionRecord => ({
    action,
    date,
    data,
    actorId: action === 'passReview' || action === 'submitReview' ? null : actorId,
  });
  const decisionNo = row.decisionNo ? { decisionNo: row.decisionNo } : {};
  const note = { note: '历史数据导入' };
  if (!isPenalty(row)) {
    const procedure = procedureOf(row.category as CaseCategory);
    const d = row.decidedOn;
    if (procedure === 'license') {
      // 许可法 art. 32, 34, 44: 申请 → 受理 → 准予 → 颁发证件 → 结案; no decision: 不予受理
      const log = d
        ? [
            act('apply', row.openedOn, note),
            act('accept', row.openedOn),
            act('grant', d, decisionNo),
            act('issue', row.servedOn ?? d),
            act('close', row.closedOn),
          ]
        : [act('apply', row.openedOn, note), act('rejectApplication', row.closedOn)];
      return { log, procedure };
    }
    // 强制法 art. 18, 24, 27: 立案 → 查封扣押 → 处理决定 → 送达 → 结案; every other category:
    // 立案 → 决定 → 送达 → 结案; without a decision, 撤销立案
    const coercion = procedure === 'coercion';
    const log = d
      ? [
          act('open', row.openedOn, note),
          ...(coercion ? [act('seize', row.openedOn)] : []),
          act(coercion ? 'dispose' : 'decide', d, decisionNo),
          act('serve', row.servedOn ?? d),
          act('close', row.closedOn),
        ]
      : [act('open', row.openedOn, note), act('terminate', row.closedOn)];
    return { log, procedure };
  }
  const sanction = rowSanction(row);
  const withSanction = sanction ? { sanction } : {};
  if (row.procedure === 'summary') {
    const decided = row.decidedOn ?? row.openedOn;
    return {
      log: [
        act('onTheSpot', decided, { ...withSanction, ...decisionNo, ...note }),
        act('execute', row.closedOn),
        act('close', row.closedOn),
      ],
      procedure: 'summary',
    };
  }
  if (!row.decidedOn)
    return {
      log: [act('open', row.openedOn, note), act('terminate', row.closedOn)],
      procedure: 'ordinary',
    };
  const d = row.decidedOn;
  return {
    log: [
      act('open', row.openedOn, note),
      act('notify', d, withSanction),
      ...(row.reviewed ? [act('submitReview', d), act('passReview', d)] : []),
      act('decide', d, { ...withSanction, ...decisionNo }),
      act('serve', row.servedOn ?? d),
      act('execute', row.closedOn),
      act('close', row.closedOn),
    ],
    procedure: 'ordinary',
  };
}

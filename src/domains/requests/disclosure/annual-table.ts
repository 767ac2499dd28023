import type { LocalDate } from '../../../platform/calendar/index.js';
import { ApplicantKind, applicantKindLabels } from './schema.js';

/**
 * 政务公开工作年度报告 (国办公开办函〔2021〕30号) 表三“收到和处理政府信息公开申请情况”: rows by
 * result, columns by applicant kind, computed from the applications. Pure: the caller loads the
 * records of the org subtree.
 */
export const ANNUAL_COLUMNS: readonly { key: ApplicantKind | 'total'; label: string }[] = [
  ...ApplicantKind.options.map((key) => ({ key, label: applicantKindLabels[key] })),
  { key: 'total', label: '总计' },
];

/** The table's rows: [key, label, the outcome codes counted in it]. */
export const ANNUAL_ROWS: readonly (readonly [string, string, readonly string[]])[] = [
  ['disclosed', '（一）予以公开', ['disclosed', 'alreadyPublic']],
  ['partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ['partial']],
  ['withheld.stateSecret', '（三）不予公开 1.属于国家秘密', ['withheld.stateSecret']],
  ['withheld.lawForbidden', '2.其他法律行政法规禁止公开', ['withheld.lawForbidden']],
  ['withheld.safety', '3.危及“三安全一稳定”', ['withheld.safety']],
  ['withheld.thirdParty', '4.保护第三方合法权益', ['withheld.thirdParty']],
  ['withheld.internal', '5.属于三类内部事务信息', ['withheld.internal']],
  ['withheld.process', '6.属于四类过程性信息', ['withheld.process']],
  ['withheld.enforcementFile', '7.属于行政执法案卷', ['withheld.enforcementFile']],
  ['withheld.query', '8.属于行政查询事项', ['withheld.query']],
  ['unable.notHeld', '（四）无法提供 1.本机关不掌握相关政府信息', ['unable.notHeld', 'unable.notOurs']],
  ['unable.needsCreation', '2.没有现成信息需要另行制作', ['unable.needsCreation']],
  ['unable.unclear', '3.补正后申请内容仍不明确', ['unable.unclear']],
  ['declined.petition', '（五）不予处理 1.信访举报投诉类申请', ['declined.petition']],
  ['declined.repeat', '2.重复申请', ['declined.repeat']],
  ['declined.publication', '3.要求提供公开出版物', ['declined.publication']],
  ['declined.excessive', '4.无正当理由大量反复申请', ['declined.excessive']],
  ['declined.confirmation', '5.要求行政机关确认或重新出具已获取信息', ['declined.confirmation']],
  [
    'other.lapsedCorrection',
    '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    ['other.lapsedCorrection'],
  ],
  [
    'other.unpaidFee',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ['other.unpaidFee'],
  ],
  ['other.other', '3.其他', ['other.other', 'other.withdrawn']],
];

export interface ApplicationFacts {
  applicantKind: string;
  receivedOn: LocalDate;
  outcome: string | null;
  /** the answer, or the 撤回 / 视为放弃 date; null while open */
  concludedOn: LocalDate | null;
}

export type AnnualRow = { key: string; label: string; counts: Record<string, number> };

export function applicationTable(year: number, apps: readonly ApplicationFacts[]): AnnualRow[] {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const row = (key: string, label: string, pick: (a: ApplicationFacts) => boolean): AnnualRow => {
    const counts: Record<string, number> = Object.fromEntries(ANNUAL_COLUMNS.map((c) => [c.key, 0]));
    for (const a of apps) {
      if (!pick(a)) continue;
      const col = ANNUAL_COLUMNS.some((c) => c.key === a.applicantKind) ? a.applicantKind : 'other';
      counts[col] = (counts[col] ?? 0) + 1;
      counts.total = (counts.total ?? 0) + 1;
    }
    return { key, label, counts };
  };
  const concludedInYear = (a: ApplicationFacts) =>
    a.concludedOn !== null && a.concludedOn >= from && a.concludedOn <= to;
  const results = ANNUAL_ROWS.map(([key, label, codes]) =>
    row(key, label, (a) => concludedInYear(a) && a.outcome !== null && codes.includes(a.outcome)),
  );
  return [
    row('new', '一、本年新收政府信息公开申请数量', (a) => a.receivedOn >= from && a.receivedOn <= to),
    row(
      'carriedIn',
      '二、上年结转政府信息公开申请数量',
      (a) => a.receivedOn < from && (a.concludedOn === null || a.concludedOn >= from),
    ),
    ...results,
    row('handled', '（七）总计', (a) => concludedInYear(a)),
    row(
      'carriedOut',
      '四、结转下年度继续办理',
      (a) => a.receivedOn <= to && (a.concludedOn === null || a.concludedOn > to),
    ),
  ];
}

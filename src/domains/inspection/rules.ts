import { z } from 'zod';
import type { LocalDate, WorkCalendar } from '../../platform/calendar/index.js';
import { addWorkdays, type DueState, dueState } from '../../platform/clock/index.js';

/**
 * 抽查检查结果 — the categories used on the 国家企业信用信息公示系统 for 双随机 results.
 * `problem` marks results that count as 发现问题 (the problem rate).
 */
export const inspectionResults = {
  noProblem: { label: '未发现问题', problem: false },
  problemCorrected: { label: '发现问题已责令改正', problem: true },
  problemPending: { label: '发现问题待后续处理', problem: true },
  notPublicized: { label: '未按规定公示应当公示的信息', problem: true },
  falsePublicity: { label: '公示信息隐瞒真实情况、弄虚作假', problem: true },
  unreachable: { label: '通过登记的住所(经营场所)无法联系', problem: true },
  uncooperative: { label: '不配合检查', problem: true },
  notOperating: { label: '未发现开展本次抽查涉及的经营活动', problem: false },
  closed: { label: '已关闭停业或正在组织清算', problem: false },
  deregistered: { label: '已注销或被吊销营业执照', problem: false },
} as const;

export const InspectionResult = z.enum(
  Object.keys(inspectionResults) as [keyof typeof inspectionResults, ...(keyof typeof inspectionResults)[]],
);
export type InspectionResult = z.infer<typeof InspectionResult>;

/** RULES §2.5: results are published within 20 working days of the end of the 抽查. */
export const PUBLICATION_WORKDAYS = 20;

export function publicationDue(calendar: WorkCalendar, taskEnd: LocalDate): LocalDate {
  return addWorkdays(calendar, taskEnd, PUBLICATION_WORKDAYS);
}

export type PublicationState = 'published' | 'publishedLate' | DueState;

/** Where a result's publication stands on `today` (临期 = 5 calendar days or fewer left). */
export function publicationState(
  due: LocalDate,
  publishedOn: LocalDate | null,
  today: LocalDate,
): PublicationState {
  if (publishedOn) return publishedOn <= due ? 'published' : 'publishedLate';
  return dueState(due, today, 5);
}

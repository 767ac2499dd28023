import { compareDates, type LocalDate, type WorkCalendar } from '../../../platform/calendar/index.js';
import { period } from '../clock.js';

/**
 * The reply period: 两高《关于检察公益诉讼案件适用法律若干问题的解释》第二十一条 — the agency replies in
 * writing within 2 months of receiving the 检察建议, 15 days when the harm is urgent; the
 * 人民检察院检察建议工作规定 第二十一条 and the courts' 司法建议 practice use the same 2 months. Calendar
 * periods, the end moved off a rest day (民法典 第二百零三条).
 */
export function replyDue(calendar: WorkCalendar, receivedOn: LocalDate, urgent: boolean): LocalDate {
  const p = urgent
    ? period(calendar, receivedOn, { unit: 'calendarDay', amount: 15 })
    : period(calendar, receivedOn, { unit: 'month', amount: 2 });
  return p.due ?? receivedOn;
}

/** Whether a reply came on time. */
export function repliedOnTime(repliedOn: LocalDate, dueOn: LocalDate): boolean {
  return compareDates(repliedOn, dueOn) <= 0;
}

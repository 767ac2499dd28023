import { invalid } from '../errors.js';

/** A date the user typed for an event: its label in messages, the value and the input field. */
export interface TypedDate {
  label: string;
  on: string;
  field: string;
}

/** An event is recorded once it has happened: its date may not be after today (China's date). */
export function checkNotAfterToday(code: string, d: TypedDate, today: string): void {
  if (d.on > today) throw invalid(code, `${d.label} ${d.on} 晚于今天`, d.field);
}

/** An event may not precede the one it follows (开庭 after 立案, 答复 after 收到): the message names both. */
export function checkNotBefore(code: string, d: TypedDate, earlier: { label: string; on: string }): void {
  if (d.on < earlier.on)
    throw invalid(code, `${d.label} ${d.on} 早于${earlier.label} ${earlier.on}`, d.field);
}

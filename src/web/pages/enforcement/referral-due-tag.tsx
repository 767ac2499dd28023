import { Tag } from 'antd';
import { formatInstant } from '../../components/ledger.js';
import { DueTag } from './due-tag.js';
import type { ReferralDueState } from './referral-types.js';

/** A referral clock: 临期 / 逾期 as every ledger shows them; the 24-hour clock shows its hour. */
export function ReferralDueTag({
  state,
  dueAt,
  hours,
  late,
}: {
  state: ReferralDueState;
  dueAt: string;
  hours?: boolean;
  late?: boolean;
}) {
  const shown = hours
    ? formatInstant(dueAt)
    : formatInstant(new Date(Date.parse(dueAt) - 1).toISOString()).slice(0, 10);
  if (state === 'met') return late ? <Tag color="volcano">已办(超期)</Tag> : <Tag color="green">已办结</Tag>;
  if (state === 'lapsed') return <Tag>已过期未行使</Tag>;
  return <DueTag state={state} due={shown} />;
}

import dayjs, { type Dayjs } from 'dayjs';

/** Legal dates travel as 'YYYY-MM-DD' (a date in China), never as instants. */
export const toDate = (d: Dayjs | null | undefined): string | undefined =>
  d ? d.format('YYYY-MM-DD') : undefined;

export const todayInChina = (): Dayjs =>
  dayjs(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));

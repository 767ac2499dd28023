import { Col, Row, Tooltip, Typography } from 'antd';
import type { CalendarDay } from '../api/types.js';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const HOLIDAY_RED = '#cf1322';
const WORKDAY_BLUE = '#0958d9';

/** Monday-first column (0…6) of a date, computed in UTC so the browser's zone cannot shift it. */
function mondayColumn(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function Month({
  year,
  month,
  marks,
  today,
}: {
  year: number;
  month: number;
  marks: Map<string, CalendarDay>;
  today: string;
}) {
  const lead = mondayColumn(year, month, 1);
  // Blank cells before the 1st and after the last day keep the grid aligned to weekdays.
  const cells: { key: string; day: number | null }[] = [];
  for (let b = 0; b < lead; b++) cells.push({ key: `lead-${b}`, day: null });
  for (let d = 1; d <= daysIn(year, month); d++) cells.push({ key: `day-${d}`, day: d });
  for (let b = 0; cells.length % 7 !== 0; b++) cells.push({ key: `tail-${b}`, day: null });
  const cell = { textAlign: 'center', fontSize: 12, lineHeight: '22px', position: 'relative' } as const;

  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: 6, background: '#fff' }}>
      <Typography.Text strong style={{ display: 'block', textAlign: 'center', marginBottom: 2 }}>
        {month}月
      </Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 1 }}>
        {WEEKDAYS.map((w, i) => (
          <div key={w} style={{ ...cell, color: i >= 5 ? '#999' : '#666' }}>
            {w}
          </div>
        ))}
        {cells.map(({ key, day: d }, i) => {
          if (d === null) return <div key={key} />;
          const date = `${year}-${pad(month)}-${pad(d)}`;
          const mark = marks.get(date);
          const weekend = i % 7 >= 5;
          const style = {
            ...cell,
            borderRadius: 3,
            color:
              mark?.kind === 'holiday'
                ? HOLIDAY_RED
                : mark?.kind === 'workday'
                  ? WORKDAY_BLUE
                  : weekend
                    ? '#999'
                    : '#333',
            background:
              mark?.kind === 'holiday' ? '#fff1f0' : mark?.kind === 'workday' ? '#e6f4ff' : undefined,
            outline: date === today ? '1px solid #333' : undefined,
          };
          const badge = mark ? (mark.kind === 'holiday' ? '休' : '班') : null;
          const body = (
            <div style={style}>
              {d}
              {badge && (
                <span
                  style={{
                    position: 'absolute',
                    top: -4,
                    right: 0,
                    fontSize: 9,
                    lineHeight: '12px',
                    fontWeight: 600,
                  }}
                >
                  {badge}
                </span>
              )}
            </div>
          );
          if (!mark) return <div key={date}>{body}</div>;
          const title =
            mark.kind === 'holiday'
              ? `${date} ${mark.name || '节假日'} 放假`
              : `${date} 调休上班${mark.name ? `(${mark.name})` : ''}`;
          return (
            <Tooltip key={date} title={title}>
              {body}
            </Tooltip>
          );
        })}
      </div>
    </div>
  );
}

/** Twelve compact months: 休 (holidays) in red, 班 (make-up workdays) in blue. */
export function YearGrid({ year, days }: { year: number; days: CalendarDay[] }) {
  const marks = new Map(days.map((d) => [d.date, d]));
  const now = new Date();
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return (
    <Row gutter={[8, 8]}>
      {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
        <Col key={m} xs={24} sm={12} md={8} xxl={6}>
          <Month year={year} month={m} marks={marks} today={today} />
        </Col>
      ))}
    </Row>
  );
}

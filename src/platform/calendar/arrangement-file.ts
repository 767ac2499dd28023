import { invalid } from '../errors.js';
import { isLocalDate, isWeekend, type LocalDate, monthOf, dayOf, weekdayName, yearOf } from './local-date.js';
import type { CalendarDayKind } from './work-calendar.js';

/**
 * The file an administrator loads with `fazhi calendar load <file>` for a year the package does
 * not cover (or to correct one), typed from the State Council's yearly notice:
 *
 * JSON: {"year":2027,"source":"国办发明电〔2026〕X号",
 *        "holidays":[{"name":"元旦","days":["2027-01-01",…]}], "workdays":["2027-02-06",…]}
 * CSV:  date,kind,name   (kind: holiday/放假/休 or workday/上班/班), with optional leading
 *       comment lines "# year: 2027" and "# source: 国办发明电〔2026〕X号".
 *
 * The text must already be decoded (the CLI handles GBK files saved by Excel).
 */
export interface ArrangementDay {
  day: LocalDate;
  kind: CalendarDayKind;
  name: string;
}

export interface CalendarArrangement {
  year: number;
  source: string;
  /** Ascending by day. */
  days: ArrangementDay[];
}

export interface ArrangementIssue {
  /** A JSON path (holidays[0].days[2]) or a CSV line (第5行). */
  where: string;
  message: string;
}

export interface ArrangementOptions {
  /** Overrides the file's year (CSV: otherwise from "# year:" or the latest date). */
  year?: number;
  /** Overrides the file's source. */
  source?: string;
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2200;
/**
 * A notice for year Y may place 元旦 days off or a make-up workday in late December of Y−1
 * (2019: 2018-12-29 上班、12-30 起放假, 国办发明电〔2018〕15号; 2023: 2022-12-31 起放假), so dates
 * from Y−1-12-21 on are accepted; anything else outside Y is a typing mistake.
 */
const PREVIOUS_DECEMBER_FROM_DAY = 21;

interface RawEntry {
  where: string;
  value: unknown;
  kind: CalendarDayKind;
  name: string;
}

function fail(issues: ArrangementIssue[]): never {
  const shown = issues.slice(0, 5).map((i) => `${i.where}:${i.message}`);
  const more = issues.length > 5 ? `(另有 ${issues.length - 5} 处错误)` : '';
  throw invalid(
    'calendar.invalidFile',
    `节假日安排文件有 ${issues.length} 处错误:${shown.join(';')}${more}`,
    issues[0]?.where,
    { issues },
  );
}

function checkYear(year: unknown, where: string, issues: ArrangementIssue[]): year is number {
  if (typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR) return true;
  issues.push({
    where,
    message: `年份应为 ${MIN_YEAR}—${MAX_YEAR} 之间的整数,实际为 ${JSON.stringify(year) ?? '空'}`,
  });
  return false;
}

function checkSource(source: unknown, where: string, issues: ArrangementIssue[]): source is string {
  if (typeof source === 'string' && source.trim() !== '' && source.length <= 200) return true;
  issues.push({
    where,
    message: '请填写安排的来源(国务院办公厅通知的文号,如“国办发明电〔2026〕X号”),不超过 200 字',
  });
  return false;
}

function inArrangementYear(day: LocalDate, year: number): boolean {
  if (yearOf(day) === year) return true;
  return yearOf(day) === year - 1 && monthOf(day) === 12 && dayOf(day) >= PREVIOUS_DECEMBER_FROM_DAY;
}

/** Checks every entry and collects every problem, so the administrator fixes the file in one pass. */
function validate(
  year: number | undefined,
  source: string | undefined,
  entries: RawEntry[],
  issues: ArrangementIssue[],
): CalendarArrangement {
  const seen = new Map<string, string>();
  const days: ArrangementDay[] = [];
  for (const e of entries) {
    if (!isLocalDate(e.value)) {
      issues.push({
        where: e.where,
        message: `“${String(e.value)}”不是有效日期(应为 YYYY-MM-DD 格式的真实日期)`,
      });
      continue;
    }
    const day = e.value;
    const first = seen.get(day);
    if (first !== undefined) {
      issues.push({ where: e.where, message: `${day} 重复出现(已在 ${first} 列出)` });
      continue;
    }
    seen.set(day, e.where);
    if (year !== undefined && !inArrangementYear(day, year)) {
      issues.push({
        where: e.where,
        message: `${day} 不在 ${year} 年的安排内(只接受 ${year} 年的日期,以及 ${year - 1} 年 12 月 ${PREVIOUS_DECEMBER_FROM_DAY} 日以后元旦前后的日期)`,
      });
      continue;
    }
    if (e.kind === 'workday' && !isWeekend(day)) {
      issues.push({
        where: e.where,
        message: `${day} 是${weekdayName(day)},本来就是工作日,列为调休上班日没有意义(只有周六、周日才会调为上班)`,
      });
      continue;
    }
    if (e.kind === 'holiday' && e.name.trim() === '') {
      issues.push({ where: e.where, message: `${day} 是节假日,请填写节日名称(如“春节”)` });
      continue;
    }
    days.push({ day, kind: e.kind, name: e.name.trim() });
  }
  if (!days.some((d) => d.kind === 'holiday') && !issues.some((i) => i.where.startsWith('holidays'))) {
    issues.push({
      where: 'holidays',
      message: '文件没有列出任何节假日;每年的放假安排至少包含元旦、春节等节日',
    });
  }
  if (issues.length > 0 || year === undefined || source === undefined) fail(issues);
  days.sort((a, b) => (a.day < b.day ? -1 : 1));
  return { year, source: source.trim(), days };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseArrangementJson(text: string, opts: ArrangementOptions = {}): CalendarArrangement {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw invalid('calendar.invalidFile', `节假日安排文件不是有效的 JSON:${(err as Error).message}`, 'file');
  }
  const issues: ArrangementIssue[] = [];
  if (!isRecord(doc))
    fail([
      { where: '文件', message: '顶层应为一个对象 {"year":…,"source":…,"holidays":[…],"workdays":[…]}' },
    ]);
  const year = opts.year ?? doc.year;
  const source = opts.source ?? doc.source;
  const yearOk = checkYear(year, 'year', issues);
  const sourceOk = checkSource(source, 'source', issues);
  const entries: RawEntry[] = [];
  if (!Array.isArray(doc.holidays)) {
    issues.push({ where: 'holidays', message: '应为数组,如 [{"name":"元旦","days":["2027-01-01"]}]' });
  } else {
    for (const [i, h] of (doc.holidays as unknown[]).entries()) {
      const at = `holidays[${i}]`;
      if (!isRecord(h)) {
        issues.push({ where: at, message: '应为 {"name":…,"days":[…]}' });
      } else if (typeof h.name !== 'string' || h.name.trim() === '') {
        issues.push({ where: `${at}.name`, message: '节日名称不能为空(如“春节”)' });
      } else if (!Array.isArray(h.days) || h.days.length === 0) {
        issues.push({ where: `${at}.days`, message: `“${h.name}”的放假日期应为非空数组` });
      } else {
        for (const [j, value] of (h.days as unknown[]).entries()) {
          entries.push({ where: `${at}.days[${j}]`, value, kind: 'holiday', name: h.name });
        }
      }
    }
  }
  if (doc.workdays !== undefined && !Array.isArray(doc.workdays)) {
    issues.push({ where: 'workdays', message: '应为日期数组,如 ["2027-02-06"]' });
  } else {
    for (const [j, value] of ((doc.workdays ?? []) as unknown[]).entries()) {
      entries.push({ where: `workdays[${j}]`, value, kind: 'workday', name: '' });
    }
  }
  return validate(yearOk ? year : undefined, sourceOk ? source : undefined, entries, issues);
}

/** Splits one CSV line, honouring double quotes as Excel writes them. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

const KIND_WORDS: Record<string, CalendarDayKind> = {
  holiday: 'holiday',
  放假: 'holiday',
  休: 'holiday',
  节假日: 'holiday',
  workday: 'workday',
  上班: 'workday',
  班: 'workday',
  调休上班日: 'workday',
};

export function parseArrangementCsv(text: string, opts: ArrangementOptions = {}): CalendarArrangement {
  const issues: ArrangementIssue[] = [];
  const entries: RawEntry[] = [];
  const meta: { year?: string; source?: string } = {};
  let headerSeen = false;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const where = `第${index + 1}行`;
      const line = raw.trim();
      if (line === '' || /^,+$/.test(line)) return;
      if (line.startsWith('#')) {
        const m = /^#\s*(year|年份|source|来源)\s*[:：]\s*(.*)$/i.exec(line);
        if (m?.[1] && m[2] !== undefined) {
          const key = m[1].toLowerCase();
          meta[key === 'year' || key === '年份' ? 'year' : 'source'] = m[2].trim();
        }
        return;
      }
      const fields = splitCsvLine(line);
      if (!headerSeen && /^(date|日期)$/i.test(fields[0] ?? '')) {
        headerSeen = true;
        return;
      }
      headerSeen = true;
      const [value = '', kindText = '', name = ''] = fields;
      const kind = KIND_WORDS[kindText.toLowerCase()];
      if (kind === undefined) {
        issues.push({ where: `${where} kind`, message: `“${kindText}”应为 holiday(放假)或 workday(上班)` });
        return;
      }
      entries.push({ where, value, kind, name });
    });
  const year = opts.year ?? declaredYear(meta.year) ?? latestYear(entries);
  const source = opts.source ?? meta.source;
  const yearOk = checkYear(year, 'year(文件头“# year: 2027”)', issues);
  const sourceOk = checkSource(source, 'source(文件头“# source: 文号”或 --source)', issues);
  return validate(yearOk ? year : undefined, sourceOk ? source : undefined, entries, issues);
}

function declaredYear(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** With no declared year, the arrangement's year is the latest year its dates fall in. */
function latestYear(entries: RawEntry[]): number | undefined {
  const years = entries.flatMap((e) => (isLocalDate(e.value) ? [yearOf(e.value)] : []));
  return years.length > 0 ? Math.max(...years) : undefined;
}

/** Picks the parser by file extension (.json or .csv). */
export function parseArrangementFile(
  fileName: string,
  text: string,
  opts: ArrangementOptions = {},
): CalendarArrangement {
  if (/\.json$/i.test(fileName)) return parseArrangementJson(text, opts);
  if (/\.csv$/i.test(fileName)) return parseArrangementCsv(text, opts);
  throw invalid('calendar.invalidFile', `不支持的文件类型:${fileName}(应为 .json 或 .csv)`, 'file');
}

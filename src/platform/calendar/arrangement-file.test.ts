import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { parseArrangementCsv, parseArrangementFile, parseArrangementJson } from './arrangement-file.js';

const good = {
  year: 2027,
  source: '国办发明电〔2026〕X号',
  holidays: [
    { name: '元旦', days: ['2027-01-01', '2027-01-02', '2027-01-03'] },
    { name: '春节', days: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'] },
  ],
  workdays: ['2027-01-30'],
};

function issuesOf(fn: () => unknown): { where: string; message: string }[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('calendar.invalidFile');
    return (err as DomainError).details.issues as { where: string; message: string }[];
  }
  throw new Error('expected the file to be refused');
}

describe('JSON arrangement files', () => {
  it('reads a notice into sorted days', () => {
    const parsed = parseArrangementJson(JSON.stringify(good));
    expect(parsed.year).toBe(2027);
    expect(parsed.source).toBe('国办发明电〔2026〕X号');
    expect(parsed.days[0]).toEqual({ day: '2027-01-01', kind: 'holiday', name: '元旦' });
    expect(parsed.days.find((d) => d.day === '2027-01-30')).toEqual({
      day: '2027-01-30',
      kind: 'workday',
      name: '',
    });
    expect(parsed.days.map((d) => d.day)).toEqual([...parsed.days.map((d) => d.day)].sort());
  });

  it('names every mistake with its field', () => {
    const issues = issuesOf(() =>
      parseArrangementJson(
        JSON.stringify({
          year: 2027,
          source: '',
          holidays: [
            { name: '元旦', days: ['2027-01-01', '2027-02-30', '2026-06-01'] },
            { name: '', days: ['2027-05-01'] },
            { name: '春节', days: ['2027-01-01'] },
          ],
          workdays: ['2027-03-03', '2027-01-30'],
        }),
      ),
    );
    const byWhere = Object.fromEntries(issues.map((i) => [i.where, i.message]));
    expect(byWhere.source).toMatch(/来源/);
    expect(byWhere['holidays[0].days[1]']).toMatch(/2027-02-30.*不是有效日期/);
    expect(byWhere['holidays[0].days[2]']).toMatch(/2026-06-01 不在 2027 年的安排内/);
    expect(byWhere['holidays[1].name']).toMatch(/节日名称不能为空/);
    expect(byWhere['holidays[2].days[0]']).toMatch(/2027-01-01 重复出现.*holidays\[0\]\.days\[0\]/);
    expect(byWhere['workdays[0]']).toMatch(/2027-03-03 是星期三,本来就是工作日/);
    expect(byWhere['workdays[1]']).toBeUndefined(); // a Saturday: a real make-up workday
  });

  it("accepts the late-December days a notice gives to the next year's 元旦", () => {
    // 国办发明电〔2018〕15号: 2018-12-29(六)上班, 12-30 至 2019-01-01 放假.
    const parsed = parseArrangementJson(
      JSON.stringify({
        year: 2019,
        source: '国办发明电〔2018〕15号',
        holidays: [{ name: '元旦', days: ['2018-12-30', '2018-12-31', '2019-01-01'] }],
        workdays: ['2018-12-29'],
      }),
    );
    expect(parsed.days.map((d) => d.day)).toEqual(['2018-12-29', '2018-12-30', '2018-12-31', '2019-01-01']);
    const issues = issuesOf(() =>
      parseArrangementJson(JSON.stringify({ ...good, holidays: [{ name: '元旦', days: ['2026-12-01'] }] })),
    );
    expect(issues[0]?.message).toMatch(/2026-12-01 不在 2027 年的安排内/);
  });

  it('refuses broken JSON, a bad year and a file with no holidays', () => {
    expect(() => parseArrangementJson('{"year": 2027,')).toThrow(/不是有效的 JSON/);
    expect(issuesOf(() => parseArrangementJson(JSON.stringify({ ...good, year: '明年' })))[0]).toMatchObject({
      where: 'year',
    });
    expect(issuesOf(() => parseArrangementJson(JSON.stringify({ ...good, holidays: [] })))[0]).toMatchObject({
      where: 'holidays',
      message: expect.stringMatching(/没有列出任何节假日/),
    });
  });
});

describe('CSV arrangement files', () => {
  const csv = [
    '\uFEFF# year: 2027',
    '# source: 国办发明电〔2026〕X号',
    'date,kind,name',
    '2027-01-01,holiday,元旦',
    '2027-02-06,放假,"春节"',
    '2027-01-30,上班,春节',
    '',
  ].join('\r\n');

  it('reads the header comments, Chinese kinds and quoted names', () => {
    const parsed = parseArrangementCsv(csv);
    expect(parsed).toEqual({
      year: 2027,
      source: '国办发明电〔2026〕X号',
      days: [
        { day: '2027-01-01', kind: 'holiday', name: '元旦' },
        { day: '2027-01-30', kind: 'workday', name: '春节' },
        { day: '2027-02-06', kind: 'holiday', name: '春节' },
      ],
    });
    expect(parseArrangementFile('2027.CSV', csv).days).toHaveLength(3);
  });

  it('takes year and source from the command line when the file has none', () => {
    const bare = 'date,kind,name\n2027-10-01,holiday,国庆节\n';
    expect(parseArrangementCsv(bare, { source: '国办发明电〔2026〕X号' }).year).toBe(2027);
    expect(issuesOf(() => parseArrangementCsv(bare))[0]?.where).toMatch(/^source/);
  });

  it('names the line at fault', () => {
    const issues = issuesOf(() =>
      parseArrangementCsv(
        [
          '# year: 2027',
          '# source: X',
          'date,kind,name',
          '2027-01-01,holiday,元旦',
          '2027-01-05,上班,',
          '2027-01-06,调整,',
        ].join('\n'),
      ),
    );
    expect(issues).toEqual([
      { where: '第6行 kind', message: '“调整”应为 holiday(放假)或 workday(上班)' },
      { where: '第5行', message: expect.stringMatching(/2027-01-05 是星期二,本来就是工作日/) },
    ]);
  });

  it('refuses other file types', () => {
    expect(() => parseArrangementFile('2027.xlsx', '')).toThrow(/应为 .json 或 .csv/);
  });
});

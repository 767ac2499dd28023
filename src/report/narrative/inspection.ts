import { among, clauses, type FigureBook, type SentenceTemplate } from '../sentences.js';
import { rows } from './clauses.js';

/** “双随机、一公开” as the seeds write it: 一单两库, plans by kind, tasks, coverage, results, publication. */
const i = (s: string) => `inspection.${s}`;

const registers = (b: FigureBook) => clauses(rows(b, 'inspection.registers'));

const plans = (b: FigureBook) => {
  const all = b.c('制定“双随机、一公开”抽查计划', i('plans'));
  if (!all) return null;
  const kinds = among([b.c('部门抽查', i('plans.department')), b.c('部门联合抽查', i('plans.joint'))], '');
  return clauses([kinds ? `${all}(其中${kinds})` : all, b.c('联合抽查占比', i('plans.jointShare'))]);
};

const tasks = (b: FigureBook) =>
  clauses([
    b.cv('完成抽查任务', i('tasks')),
    b.c('其中跨部门联合抽查', i('tasks.joint')),
    b.c('随机抽取检查对象', i('targets')),
    b.cv('名录库抽查覆盖率', i('coverage')),
  ]);

const results = (b: FigureBook) =>
  clauses([
    b.c('已录入检查结果', i('results')),
    b.cz('发现问题', i('results.problem'), '未发现问题', i('results')),
    b.c('发现问题率', i('problemRate')),
    b.c('抽查结果按时公示率', i('publication.timely')),
  ]);

export const inspectionNarrative: SentenceTemplate[] = [registers, plans, tasks, results];

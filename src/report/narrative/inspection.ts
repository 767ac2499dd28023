import { clauses, type FigureBook, type SentenceTemplate } from '../sentences.js';

/** “双随机、一公开” as the seeds write it: 一单两库, plans by kind, tasks, coverage, results, publication. */
const i = (s: string) => `inspection.${s}`;

const registers = (b: FigureBook) =>
  clauses([
    b.c('制定部门抽查事项', i('checklist.department')),
    b.c('部门联合抽查事项', i('checklist.joint')),
    b.c('检查对象名录库在册监管对象', i('inspectees')),
    b.c('执法检查人员名录库在册检查人员', i('inspectors')),
  ]);

const plans = (b: FigureBook) => {
  const all = b.c('制定“双随机、一公开”抽查计划', i('plans'));
  if (!all) return null;
  return clauses([
    `${all}(其中${[b.c('部门抽查', i('plans.department')), b.c('部门联合抽查', i('plans.joint'))].filter(Boolean).join('、')})`.replace(
      '(其中)',
      '',
    ),
    b.c('联合抽查占比', i('plans.jointShare')),
  ]);
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
    b.c('发现问题', i('results.problem')) ??
      (b.value(i('results')) !== null ? b.zero(i('results.problem'), '未发现问题') : null),
    b.c('发现问题率', i('problemRate')),
    b.c('抽查结果按时公示率', i('publication.timely')),
  ]);

export const inspectionNarrative: SentenceTemplate[] = [registers, plans, tasks, results];
